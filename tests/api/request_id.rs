//! Every answer carries an `X-Request-Id`: the caller's when it is a sane token, else a new
//! UUIDv7.

use crate::helpers::*;

fn is_uuid_v7(id: &str) -> bool {
    uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 7)
}

#[test]
fn every_answer_carries_a_fresh_request_id() {
    let app = spawn_app();
    let client = app.client();

    let page = client.get("/login");
    let again = client.get("/login");
    let missing = client.get("/no-such-page");
    let health = client.get("/healthz");

    let ids: Vec<&str> = [&page, &again, &missing, &health]
        .iter()
        .map(|r| r.header("x-request-id").expect("an X-Request-Id header"))
        .collect();
    assert_eq!(missing.status, 404);
    assert!(ids.iter().all(|id| is_uuid_v7(id)), "{ids:?}");
    assert_ne!(ids[0], ids[1], "ids are per request");
}

#[test]
fn a_sane_request_id_is_echoed_and_an_insane_one_replaced() {
    let app = spawn_app();
    let client = app.signed_in("registrar_kz");
    let longest = "a".repeat(64);

    for sane in ["edge-proxy_0199a3b2", longest.as_str()] {
        let res = client.get_with_header("/", "X-Request-Id", sane);
        assert_eq!(res.status, 200);
        assert_eq!(res.header("x-request-id"), Some(sane));
    }
    let too_long = "a".repeat(65);
    for insane in [
        too_long.as_str(),
        "id with spaces",
        "x;rm -rf",
        "<script>",
        "ид",
    ] {
        let res = client.get_with_header("/", "X-Request-Id", insane);
        assert_eq!(res.status, 200, "{insane:?}");
        let id = res.header("x-request-id").unwrap();
        assert!(is_uuid_v7(id), "{insane:?} gave {id:?}");
    }
}
