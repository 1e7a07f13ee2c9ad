//! jointlab: the laboratory information system of the joint Kazakh–Chinese
//! phyto-veterinary laboratory at the Khorgos and Dostyk crossings.

pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod ephyto;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod models;
pub mod pdf;
pub mod percent;
pub mod queries;
pub mod routes;
pub mod signing;
pub mod startup;
pub mod telemetry;
pub mod token;
pub mod web;
pub mod workflows;
