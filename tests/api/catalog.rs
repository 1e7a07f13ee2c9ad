//! The administrator's catalog pages: commodities and test methods (create, edit, refusals
//! beside the field, stale edits), limits and default panels (add, refuse, remove), who may
//! open them, the audit events they write, and the demo catalog seed.

mod entries;
mod limits;
mod race;
mod seed;

use diesel::prelude::*;
use jointlab::db::schema::audit_events;
use jointlab::db::write_tx;
use jointlab::models::Actor;

use crate::helpers::*;

#[track_caller]
fn assert_shows(res: &Resp, text: &str) {
    assert!(
        res.body.contains(text),
        "{text:?} is not on the page: {}",
        res.body
    );
}

/// The message beside `field`, as the page shows it.
fn error_beside(field: &str, key: &str) -> String {
    format!(r#"id="{field}-error">{}</p>"#, en(key))
}

/// The id at the end of a redirect such as `/admin/catalog/commodities/{id}?saved=created`.
fn created_id(res: &Resp, prefix: &str) -> String {
    assert_eq!(res.status, 303, "{}", res.body);
    let location = res.location().expect("a redirect");
    let rest = location
        .strip_prefix(prefix)
        .unwrap_or_else(|| panic!("{location} does not start with {prefix}"));
    rest.split(['?', '/']).next().unwrap().to_owned()
}

/// How many audit events with this action name this entity.
fn audited(app: &TestApp, action: &str, entity_type: &str, entity_id: &str) -> i64 {
    audit_events::table
        .filter(audit_events::action.eq(action))
        .filter(audit_events::entity_type.eq(entity_type))
        .filter(audit_events::entity_id.eq(entity_id))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

/// Adds the demo catalog, as `seed-demo` does.
fn seed_demo_catalog(app: &TestApp) {
    let mut conn = app.conn();
    write_tx(&mut conn, |conn| {
        jointlab::demo::catalog::seed_catalog(conn, &Actor::system("test"))
    })
    .expect("the demo catalog seeds");
}

const CATALOG_PAGES: &[&str] = &[
    "/admin/catalog",
    "/admin/catalog/commodities",
    "/admin/catalog/commodities/new",
    "/admin/catalog/test-methods",
    "/admin/catalog/test-methods/new",
    "/admin/catalog/limit-sets",
];

#[test]
fn other_roles_may_neither_see_nor_change_the_catalog() {
    let app = spawn_app();
    let fields = [
        ("name_en", "Oats"),
        ("name_ru", "Овёс"),
        ("name_kk", "Сұлы"),
        ("name_zh", "燕麦"),
        ("hs_code", "100490"),
        ("kind", "plant"),
    ];
    for key in ["registrar_kz", "analyst_cn", "exporter"] {
        let client = app.signed_in(key);
        for path in CATALOG_PAGES {
            assert_eq!(client.get(path).status, 403, "{key} opens {path}");
        }

        let res = client.post("/admin/catalog/commodities", &fields);

        assert_eq!(res.status, 403, "{key} adds a commodity");
    }
    let admin = app.signed_in("admin");
    let list = admin.get("/admin/catalog/commodities");
    assert!(!list.body.contains("Oats"), "a refused POST added a row");
}

#[test]
fn the_overview_and_the_lists_show_the_demo_catalog_tagged_as_demo() {
    let app = spawn_app();
    seed_demo_catalog(&app);
    let admin = app.signed_in("admin");

    for path in CATALOG_PAGES {
        let res = admin.get(path);
        assert_eq!(res.status, 200, "{path}: {}", res.body);
    }
    let home = admin.get("/");
    let commodities = admin.get("/admin/catalog/commodities");
    let methods = admin.get("/admin/catalog/test-methods?lang=zh");
    let sets = admin.get("/admin/catalog/limit-sets");

    assert_shows(&home, r#"<a href="/admin/catalog">"#);
    assert_shows(&commodities, "Wheat");
    assert_shows(&commodities, "<code>100199</code>");
    assert_shows(&commodities, &en("catalog.kind.animal"));
    assert_shows(
        &commodities,
        &format!(r#"class="tag warn">{}<"#, en("catalog.demo")),
    );
    assert_shows(&methods, "黄曲霉毒素B1");
    assert_shows(&methods, "GB 5009.22-2016");
    assert_shows(&sets, "<code>CN</code>");
    assert_shows(&sets, "<code>EAEU</code>");
}

#[test]
fn unknown_ids_are_not_found() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let nobody = uuid::Uuid::now_v7().to_string();

    for path in [
        "/admin/catalog/commodities/{id}",
        "/admin/catalog/commodities/{id}/panel",
        "/admin/catalog/test-methods/{id}",
        "/admin/catalog/limit-sets/{id}",
    ] {
        let path = path.replace("{id}", &nobody);
        assert_eq!(admin.get(&path).status, 404, "GET {path}");
    }
    for path in [
        "/admin/catalog/commodities/{id}",
        "/admin/catalog/commodities/{id}/panel",
        "/admin/catalog/test-methods/{id}",
        "/admin/catalog/limit-sets/{id}/limits",
        "/admin/catalog/limits/{id}/remove",
        "/admin/catalog/panel-tests/{id}/remove",
    ] {
        let path = path.replace("{id}", &nobody);
        assert_eq!(
            admin.post(&path, &[("version", "1")]).status,
            404,
            "POST {path}"
        );
    }
    assert_eq!(
        admin.get("/admin/catalog/commodities/not-a-uuid").status,
        404
    );
}
