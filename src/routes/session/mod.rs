pub mod login;
pub mod login_form;
pub mod logout;
