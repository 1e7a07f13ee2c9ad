use crate::helpers::spawn_app;

#[test]
fn health_and_readiness_answer() {
    let app = spawn_app();
    let client = app.client();
    let res = client.get("/healthz");
    assert_eq!((res.status, res.body.as_str()), (200, "ok"));
    let res = client.get("/readyz");
    assert_eq!((res.status, res.body.as_str()), (200, "ready"));
}

#[test]
fn every_page_carries_the_security_headers() {
    let app = spawn_app();
    let client = app.client();
    for path in ["/login", "/no-such-page", "/healthz", "/static/app.css"] {
        let res = client.get(path);
        let csp = res
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"));
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(
            res.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(res.header("referrer-policy"), Some("same-origin"), "{path}");
        assert_eq!(res.header("x-frame-options"), Some("DENY"), "{path}");
    }
}

#[test]
fn unknown_pages_and_records_get_a_translated_404() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let res = admin.get("/no-such-page?lang=ru");
    assert_eq!(res.status, 404);
    assert!(res.body.contains("lang=\"ru\""), "{}", res.body);
    assert!(res.body.contains(jointlab::i18n::t(
        jointlab::i18n::Lang::Ru,
        "error.not_found.title"
    )));
    assert_eq!(
        admin
            .get(&format!("/admin/users/{}", uuid::Uuid::now_v7()))
            .status,
        404
    );
    assert_eq!(admin.get("/admin/users/not-a-uuid").status, 404);
    assert_eq!(admin.get("/static/nothing.css").status, 404);
}

#[test]
fn malformed_input_is_a_400_page_not_a_500() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    // A preferences form naming no real language is refused with a page, not a crash.
    let res = admin.post(
        "/account/preferences",
        &[("language", "xx"), ("time_zone", "mars")],
    );
    assert_eq!(res.status, 400);
    assert!(res.body.contains(jointlab::i18n::t(
        jointlab::i18n::Lang::En,
        "error.bad_request.title"
    )));
}

#[test]
fn error_pages_speak_the_users_language() {
    use jointlab::error::ErrorPage;
    use jointlab::i18n::{Lang, t};
    use jointlab::web::{RequestContext, page::error_page};
    for lang in [Lang::Kk, Lang::Ru, Lang::Zh, Lang::En] {
        let context = RequestContext {
            user: None,
            session_token: None,
            lang,
            csrf_token: "x".into(),
            unread: 0,
        };
        for page in [
            ErrorPage::BadRequest,
            ErrorPage::Forbidden,
            ErrorPage::Csrf,
            ErrorPage::NotFound,
            ErrorPage::PayloadTooLarge,
            ErrorPage::RequestTimeout,
            ErrorPage::TooManyConnections,
            ErrorPage::Internal,
        ] {
            let html = error_page(&context, page);
            let title = t(lang, &format!("{}.title", page.key()));
            assert!(
                html.contains(&crate::helpers::html(title)),
                "{lang} {page:?}: {html}"
            );
            assert!(html.contains(&format!(
                "<p class=\"status\">{}</p>",
                page.status().as_u16()
            )));
            assert!(html.contains(&format!("lang=\"{}\"", lang.tag())));
        }
    }
}

#[test]
fn a_403_page_is_translated_for_the_signed_in_user() {
    let app = spawn_app();
    let exporter = app.signed_in("exporter");
    exporter.get("/?lang=kk");
    let res = exporter.get("/admin/users");
    assert_eq!(res.status, 403);
    let title = jointlab::i18n::t(jointlab::i18n::Lang::Kk, "error.forbidden.title");
    assert!(
        res.body.contains(&crate::helpers::html(title)),
        "{}",
        res.body
    );
}

#[test]
fn when_no_database_connection_comes_free_the_page_says_busy_with_503_not_500() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.database.pool_size = 1;
        s.database.connect_timeout_seconds = 1;
    });
    let client = app.signed_in("registrar_kz");
    assert_eq!(client.get("/samples?lang=kk").status, 200);
    // Every connection lent out (here the only one, held by the test).
    let held = app.conn();
    let res = client.get("/samples?lang=kk");
    drop(held);
    assert_eq!(res.status, 503, "{}", res.body);
    assert_eq!(res.header("retry-after"), Some("5"));
    let title = jointlab::i18n::t(jointlab::i18n::Lang::Kk, "error.busy.title");
    assert!(res.body.contains(title), "{}", res.body);
    // Free again: the same request is answered.
    assert_eq!(client.get("/samples?lang=kk").status, 200);
}
