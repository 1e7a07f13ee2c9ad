//! Commodities and test methods: created and edited by the administrator, refused field by
//! field with the typed values kept, stale edits refused; each change audited.

use jointlab::models::catalog::{CommodityKind, ResultKind};
use jointlab::models::{Commodity, CommodityId, TestMethod, TestMethodId};

use super::{assert_shows, audited, created_id, error_beside};
use crate::helpers::*;

const COMMODITIES: &str = "/admin/catalog/commodities";
const METHODS: &str = "/admin/catalog/test-methods";

fn oats<'a>(hs_code: &'a str, name_en: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name_en", name_en),
        ("name_ru", "Овёс"),
        ("name_kk", "Сұлы"),
        ("name_zh", "燕麦"),
        ("hs_code", hs_code),
        ("kind", "plant"),
        ("active", "on"),
    ]
}

/// A quantitative method's fields: (unit, LOD, LOQ) as given.
fn t2_toxin<'a>(
    code: &'a str,
    unit: &'a str,
    lod: &'a str,
    loq: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("name_en", "T-2 toxin"),
        ("name_ru", "Т-2 токсин"),
        ("name_kk", "Т-2 токсині"),
        ("name_zh", "T-2毒素"),
        ("discipline", "mycotoxin"),
        ("result_kind", "quantitative"),
        ("unit", unit),
        ("lod", lod),
        ("loq", loq),
        ("standard_kz", "ГОСТ 28001-88"),
        ("standard_cn", "GB 5009.118-2016"),
        ("active", "on"),
    ]
}

fn commodity(app: &TestApp, id: &str) -> Commodity {
    let id: CommodityId = id.parse().unwrap();
    Commodity::find(&mut app.conn(), id)
        .unwrap()
        .expect("the commodity exists")
}

fn method(app: &TestApp, id: &str) -> TestMethod {
    let id: TestMethodId = id.parse().unwrap();
    TestMethod::find(&mut app.conn(), id)
        .unwrap()
        .expect("the method exists")
}

#[test]
fn the_administrator_adds_and_edits_a_commodity_and_both_are_audited() {
    let app = spawn_app();
    let admin = app.signed_in("admin");

    let res = admin.post_from(
        &format!("{COMMODITIES}/new"),
        COMMODITIES,
        &oats("1004.90", "Oats"),
    );
    let id = created_id(&res, &format!("{COMMODITIES}/"));
    let page = admin.get(&format!("{COMMODITIES}/{id}?saved=created"));
    let version = field_value(&page.body, "version").expect("a hidden version field");
    let mut fields = oats("100490", "Oats, for feed");
    fields.retain(|(k, _)| *k != "active");
    fields.push(("version", &version));
    let path = format!("{COMMODITIES}/{id}");
    let edited = admin.post_from(&path, &path, &fields);

    assert_shows(&page, &en("catalog.notice.created"));
    assert_eq!(edited.status, 303, "{}", edited.body);
    assert_eq!(
        edited.location(),
        Some(format!("{path}?saved=updated").as_str())
    );
    let saved = commodity(&app, &id);
    assert_eq!(saved.name_en, "Oats, for feed");
    assert_eq!(
        (saved.hs_code.as_str(), saved.kind),
        ("100490", CommodityKind::Plant)
    );
    assert!(!saved.active && !saved.demo, "deactivated, and not demo");
    assert_eq!(saved.version, 2);
    assert_eq!(audited(&app, "commodity.created", "commodity", &id), 1);
    assert_eq!(audited(&app, "commodity.updated", "commodity", &id), 1);
    let list = admin.get(COMMODITIES);
    assert_shows(&list, "Oats, for feed");
    assert_shows(&list, &en("catalog.inactive"));
}

#[test]
fn a_bad_hs_code_is_refused_beside_the_field_with_the_typed_values_kept() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let before = Commodity::count(&mut app.conn()).unwrap();

    let res = admin.post_from(
        &format!("{COMMODITIES}/new"),
        COMMODITIES,
        &oats("10049", "Oats"),
    );

    assert_eq!(res.status, 422, "{}", res.body);
    assert_shows(&res, &error_beside("hs_code", "field.hs_code"));
    assert_shows(&res, &en("form.has_errors"));
    assert_eq!(field_value(&res.body, "hs_code").as_deref(), Some("10049"));
    assert_eq!(field_value(&res.body, "name_kk").as_deref(), Some("Сұлы"));
    assert_shows(&res, r#"<option value="plant" selected>"#);
    assert_eq!(Commodity::count(&mut app.conn()).unwrap(), before);
}

