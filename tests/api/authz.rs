//! The authorization matrix: every route the application registers, with who may use it,
//! walked with every role and side and with no account at all.

use std::collections::BTreeSet;

use jointlab::domain::{DisplayName, Email, Role};
use jointlab::i18n::Lang;
use jointlab::models::user::Account;
use jointlab::models::{Actor, User};

use crate::helpers::{ACCOUNTS, Client, Resp, TestApp, post_forms, spawn_app, spawn_app_with};

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
const EXPORTERS: Who = Who::Roles(&[Role::Exporter]);
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
const CERTIFIERS: Who = Who::Roles(&[Role::Certifier]);
const CERTIFICATE_READERS: Who = Who::Roles(&[Role::Certifier, Role::Exporter, Role::Auditor]);
const CERTIFICATE_VIEWERS: Who = Who::Roles(&[
    Role::Certifier,
    Role::Exporter,
    Role::Auditor,
    Role::Inspector,
]);
const INSPECTORS: Who = Who::Roles(&[Role::Inspector]);
const LABEL_PRINTERS: Who = Who::Roles(&[Role::Registrar, Role::Analyst, Role::Reviewer]);

/// Every route, and who may use it. A route the application registers without a line here
/// fails `every_registered_route_is_in_the_matrix`.
const MATRIX: &[(&str, &str, Who)] = &[
    ("get", "/healthz", Who::Public),
    ("get", "/readyz", Who::Public),
    ("get", "/static/{file}", Who::Public),
    ("get", "/.well-known/jwks.json", Who::Public),
    ("get", "/.well-known/revocations.json", Who::Public),
    ("get", "/verify", Who::Public),
    ("get", "/verify/{number}", Who::Public),
    ("get", "/v/sw.js", Who::Public),
    ("get", "/v/offline", Who::Public),
    ("get", "/v/{token}", Who::Public),
    ("get", "/manifest.webmanifest", Who::Public),
    ("get", "/api/v1/verify/{token}", Who::Public),
    ("get", "/login", Who::Public),
    ("post", "/login", Who::Public),
    ("get", "/password-reset", Who::Public),
    ("post", "/password-reset", Who::Public),
    ("get", "/password-reset/{token}", Who::Public),
    ("post", "/password-reset/{token}", Who::Public),
    ("get", "/notifications", Who::SignedIn),
    ("post", "/notifications/read-all", Who::SignedIn),
    ("post", "/notifications/{id}/read", Who::SignedIn),
    ("post", "/account/mail", Who::SignedIn),
    ("get", "/admin/outbox", ADMIN),
    ("post", "/admin/outbox/{id}/retry", ADMIN),
    ("get", "/", Who::SignedIn),
    ("get", "/account", Who::SignedIn),
    ("post", "/account/password", Who::SignedIn),
    ("post", "/account/preferences", Who::SignedIn),
    ("post", "/account/tokens", Who::SignedIn),
    ("post", "/account/tokens/{id}/revoke", Who::SignedIn),
    // The JSON API: walked with each account's bearer token (no cookies there).
    ("get", "/api/v1/openapi.json", Who::Public),
    ("get", "/api/v1/docs", Who::Public),
    ("get", "/api/v1/consignments", INTAKE_READERS),
    ("get", "/api/v1/consignments/{id}", INTAKE_READERS),
    ("get", "/api/v1/samples", INTAKE_READERS),
    ("get", "/api/v1/samples/{id}", INTAKE_READERS),
    ("post", "/api/v1/applications", APPLICANTS),
    ("get", "/api/v1/applications/{id}", APPLICATION_READERS),
    ("get", "/api/v1/certificates", CERTIFICATE_READERS),
    ("get", "/api/v1/certificates/{id}", CERTIFICATE_VIEWERS),
    (
        "get",
        "/api/v1/certificates/{id}/border-checks",
        CERTIFICATE_VIEWERS,
    ),
    (
        "post",
        "/api/v1/certificates/{id}/border-checks",
        INSPECTORS,
    ),
    ("get", "/admin/users", ADMIN),
    ("get", "/admin/users.csv", ADMIN),
    ("get", "/admin/users/new", ADMIN),
    ("post", "/admin/users", ADMIN),
    ("get", "/admin/users/{id}", ADMIN),
    ("post", "/admin/users/{id}", ADMIN),
    ("post", "/admin/users/{id}/deactivate", ADMIN),
    ("post", "/admin/users/{id}/activate", ADMIN),
    ("post", "/admin/users/{id}/reset-password", ADMIN),
    ("post", "/admin/users/{id}/clear-throttles", ADMIN),
    ("get", "/admin/audit", AUDIT_READERS),
    ("get", "/admin/audit.csv", AUDIT_READERS),
    ("get", "/exporters", COMPANY_KEEPERS),
    ("get", "/exporters.csv", COMPANY_KEEPERS),
    ("get", "/exporters/new", COMPANY_KEEPERS),
    ("post", "/exporters", COMPANY_KEEPERS),
    ("get", "/exporters/{id}", COMPANY_KEEPERS),
    ("post", "/exporters/{id}", COMPANY_KEEPERS),
    ("get", "/exporters/{id}/registrations", COMPANY_KEEPERS),
    ("post", "/exporters/{id}/registrations", COMPANY_KEEPERS),
    (
        "post",
        "/exporters/{id}/registrations/{registration}/withdraw",
        COMPANY_KEEPERS,
    ),
    ("get", "/applications", APPLICATION_READERS),
    ("get", "/applications.csv", APPLICATION_READERS),
    ("get", "/applications/new", APPLICANTS),
    ("post", "/applications", APPLICANTS),
    ("get", "/applications/{id}", APPLICATION_READERS),
    ("post", "/applications/{id}/accept", REGISTRARS),
    ("post", "/applications/{id}/return", REGISTRARS),
    ("get", "/applications/{id}/edit", EXPORTERS),
    ("post", "/applications/{id}/resubmit", EXPORTERS),
    ("get", "/consignments", INTAKE_READERS),
    ("get", "/consignments.csv", INTAKE_READERS),
    ("get", "/consignments/{id}", INTAKE_READERS),
    ("get", "/consignments/{id}/samples/new", REGISTRARS),
    ("post", "/consignments/{id}/samples", REGISTRARS),
    ("get", "/samples", INTAKE_READERS),
    ("get", "/samples.csv", INTAKE_READERS),
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
    ("get", "/admin/catalog/declarations", ADMIN),
    ("post", "/admin/catalog/declarations", ADMIN),
    ("get", "/admin/catalog/declarations/{id}", ADMIN),
    ("post", "/admin/catalog/declarations/{id}", ADMIN),
    ("post", "/admin/catalog/declarations/{id}/retire", ADMIN),
    ("get", "/bench", BENCH_READERS),
    ("get", "/bench/{method}", ANALYSTS),
    ("post", "/bench/{method}", ANALYSTS),
    ("get", "/review", REVIEWERS),
    ("post", "/review", REVIEWERS),
    ("get", "/samples/{id}/tests", REVIEWERS),
    ("post", "/samples/{id}/tests", REVIEWERS),
    ("get", "/samples/{id}/worksheet", ANALYSTS),
    ("post", "/samples/{id}/worksheet", ANALYSTS),
    ("post", "/tests/{id}/remove", REVIEWERS),
    ("post", "/tests/{id}/invalidate", REVIEWERS),
    (
        "post",
        "/samples/{id}/discrepancies/{discrepancy}/resolve",
        REVIEWERS,
    ),
    ("get", "/certificates", CERTIFICATE_READERS),
    ("get", "/certificates.csv", CERTIFICATE_READERS),
    ("get", "/certificates/{id}.pdf", CERTIFICATE_READERS),
    ("get", "/certificates/{id}.xml", CERTIFICATE_VIEWERS),
    ("get", "/certificates/{id}", CERTIFICATE_VIEWERS),
    ("post", "/certificates/{id}/sign", CERTIFIERS),
    ("post", "/certificates/{id}/revoke", CERTIFIERS),
    ("post", "/certificates/{id}/discard", CERTIFIERS),
    ("get", "/certificates/{id}/replace", CERTIFIERS),
    ("post", "/certificates/{id}/replace", CERTIFIERS),
    ("get", "/consignments/{id}/certificates/new", CERTIFIERS),
    ("post", "/consignments/{id}/certificates", CERTIFIERS),
    ("post", "/certificates/{id}/border-checks", INSPECTORS),
    ("get", "/post", INSPECTORS),
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
    jointlab::workflows::apply_on(&mut conn, |conn| {
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
        jointlab::workflows::accounts::create(conn, &Actor::system("test"), &account, "x", false)
    })
    .map(|change| match change {
        jointlab::workflows::Change::Done(user) => user,
        other => panic!("target account: {other:?}"),
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

/// A route of the JSON API, which knows callers by bearer token, not by session cookie.
fn is_api(pattern: &str) -> bool {
    pattern.starts_with("/api/") && pattern != "/api/v1/docs"
}

/// A cookie-less client that sends a new write token of `user`.
fn bearer_client(app: &TestApp, user: &User) -> Client {
    let change = jointlab::workflows::apply_on(&mut app.conn(), |conn| {
        jointlab::workflows::api_tokens::create(
            conn,
            user,
            "matrix",
            jointlab::models::api_token::TokenScope::Write,
        )
    })
    .unwrap();
    let jointlab::workflows::Change::Done((_, secret)) = change else {
        panic!("token of {}: {change:?}", user.email);
    };
    let mut client = app.client();
    client
        .headers
        .push(("Authorization".into(), format!("Bearer {secret}")));
    client
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
            .replace("{registration}", &target.id.to_string())
    };
    let mut checked = 0;

    // No account: public routes answer, the others send to the login page.
    let visitor = app.client();
    let token = visitor.get("/login").csrf_token();
    for (method, pattern, who) in MATRIX {
        let res = call(&visitor, Some(&token), method, &concrete(pattern));
        match who {
            _ if is_api(pattern) && !matches!(who, Who::Public) => assert_eq!(
                res.status, 401,
                "visitor {method} {pattern} should need a token"
            ),
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
        let api = bearer_client(&app, app.user(key));
        for (method, pattern, who) in MATRIX {
            let res = match is_api(pattern) {
                true => call(&api, None, method, &concrete(pattern)),
                false => call(&client, Some(&token), method, &concrete(pattern)),
            };
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

/// Whether the matrix lets `role` open the concrete page `path`.
pub fn may_get(role: Role, path: &str) -> bool {
    match route_of("get", path) {
        Some(Who::Public | Who::SignedIn) => true,
        Some(Who::Roles(roles)) => roles.contains(&role),
        None => panic!("GET {path} is no route"),
    }
}

/// The matrix line of a concrete path, if any (`{…}` matches one path segment).
fn route_of(method: &str, path: &str) -> Option<Who> {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    MATRIX.iter().find_map(|(m, pattern, who)| {
        let parts: Vec<&str> = pattern.split('/').collect();
        let fits = *m == method
            && parts.len() == segments.len()
            && parts.iter().zip(&segments).all(|(p, s)| segment_fits(p, s));
        fits.then_some(*who)
    })
}

/// Whether a concrete path segment fits a pattern's segment: `{id}` takes any segment,
/// `{id}.pdf` any segment with that suffix.
fn segment_fits(pattern: &str, segment: &str) -> bool {
    match pattern.strip_prefix('{').and_then(|p| p.split_once('}')) {
        Some((_, suffix)) => segment.ends_with(suffix) && segment.len() > suffix.len(),
        None => pattern == segment,
    }
}

/// The refusal messages of the workflows' policy, in English.
fn policy_refusals() -> Vec<String> {
    let source = include_str!("../../src/auth/policy.rs");
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.contains('.')
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
        })
        .map(crate::helpers::en)
        .collect()
}

/// On the seeded pages of each role, every link opens and every action offered is one the
/// server accepts (never 403, 404 or 500, never a policy refusal); and no page offers an action
/// of a route the role is refused.
#[test]
fn every_action_a_page_offers_is_one_the_server_accepts() {
    let app = spawn_app();
    app.cli(&["seed-demo", "--password", "policy-walk-password-1"])
        .unwrap();
    let refusals = policy_refusals();
    assert!(refusals.len() > 10, "{refusals:?}");
    let mut offered = 0;
    // The administrator last: its forms deactivate and reset the other accounts.
    let mut accounts: Vec<_> = ACCOUNTS.iter().collect();
    accounts.sort_by_key(|(_, role, _)| *role == Role::Admin);
    for (key, role, _) in accounts {
        let client = app.signed_in(key);
        // The history links each event to its record, the walker's own account too, whose
        // forms (a password reset) would end the walker's session.
        let own_account = format!("/admin/users/{}", app.user(key).id);
        let mut seen = BTreeSet::new();
        let mut queue = vec!["/".to_owned()];
        let mut forms = Vec::new();
        while let Some(path) = queue.pop() {
            if !seen.insert(path.clone()) || seen.len() > 40 {
                continue;
            }
            let page = client.get(&path);
            assert!(
                !matches!(page.status, 403 | 404) && page.status < 500,
                "{key}: the link {path} answers {}",
                page.status
            );
            for href in page
                .body
                .split("href=\"")
                .skip(1)
                .filter_map(|h| h.split('"').next())
            {
                let href = href.replace("&#38;", "&");
                let local = href.starts_with('/') && !href.starts_with("//");
                if local
                    && href != own_account
                    && !href.starts_with("/static")
                    && !href.contains("lang=")
                    && !href.contains("after=")
                {
                    queue.push(href.split('#').next().unwrap_or("").to_owned());
                }
            }
            for (action, fields) in post_forms(&page.body) {
                if action == "/logout" {
                    continue;
                }
                let who = route_of("post", &action)
                    .unwrap_or_else(|| panic!("{key}: {path} offers {action}, which is no route"));
                if let Who::Roles(roles) = who {
                    assert!(
                        roles.contains(role),
                        "{key}: {path} offers {action}, which the role is refused"
                    );
                }
                forms.push((path.clone(), action, fields));
            }
        }
        // Send each offered form once, as offered (and the confirmation it may ask for).
        for (path, action, fields) in forms {
            let send = |fields: &[(String, String)]| {
                let pairs: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                client.post_raw(&action, &pairs)
            };
            let mut res = send(&fields);
            if res.status == 200
                && let Some((_, confirmed)) = post_forms(&res.body)
                    .into_iter()
                    .find(|(a, _)| *a == action)
                && confirmed.iter().any(|(k, v)| k == "confirm" && v == "yes")
            {
                res = send(&confirmed);
            }
            assert!(
                !matches!(res.status, 403 | 404) && res.status < 500,
                "{key}: {action} offered on {path} answers {}",
                res.status
            );
            if let Some(refusal) = refusals.iter().find(|r| res.body.contains(r.as_str())) {
                // A stale page may name the state someone else's step just made; only a fresh
                // offer that the policy refuses is a defect.
                assert_eq!(
                    res.status, 409,
                    "{key}: {action} offered on {path} is refused: {refusal}"
                );
            }
            offered += 1;
        }
    }
    assert!(offered > 20, "only {offered} forms were walked");
}
