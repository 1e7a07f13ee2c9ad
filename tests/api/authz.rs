//! The authorization matrix: every route the application registers, with who may use it,
//! walked with every role and side and with no account at all.

use std::collections::BTreeSet;

use jointlab::db::write_tx;
use jointlab::domain::{DisplayName, Email, Role};
use jointlab::i18n::Lang;
use jointlab::models::user::Account;
use jointlab::models::{Actor, User};

use crate::helpers::{ACCOUNTS, Client, Resp, TestApp, spawn_app, spawn_app_with};

/// Who may use a route.
#[derive(Debug, Clone, Copy)]
enum Who {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in.
    SignedIn,
    /// Only these roles; other signed-in users get 403.
    Roles(&'static [Role]),
}

const ADMIN: Who = Who::Roles(&[Role::Admin]);
const AUDIT_READERS: Who = Who::Roles(&[Role::Admin, Role::Auditor]);
const COMPANY_KEEPERS: Who = Who::Roles(&[Role::Admin, Role::Registrar]);
const REGISTRARS: Who = Who::Roles(&[Role::Registrar]);
const APPLICANTS: Who = Who::Roles(&[Role::Registrar, Role::Exporter]);
const APPLICATION_READERS: Who = Who::Roles(&[Role::Registrar, Role::Exporter, Role::Auditor]);
const INTAKE_READERS: Who = Who::Roles(&[
    Role::Registrar,
    Role::Analyst,
    Role::Reviewer,
    Role::Certifier,
    Role::Exporter,
    Role::Auditor,
]);
const BENCH_READERS: Who = Who::Roles(&[Role::Analyst, Role::Reviewer]);
const ANALYSTS: Who = Who::Roles(&[Role::Analyst]);
const REVIEWERS: Who = Who::Roles(&[Role::Reviewer]);
const LABEL_PRINTERS: Who = Who::Roles(&[Role::Registrar, Role::Analyst, Role::Reviewer]);

/// Every route, and who may use it. A route the application registers without a line here
/// fails `every_registered_route_is_in_the_matrix`.
const MATRIX: &[(&str, &str, Who)] = &[
    ("get", "/healthz", Who::Public),
    ("get", "/readyz", Who::Public),
    ("get", "/static/{file}", Who::Public),
    ("get", "/login", Who::Public),
    ("post", "/login", Who::Public),
    ("get", "/", Who::SignedIn),
    ("get", "/account", Who::SignedIn),
    ("post", "/account/password", Who::SignedIn),
    ("post", "/account/preferences", Who::SignedIn),
    ("get", "/admin/users", ADMIN),
    ("get", "/admin/users/new", ADMIN),
    ("post", "/admin/users", ADMIN),
    ("get", "/admin/users/{id}", ADMIN),
    ("post", "/admin/users/{id}", ADMIN),
    ("post", "/admin/users/{id}/deactivate", ADMIN),
    ("post", "/admin/users/{id}/activate", ADMIN),
    ("post", "/admin/users/{id}/reset-password", ADMIN),
    ("get", "/admin/audit", AUDIT_READERS),
    ("get", "/exporters", COMPANY_KEEPERS),
    ("get", "/exporters/new", COMPANY_KEEPERS),
    ("post", "/exporters", COMPANY_KEEPERS),
    ("get", "/exporters/{id}", COMPANY_KEEPERS),
    ("post", "/exporters/{id}", COMPANY_KEEPERS),
    ("get", "/applications", APPLICATION_READERS),
    ("get", "/applications/new", APPLICANTS),
    ("post", "/applications", APPLICANTS),
    ("get", "/applications/{id}", APPLICATION_READERS),
    ("post", "/applications/{id}/accept", REGISTRARS),
    ("post", "/applications/{id}/return", REGISTRARS),
    ("get", "/consignments", INTAKE_READERS),
    ("get", "/consignments/{id}", INTAKE_READERS),
    ("get", "/consignments/{id}/samples/new", REGISTRARS),
    ("post", "/consignments/{id}/samples", REGISTRARS),
    ("get", "/samples", INTAKE_READERS),
    ("get", "/samples/{id}", INTAKE_READERS),
    ("get", "/samples/{id}/labels", LABEL_PRINTERS),
    ("post", "/samples/{id}/handover", REGISTRARS),
    ("post", "/samples/{id}/receipt", REGISTRARS),
    ("post", "/samples/{id}/dispose", REGISTRARS),
    ("post", "/samples/{id}/cancel", REGISTRARS),
    ("get", "/admin/catalog", ADMIN),
    ("get", "/admin/catalog/commodities", ADMIN),
    ("get", "/admin/catalog/commodities/new", ADMIN),
    ("post", "/admin/catalog/commodities", ADMIN),
    ("get", "/admin/catalog/commodities/{id}", ADMIN),
    ("post", "/admin/catalog/commodities/{id}", ADMIN),
    ("get", "/admin/catalog/commodities/{id}/panel", ADMIN),
    ("post", "/admin/catalog/commodities/{id}/panel", ADMIN),
    ("post", "/admin/catalog/panel-tests/{id}/remove", ADMIN),
    ("get", "/admin/catalog/test-methods", ADMIN),
    ("get", "/admin/catalog/test-methods/new", ADMIN),
    ("post", "/admin/catalog/test-methods", ADMIN),
    ("get", "/admin/catalog/test-methods/{id}", ADMIN),
    ("post", "/admin/catalog/test-methods/{id}", ADMIN),
    ("get", "/admin/catalog/limit-sets", ADMIN),
    ("post", "/admin/catalog/limit-sets", ADMIN),
    ("get", "/admin/catalog/limit-sets/{id}", ADMIN),
    ("post", "/admin/catalog/limit-sets/{id}/limits", ADMIN),
    ("post", "/admin/catalog/limits/{id}/remove", ADMIN),
    ("get", "/bench", BENCH_READERS),
    ("get", "/bench/{method}", ANALYSTS),
    ("post", "/bench/{method}", ANALYSTS),
    ("get", "/review", REVIEWERS),
    ("post", "/review", REVIEWERS),
    ("get", "/samples/{id}/tests", REVIEWERS),
    ("post", "/samples/{id}/tests", REVIEWERS),
    ("post", "/tests/{id}/remove", REVIEWERS),
    ("post", "/tests/{id}/invalidate", REVIEWERS),
    (
        "post",
        "/samples/{id}/discrepancies/{discrepancy}/resolve",
        REVIEWERS,
    ),
    // Last: it ends the session the walk uses.
    ("post", "/logout", Who::Public),
];

#[test]
fn every_registered_route_is_in_the_matrix() {
    let registered: BTreeSet<(&str, &str)> = jointlab::routes::ROUTES.iter().copied().collect();
    let listed: BTreeSet<(&str, &str)> = MATRIX.iter().map(|(m, p, _)| (*m, *p)).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "routes without a line in the authorization matrix: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "matrix lines for routes that do not exist: {stale:?}"
    );
    assert_eq!(
        registered.len(),
        jointlab::routes::ROUTES.len(),
        "a route is registered twice"
    );
}

