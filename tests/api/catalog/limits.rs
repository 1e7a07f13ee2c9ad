//! Limits of a limit set and default panels: added, refused beside the field with the choice
//! kept, removed; each change audited.

use jointlab::domain::Side;
use jointlab::models::catalog::{Limit, LimitRule};
use jointlab::models::{CommodityId, LimitSet, TestMethod, TestMethodId};

use super::{assert_shows, audited, created_id, error_beside, seed_demo_catalog};
use crate::helpers::*;

/// A new commodity (no limits, no panel) added through the form; its id.
fn oats(admin: &Client) -> String {
    let fields = [
        ("name_en", "Oats"),
        ("name_ru", "Овёс"),
        ("name_kk", "Сұлы"),
        ("name_zh", "燕麦"),
        ("hs_code", "100490"),
        ("kind", "plant"),
        ("active", "on"),
    ];
    let res = admin.post_from(
        "/admin/catalog/commodities/new",
        "/admin/catalog/commodities",
        &fields,
    );
    created_id(&res, "/admin/catalog/commodities/")
}

fn method_id(app: &TestApp, code: &str) -> String {
    let method = TestMethod::find_by_code(&mut app.conn(), code).unwrap();
    method.expect("a demo method").id.to_string()
}

#[test]
fn limits_are_added_refused_beside_the_field_and_removed() {
    let app = spawn_app();
    seed_demo_catalog(&app);
    let admin = app.signed_in("admin");
    let oats = oats(&admin);
    let set = LimitSet::find_by_code(&mut app.conn(), "CN")
        .unwrap()
        .unwrap();
    let page = format!("/admin/catalog/limit-sets/{}", set.id);
    let action = format!("{page}/limits");
    let (afb1, don, salmonella) = (
        method_id(&app, "AFB1"),
        method_id(&app, "DON"),
        method_id(&app, "SALM-25G"),
    );
    let limit = |method: &str, rule: &str, value: &str| {
        let fields = [
            ("commodity", oats.as_str()),
            ("test_method", method),
            ("rule", rule),
            ("value", value),
            ("reference", "GB 2761-2017, cereals"),
        ];
        admin.post_from(&page, &action, &fields)
    };

    let added = limit(&afb1, "max", "5.0");
    let duplicate = limit(&afb1, "max", "4");
    let no_value = limit(&don, "max", "");
    let qualitative_max = limit(&salmonella, "max", "1");
    let value_for_nd = limit(&salmonella, "not_detected", "1");

    assert_eq!(added.status, 303, "{}", added.body);
    assert_eq!(
        added.location(),
        Some(format!("{page}?saved=added").as_str())
    );
    let (oats_id, afb1_id): (CommodityId, TestMethodId) =
        (oats.parse().unwrap(), afb1.parse().unwrap());
    let stored = Limit::find_for(&mut app.conn(), set.id, oats_id, afb1_id).unwrap();
    let stored = stored.expect("the limit exists");
    assert_eq!(stored.rule, LimitRule::Max);
    assert_eq!(
        (stored.value.as_deref(), stored.unit.as_deref()),
        (Some("5"), Some("µg/kg"))
    );
    assert_eq!(
        audited(&app, "limit.added", "limit", &stored.id.to_string()),
        1
    );
    for (res, field, key) in [
        (&duplicate, "test_method", "catalog.error.limit_taken"),
        (&no_value, "value", "catalog.error.value_required"),
        (
            &qualitative_max,
            "rule",
            "catalog.error.rule_needs_quantitative",
        ),
        (&value_for_nd, "value", "catalog.error.value_not_allowed"),
    ] {
        assert_eq!(res.status, 422, "{key}: {}", res.body);
        assert_shows(res, &error_beside(field, key));
        assert_shows(res, &format!(r#"<option value="{oats}" selected>"#));
        assert_eq!(
            field_value(&res.body, "reference").as_deref(),
            Some("GB 2761-2017, cereals")
        );
    }
    assert_eq!(field_value(&duplicate.body, "value").as_deref(), Some("4"));
    assert_shows(&duplicate, &format!(r#"<option value="{afb1}" selected>"#));

    let shown = admin.get(&page);
    let removed = admin.post(&format!("/admin/catalog/limits/{}/remove", stored.id), &[]);

    assert_shows(&shown, "Oats");
    assert_shows(&shown, "5 µg/kg");
    assert_eq!(removed.status, 303, "{}", removed.body);
    assert_eq!(
        removed.location(),
        Some(format!("{page}?saved=removed").as_str())
    );
    let gone = Limit::find(&mut app.conn(), stored.id).unwrap();
    assert!(gone.is_none(), "the limit is still there");
    assert_eq!(
        audited(&app, "limit.removed", "limit", &stored.id.to_string()),
        1
    );
}

#[test]
fn panel_tests_are_added_refused_beside_the_field_and_removed() {
    let app = spawn_app();
    seed_demo_catalog(&app);
    let admin = app.signed_in("admin");
    let oats = oats(&admin);
    let page = format!("/admin/catalog/commodities/{oats}/panel");
    let afb1 = method_id(&app, "AFB1");
    let add = |side: &str| {
        let fields = [("test_method", afb1.as_str()), ("side", side)];
        admin.post_from(&page, &page, &fields)
    };

    let added = add("cn");
    let duplicate = add("cn");
    let no_side = add("");

    assert_eq!(added.status, 303, "{}", added.body);
    let oats_id: CommodityId = oats.parse().unwrap();
    let panel = jointlab::queries::catalog::panel(&mut app.conn(), oats_id, Side::Cn).unwrap();
    assert_eq!(panel.len(), 1);
    assert_eq!(panel[0].1.code, "AFB1");
    let test_id = panel[0].0.id.to_string();
    assert_eq!(audited(&app, "panel_test.added", "panel_test", &test_id), 1);
    assert_eq!(duplicate.status, 422, "{}", duplicate.body);
    assert_shows(
        &duplicate,
        &error_beside("test_method", "catalog.error.panel_taken"),
    );
    assert_eq!(no_side.status, 422, "{}", no_side.body);
    assert_shows(&no_side, &error_beside("side", "field.choose"));
    assert_shows(&no_side, &format!(r#"<option value="{afb1}" selected>"#));

    let shown = admin.get(&page);
    let removed = admin.post(&format!("/admin/catalog/panel-tests/{test_id}/remove"), &[]);

    assert_shows(&shown, "<code>AFB1</code>");
    assert_eq!(removed.status, 303, "{}", removed.body);
    assert_eq!(
        removed.location(),
        Some(format!("{page}?saved=removed").as_str())
    );
    let panel = jointlab::queries::catalog::panel(&mut app.conn(), oats_id, Side::Cn).unwrap();
    assert!(panel.is_empty());
    assert_eq!(
        audited(&app, "panel_test.removed", "panel_test", &test_id),
        1
    );
}

#[test]
fn an_admin_adds_a_destination_market_with_a_unique_code() {
    let app = spawn_app();
    seed_demo_catalog(&app);
    let admin = app.signed_in("admin");
    let page = "/admin/catalog/limit-sets";
    let fields = |code: &'static str| {
        vec![
            ("code", code),
            ("name_en", "European Union"),
            ("name_ru", "Европейский союз"),
            ("name_kk", "Еуропалық Одақ"),
            ("name_zh", "欧盟"),
            ("reference", "Regulation (EU) 2023/915"),
        ]
    };
    let res = admin.post_from(page, page, &fields("e1"));
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("catalog.limit_sets.code_format")));
    assert!(
        res.body.contains("value=\"Regulation (EU) 2023/915\""),
        "typed reference lost"
    );
    let res = admin.post_from(page, page, &fields("cn"));
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("catalog.limit_sets.code_taken")));
    let res = admin.post_from(page, page, &fields("eu"));
    assert_eq!(res.status, 303);
    let set = LimitSet::find_by_code(&mut app.conn(), "EU")
        .unwrap()
        .expect("created");
    assert!(!set.demo);
    assert_eq!(
        audited(&app, "limit_set.created", "limit_set", &set.id.to_string()),
        1
    );
}
