//! Every route of the application, in one table (see `crate::routes!`).

pub mod account;
pub mod admin;
pub mod applications;
pub mod assets;
pub mod bench;
pub mod certificates;
pub mod consignments;
pub mod exporters;
pub mod health;
pub mod home;
pub mod intake;
pub mod lab_tests;
pub mod samples;
pub mod session;
pub mod trust;
pub mod verify;

crate::routes! {
    get "/healthz" => health::healthz,
    get "/readyz" => health::readyz,
    get "/static/{file}" => assets::serve,
    get "/.well-known/jwks.json" => trust::jwks::show,
    get "/.well-known/revocations.json" => verify::revocations::show,
    get "/verify" => verify::page::form,
    get "/verify/{number}" => verify::page::by_number,
    get "/v/{token}" => verify::page::by_token,
    get "/api/v1/verify/{token}" => verify::api::show,
    get "/login" => session::login_form::show,
    post "/login" => session::login::submit,
    post "/logout" => session::logout::submit,
    get "/" => home::show,
    get "/account" => account::show::show,
    post "/account/password" => account::password::submit,
    post "/account/preferences" => account::preferences::submit,
    get "/exporters" => exporters::list::show,
    get "/exporters/new" => exporters::form::new,
    post "/exporters" => exporters::save::create,
    get "/exporters/{id}" => exporters::form::show,
    post "/exporters/{id}" => exporters::save::update,
    get "/applications" => applications::list::show,
    get "/applications/new" => applications::form::new,
    post "/applications" => applications::form::create,
    get "/applications/{id}" => applications::show::show,
    post "/applications/{id}/accept" => applications::decide::accept,
    post "/applications/{id}/return" => applications::decide::send_back,
    get "/consignments" => consignments::list::show,
    get "/consignments/{id}" => consignments::show::show,
    get "/consignments/{id}/samples/new" => samples::register::new,
    post "/consignments/{id}/samples" => samples::register::create,
    get "/samples" => samples::list::show,
    get "/samples/{id}" => samples::show::show,
    get "/samples/{id}/labels" => samples::labels::show,
    post "/samples/{id}/handover" => samples::custody::hand_over,
    post "/samples/{id}/receipt" => samples::custody::receive,
    post "/samples/{id}/dispose" => samples::custody::dispose,
    post "/samples/{id}/cancel" => samples::custody::cancel,
    get "/bench" => bench::queue::show,
    get "/bench/{method}" => bench::batch::show,
    post "/bench/{method}" => bench::batch::save,
    get "/review" => bench::review::show,
    post "/review" => bench::review::decide,
    post "/samples/{id}/discrepancies/{discrepancy}/resolve" => samples::resolve::submit,
    get "/samples/{id}/tests" => lab_tests::manage::show,
    post "/samples/{id}/tests" => lab_tests::manage::add,
    post "/tests/{id}/remove" => lab_tests::manage::remove,
    post "/tests/{id}/invalidate" => lab_tests::manage::invalidate,
    get "/admin/users" => admin::users::list::show,
    get "/admin/users/new" => admin::users::new::show,
    post "/admin/users" => admin::users::create::submit,
    get "/admin/users/{id}" => admin::users::edit::show,
    post "/admin/users/{id}" => admin::users::update::submit,
    post "/admin/users/{id}/deactivate" => admin::users::activation::deactivate,
    post "/admin/users/{id}/activate" => admin::users::activation::activate,
    post "/admin/users/{id}/reset-password" => admin::users::reset_password::submit,
    post "/admin/users/{id}/clear-throttles" => admin::users::throttles::clear,
    get "/admin/audit" => admin::audit::list::show,
    get "/admin/catalog" => admin::catalog::overview::show,
    get "/admin/catalog/commodities" => admin::catalog::commodities::list::show,
    get "/admin/catalog/commodities/new" => admin::catalog::commodities::new::show,
    post "/admin/catalog/commodities" => admin::catalog::commodities::create::submit,
    get "/admin/catalog/commodities/{id}" => admin::catalog::commodities::edit::show,
    post "/admin/catalog/commodities/{id}" => admin::catalog::commodities::update::submit,
    get "/admin/catalog/commodities/{id}/panel" => admin::catalog::panels::show::show,
    post "/admin/catalog/commodities/{id}/panel" => admin::catalog::panels::add::submit,
    post "/admin/catalog/panel-tests/{id}/remove" => admin::catalog::panels::remove::submit,
    get "/admin/catalog/test-methods" => admin::catalog::test_methods::list::show,
    get "/admin/catalog/test-methods/new" => admin::catalog::test_methods::new::show,
    post "/admin/catalog/test-methods" => admin::catalog::test_methods::create::submit,
    get "/admin/catalog/test-methods/{id}" => admin::catalog::test_methods::edit::show,
    post "/admin/catalog/test-methods/{id}" => admin::catalog::test_methods::update::submit,
    get "/admin/catalog/limit-sets" => admin::catalog::limit_sets::list::show,
    post "/admin/catalog/limit-sets" => admin::catalog::limit_sets::list::create,
    get "/admin/catalog/limit-sets/{id}" => admin::catalog::limit_sets::show::show,
    post "/admin/catalog/limit-sets/{id}/limits" => admin::catalog::limit_sets::add_limit::submit,
    post "/admin/catalog/limits/{id}/remove" => admin::catalog::limit_sets::remove_limit::submit,
    get "/certificates" => certificates::list::show,
    get "/certificates/{id}" => certificates::show::show,
    post "/certificates/{id}/sign" => certificates::sign::submit,
    post "/certificates/{id}/revoke" => certificates::revoke::revoke,
    post "/certificates/{id}/discard" => certificates::revoke::discard,
    get "/certificates/{id}/replace" => certificates::draft::replace_form,
    post "/certificates/{id}/replace" => certificates::draft::replace,
    get "/consignments/{id}/certificates/new" => certificates::draft::new,
    post "/consignments/{id}/certificates" => certificates::draft::create,
}