fn target_user(app: &TestApp) -> User {
    let mut conn = app.conn();
    write_tx(&mut conn, |conn| {
        let account = Account::new(
            Email::parse("matrix.target@test.jointlab.local").unwrap(),
            DisplayName::parse("Matrix target").unwrap(),
            Role::Inspector,
            None,
            None,
            Some(app.user("inspector").border_post_id.unwrap()),
            Lang::En,
        )
        .unwrap();
        User::create(conn, &Actor::system("test"), &account, "x", false)
    })
    .unwrap()
}

fn call(client: &Client, token: Option<&str>, method: &str, path: &str) -> Resp {
    match method {
        "get" => client.get(path),
        "post" => client.post_raw(path, &[("csrf_token", token.unwrap_or(""))]),
        other => panic!("method {other} not covered by the walk"),
    }
}

fn redirects_to_login(res: &Resp) -> bool {
    res.status == 303
        && res
            .location()
            .is_some_and(|l| l.starts_with("/login?next="))
}

#[test]
fn every_route_answers_every_role_as_the_matrix_says() {
    // The walk posts an empty login form once per account, all from one address: more
    // failures than the address throttle allows before the next account signs in.
    let app = spawn_app_with(|s| s.login.max_failed = 100);
    let target = target_user(&app);
    let concrete = |path: &str| {
        path.replace("{id}", &target.id.to_string())
            .replace("{file}", "app.css")
            .replace("{method}", &target.id.to_string())
            .replace("{discrepancy}", &target.id.to_string())
    };
    let mut checked = 0;

    // No account: public routes answer, the others send to the login page.
    let visitor = app.client();
    let token = visitor.get("/login").csrf_token();
    for (method, pattern, who) in MATRIX {
        let res = call(&visitor, Some(&token), method, &concrete(pattern));
        match who {
            Who::Public => assert!(
                res.status != 403 && res.status < 500 && !redirects_to_login(&res),
                "visitor {method} {pattern}: {}",
                res.status
            ),
            _ => assert!(
                redirects_to_login(&res),
                "visitor {method} {pattern} should go to login, got {} {:?}",
                res.status,
                res.location()
            ),
        }
        checked += 1;
    }

    for (key, role, _) in ACCOUNTS {
        let client = app.signed_in(key);
        let token = client.get("/account").csrf_token();
        for (method, pattern, who) in MATRIX {
            let res = call(&client, Some(&token), method, &concrete(pattern));
            let allowed = match who {
                Who::Public | Who::SignedIn => true,
                Who::Roles(roles) => roles.contains(role),
            };
            if allowed {
                assert!(
                    res.status != 403 && res.status < 500 && !redirects_to_login(&res),
                    "{key} {method} {pattern} should be allowed, got {} {:?}",
                    res.status,
                    res.location()
                );
            } else {
                assert_eq!(
                    res.status, 403,
                    "{key} {method} {pattern} should be refused"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, MATRIX.len() * (ACCOUNTS.len() + 1));
}

#[test]
fn a_refused_post_changes_nothing() {
    let app = spawn_app();
    let target = target_user(&app);
    let reviewer = app.signed_in("reviewer_kz");
    let res = reviewer.post(&format!("/admin/users/{}/deactivate", target.id), &[]);
    assert_eq!(res.status, 403);
    let res = reviewer.post(&format!("/admin/users/{}/reset-password", target.id), &[]);
    assert_eq!(res.status, 403);
    let after = User::find(&mut app.conn(), target.id).unwrap().unwrap();
    assert!(after.active);
    assert_eq!(after.password_hash, target.password_hash);
}
