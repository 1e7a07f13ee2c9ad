//! Every route of the application, in one table (see `crate::routes!`).

pub mod account;
pub mod admin;
pub mod assets;
pub mod health;
pub mod home;
pub mod session;

crate::routes! {
    get "/healthz" => health::healthz,
    get "/readyz" => health::readyz,
    get "/static/{file}" => assets::serve,
    get "/login" => session::login_form::show,
    post "/login" => session::login::submit,
    post "/logout" => session::logout::submit,
    get "/" => home::show,
    get "/account" => account::show::show,
    post "/account/password" => account::password::submit,
    post "/account/preferences" => account::preferences::submit,
    get "/admin/users" => admin::users::list::show,
    get "/admin/users/new" => admin::users::new::show,
    post "/admin/users" => admin::users::create::submit,
    get "/admin/users/{id}" => admin::users::edit::show,
    post "/admin/users/{id}" => admin::users::update::submit,
    post "/admin/users/{id}/deactivate" => admin::users::activation::deactivate,
    post "/admin/users/{id}/activate" => admin::users::activation::activate,
    post "/admin/users/{id}/reset-password" => admin::users::reset_password::submit,
    get "/admin/audit" => admin::audit::list::show,
}
