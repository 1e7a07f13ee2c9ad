//! The same edit saved eight times at once, from eight sessions that loaded the same version:
//! one save is done (303), the other seven are told someone changed it first (409), none fails
//! (500), and the audit log holds one event — on SQLite and on PostgreSQL.

use jointlab::models::{Commodity, Exporter};

use super::{assert_shows, audited, created_id, error_beside};
use crate::helpers::{Resp, TestApp, field_value, race, spawn_app};

const COMMODITIES: &str = "/admin/catalog/commodities";
const N: usize = 8;

/// Exactly one request did it; every other one was told someone else did first.
#[track_caller]
fn one_done_rest_conflict(answers: &[Resp]) {
    let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        statuses.len() - 1,
        "{statuses:?}"
    );
}

#[test]
fn eight_parallel_saves_of_one_commodity_edit_save_it_once() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let oats = |name_en| {
        vec![
            ("name_en", name_en),
            ("name_ru", "Овёс"),
            ("name_kk", "Сұлы"),
            ("name_zh", "燕麦"),
            ("hs_code", "100490"),
            ("kind", "plant"),
            ("active", "on"),
        ]
    };
    let res = admin.post_from(&format!("{COMMODITIES}/new"), COMMODITIES, &oats("Oats"));
    let id = created_id(&res, &format!("{COMMODITIES}/"));
    let path = format!("{COMMODITIES}/{id}");
    let version = field_value(&admin.get(&path).body, "version").unwrap();
    let mut fields = oats("Oats, rolled");
    fields.push(("version", &version));

    let answers = race(&app, "admin", N, &path, &path, &fields);

    one_done_rest_conflict(&answers);
    assert_eq!(audited(&app, "commodity.updated", "commodity", &id), 1);
    let now = Commodity::find(&mut app.conn(), id.parse().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(now.name_en, "Oats, rolled");
    assert_eq!(now.version, version.parse::<i32>().unwrap() + 1);
}

#[test]
fn eight_parallel_saves_of_one_company_edit_save_it_once() {
    let app = spawn_app();
    let company = app.exporters[0].clone();
    let path = format!("/exporters/{}", company.id);
    let registrar = app.signed_in("registrar_kz");
    let version = field_value(&registrar.get(&path).body, "version").unwrap();
    let fields = [
        ("name", "Renamed Grain LLP"),
        ("bin", company.bin.as_str()),
        ("address", "Almaty"),
        ("version", version.as_str()),
    ];

    let answers = race(&app, "registrar_kz", N, &path, &path, &fields);

    one_done_rest_conflict(&answers);
    assert_eq!(
        audited(
            &app,
            "exporter.updated",
            "exporter",
            &company.id.to_string()
        ),
        1
    );
    let now = Exporter::find(&mut app.conn(), company.id)
        .unwrap()
        .unwrap();
    assert_eq!(now.name, "Renamed Grain LLP");
    assert_eq!(now.version, company.version + 1);
}

/// Exactly one request added it; every other one got the form back with the value taken
/// beside `field`.
#[track_caller]
fn one_done_rest_taken(answers: &[Resp], field: &str, key: &str) {
    let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 422).count(),
        statuses.len() - 1,
        "{statuses:?}"
    );
    for refused in answers.iter().filter(|r| r.status == 422) {
        assert_shows(refused, &error_beside(field, key));
    }
}

fn events(app: &TestApp, action: &str) -> i64 {
    use diesel::prelude::*;
    use jointlab::db::schema::audit_events;
    audit_events::table
        .filter(audit_events::action.eq(action))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

#[test]
fn eight_parallel_adds_of_one_method_code_add_it_once_and_refuse_the_rest_beside_the_code() {
    let app = spawn_app();
    let fields = [
        ("code", "T2"),
        ("name_en", "T-2 toxin"),
        ("name_ru", "Т-2 токсин"),
        ("name_kk", "Т-2 токсині"),
        ("name_zh", "T-2毒素"),
        ("discipline", "mycotoxin"),
        ("result_kind", "quantitative"),
        ("unit", "µg/kg"),
        ("standard_kz", "ГОСТ 28001-88"),
        ("standard_cn", "GB 5009.118-2016"),
        ("active", "on"),
    ];
    let methods = "/admin/catalog/test-methods";

    let answers = race(
        &app,
        "admin",
        N,
        &format!("{methods}/new"),
        methods,
        &fields,
    );

    one_done_rest_taken(&answers, "code", "catalog.error.code_taken");
    assert_eq!(events(&app, "test_method.created"), 1);
}

#[test]
fn eight_parallel_registrations_of_one_bin_register_it_once_and_refuse_the_rest() {
    let app = spawn_app();
    let bin = jointlab::domain::Bin::complete("15031400777").unwrap();
    let fields = [("name", "Dala Oil LLP"), ("bin", bin.as_str())];

    let answers = race(
        &app,
        "registrar_kz",
        N,
        "/exporters/new",
        "/exporters",
        &fields,
    );

    one_done_rest_taken(&answers, "bin", "exporters.bin_taken");
    assert_eq!(events(&app, "exporter.created"), 1);
}
