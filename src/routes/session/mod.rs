pub mod login;
pub mod login_form;
pub mod logout;
pub mod reset_password;
pub mod reset_request;
