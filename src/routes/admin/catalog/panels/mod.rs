//! Default panels: per commodity, the test methods each side runs; add and remove.

pub mod add;
pub mod remove;
pub mod show;
