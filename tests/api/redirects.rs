//! Redirects built from user input: `next` after signing in only ever leads to a path of
//! this site, and no value of it makes the login page or the sign-in fail.

use crate::helpers::{PASSWORD, field_value, spawn_app};

/// Values of `next` that must not be followed, each with where the user lands instead.
const PAYLOADS: &[&str] = &[
    "/\r/x",
    "/\n/x",
    "/\x0b/x",
    "/\x00/x",
    "/\t/evil.example",
    "/%09/evil.example",
    "/%2F/evil",
    "/%5Cevil",
    "https://x",
    "//x",
    "/\\x",
    "/%0d%0aSet-Cookie:x",
    "/\r\nSet-Cookie: jl_session=x",
    "/\u{a0}/evil.example",
    "/\u{2028}/evil.example",
    "/%E3%80%80/evil.example",
    "/\u{202e}x",
    "/%252F/evil",
    "/%",
];

fn no_control_characters(location: &str) -> bool {
    !location
        .chars()
        .any(|c| c.is_control() || c.is_whitespace())
}

/// Characters the request guard refuses anywhere in a query or form (400).
fn refused_at_the_door(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[test]
fn signing_in_with_a_foreign_or_malformed_next_lands_home() {
    let app = spawn_app();
    let long = format!("/{}", "a".repeat(10_000));
    for payload in PAYLOADS.iter().copied().chain([long.as_str()]) {
        let res = app.client().post_from(
            "/login",
            "/login",
            &[
                ("email", &app.user("admin").email),
                ("password", PASSWORD),
                ("next", payload),
            ],
        );
        // A control character is refused at the door (400, nothing signed in); anything else
        // that is not a local path leads home.
        if res.status == 400 {
            assert!(payload.chars().any(refused_at_the_door), "next={payload:?}");
            assert!(
                res.header("set-cookie")
                    .is_none_or(|c| !c.contains("jl_session="))
            );
            continue;
        }
        assert_eq!(res.status, 303, "next={payload:?}: {}", res.body);
        let location = res.location().unwrap_or_default();
        assert_eq!(location, "/", "next={payload:?}");
        assert!(no_control_characters(location), "next={payload:?}");
    }
}

#[test]
fn a_local_next_is_followed() {
    let app = spawn_app();
    let res = app.client().post_from(
        "/login",
        "/login",
        &[
            ("email", &app.user("admin").email),
            ("password", PASSWORD),
            ("next", "/admin/users?q=a%2Fb"),
        ],
    );
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/admin/users?q=a%2Fb"));
}

#[test]
fn the_login_page_never_fails_on_next() {
    let app = spawn_app();
    let client = app.client();
    for payload in PAYLOADS {
        let page = client.get(&format!(
            "/login?next={}",
            jointlab::web::url_encode(payload)
        ));
        if page.status == 400 {
            assert!(payload.chars().any(refused_at_the_door), "next={payload:?}");
            continue;
        }
        assert_eq!(page.status, 200, "next={payload:?}");
        assert_eq!(
            field_value(&page.body, "next").as_deref(),
            Some("/"),
            "next={payload:?}"
        );
    }
    // Escapes as a browser would send them, undecoded by the client.
    for query in [
        "next=/%09/evil.example",
        "next=%2F%5Cevil",
        "next=%ff%fe",
        "next=%",
    ] {
        let page = client.get(&format!("/login?{query}"));
        assert!(
            page.status == 200 || page.status == 400,
            "{query}: {}",
            page.status
        );
        if page.status == 200 {
            assert_eq!(
                field_value(&page.body, "next").as_deref(),
                Some("/"),
                "{query}"
            );
        }
    }
}