#[test]
fn a_stale_commodity_edit_is_refused_and_the_first_save_stands() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let res = admin.post_from(
        &format!("{COMMODITIES}/new"),
        COMMODITIES,
        &oats("100490", "Oats"),
    );
    let id = created_id(&res, &format!("{COMMODITIES}/"));
    let path = format!("{COMMODITIES}/{id}");
    let page = admin.get(&path);
    let version = field_value(&page.body, "version").unwrap();
    let token = page.csrf_token();
    let edit = |name: &'static str| {
        let mut fields = oats("100490", name);
        fields.push(("version", &version));
        fields.push(("csrf_token", &token));
        admin.post_raw(&path, &fields)
    };

    let first = edit("Oats (first save)");
    let second = edit("Oats (second save)");

    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(second.status, 409, "{}", second.body);
    assert_shows(&second, &en("form.stale"));
    assert_eq!(
        field_value(&second.body, "name_en").as_deref(),
        Some("Oats (second save)")
    );
    let now = commodity(&app, &id);
    assert_eq!(now.name_en, "Oats (first save)");
    assert_eq!(
        field_value(&second.body, "version"),
        Some(now.version.to_string())
    );
    assert_eq!(audited(&app, "commodity.updated", "commodity", &id), 1);
}

#[test]
fn the_administrator_adds_and_edits_a_test_method_and_both_are_audited() {
    let app = spawn_app();
    let admin = app.signed_in("admin");

    let res = admin.post_from(
        &format!("{METHODS}/new"),
        METHODS,
        &t2_toxin("t2", "µg/kg", "5", "15,0"),
    );
    let id = created_id(&res, &format!("{METHODS}/"));
    let path = format!("{METHODS}/{id}");
    let page = admin.get(&path);
    let version = field_value(&page.body, "version").unwrap();
    let mut fields = t2_toxin("T2", "µg/kg", "", "20");
    fields.push(("version", &version));
    let edited = admin.post_from(&path, &path, &fields);

    assert_eq!(edited.status, 303, "{}", edited.body);
    let saved = method(&app, &id);
    assert_eq!(saved.code, "T2", "codes are kept upper-case");
    assert_eq!(saved.result_kind, ResultKind::Quantitative);
    assert_eq!(saved.unit.as_deref(), Some("µg/kg"));
    assert_eq!(
        (saved.lod.as_deref(), saved.loq.as_deref()),
        (None, Some("20"))
    );
    assert_eq!(saved.standard_cn, "GB 5009.118-2016");
    assert_eq!(audited(&app, "test_method.created", "test_method", &id), 1);
    assert_eq!(audited(&app, "test_method.updated", "test_method", &id), 1);
    assert_shows(&admin.get(METHODS), "<code>T2</code>");
}

#[test]
fn a_method_without_its_unit_or_with_the_loq_below_the_lod_is_refused_beside_the_field() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let new = format!("{METHODS}/new");
    let mut qualitative_with_unit = t2_toxin("SALM", "CFU/g", "", "");
    qualitative_with_unit.retain(|(k, _)| *k != "result_kind");
    qualitative_with_unit.push(("result_kind", "qualitative"));
    // (fields, the wrong field, its message, a typed value that must come back)
    let cases = [
        (
            t2_toxin("T2A", "", "5", "15"),
            "unit",
            "catalog.error.unit_required",
            ("lod", "5"),
        ),
        (
            t2_toxin("T2B", "µg/kg", "5", "1.5"),
            "loq",
            "catalog.error.loq_below_lod",
            ("loq", "1.5"),
        ),
        (
            t2_toxin("T2 C", "µg/kg", "", ""),
            "code",
            "catalog.error.code_format",
            ("code", "T2 C"),
        ),
        (
            qualitative_with_unit,
            "unit",
            "catalog.error.unit_not_allowed",
            ("unit", "CFU/g"),
        ),
    ];

    for (fields, field, key, (kept, value)) in cases {
        let res = admin.post_from(&new, METHODS, &fields);

        assert_eq!(res.status, 422, "{field}: {}", res.body);
        assert_shows(&res, &error_beside(field, key));
        assert_eq!(
            field_value(&res.body, kept).as_deref(),
            Some(value),
            "{field}"
        );
        assert_eq!(
            field_value(&res.body, "standard_kz").as_deref(),
            Some("ГОСТ 28001-88")
        );
    }
    assert_eq!(TestMethod::count(&mut app.conn()).unwrap(), 0);

    // A code already in use is refused the same way.
    let first = admin.post_from(&new, METHODS, &t2_toxin("T2", "µg/kg", "", ""));
    let again = admin.post_from(&new, METHODS, &t2_toxin("t2", "µg/kg", "", ""));
    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(again.status, 422, "{}", again.body);
    assert_shows(&again, &error_beside("code", "catalog.error.code_taken"));
}

#[test]
fn a_stale_method_edit_is_refused_and_the_first_save_stands() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let res = admin.post_from(
        &format!("{METHODS}/new"),
        METHODS,
        &t2_toxin("T2", "µg/kg", "", ""),
    );
    let id = created_id(&res, &format!("{METHODS}/"));
    let path = format!("{METHODS}/{id}");
    let page = admin.get(&path);
    let version = field_value(&page.body, "version").unwrap();
    let token = page.csrf_token();
    let edit = |loq: &'static str| {
        let mut fields = t2_toxin("T2", "µg/kg", "", loq);
        fields.push(("version", &version));
        fields.push(("csrf_token", &token));
        admin.post_raw(&path, &fields)
    };

    let first = edit("25");
    let second = edit("30");

    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(second.status, 409, "{}", second.body);
    assert_eq!(field_value(&second.body, "loq").as_deref(), Some("30"));
    assert_eq!(method(&app, &id).loq.as_deref(), Some("25"));
}
