//! Eligibility for China: exporters' GACC registrations (added and withdrawn by the
//! administrator and the registrars), the warning on applications and consignments of an
//! unregistered exporter, the refused certificate draft, and the additional declarations
//! the administrator keeps and certifiers choose.

use chrono::{Duration, NaiveDate, Utc};
use diesel::prelude::*;
use jointlab::db::schema::{applications, audit_events, consignments, limit_sets};
use jointlab::models::declaration::DeclarationEntry;
use jointlab::models::gacc_registration::{Coverage, RegistrationEntry};
use jointlab::models::{Actor, CommodityId, LimitSetId};
use jointlab::queries::eligibility;

use crate::helpers::{
    PASSWORD, TestApp, en, field_value, html, race, received_samples, registered_for_wheat,
    spawn_app, tested_consignment, wheat_id,
};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn day(offset: i64) -> String {
    (today() + Duration::days(offset)).to_string()
}

fn registrations_path(app: &TestApp) -> String {
    format!("/exporters/{}/registrations", app.exporters[0].id)
}

fn events(app: &TestApp, action: &str) -> i64 {
    audit_events::table
        .filter(audit_events::action.eq(action))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

fn seed_catalog(app: &TestApp) {
    jointlab::db::write_tx(&mut app.conn(), |conn| {
        jointlab::demo::catalog::seed_catalog(conn, &Actor::system("test"))
    })
    .unwrap();
}

fn limit_set(app: &TestApp, code: &str) -> LimitSetId {
    limit_sets::table
        .filter(limit_sets::code.eq(code))
        .select(limit_sets::id)
        .first(&mut *app.conn())
        .unwrap()
}

fn commodity(app: &TestApp, hs: &str) -> CommodityId {
    use jointlab::db::schema::commodities;
    commodities::table
        .filter(commodities::hs_code.eq(hs))
        .select(commodities::id)
        .first(&mut *app.conn())
        .unwrap()
}

/// Adds a registration of the first test company as the system.
fn register(
    app: &TestApp,
    number: &str,
    coverage: Coverage,
    from: i64,
    to: Option<i64>,
) -> jointlab::models::gacc_registration::GaccRegistration {
    let entry = RegistrationEntry {
        exporter_id: app.exporters[0].id,
        register_number: number.into(),
        coverage,
        valid_from: today() + Duration::days(from),
        valid_to: to.map(|t| today() + Duration::days(t)),
    };
    match jointlab::workflows::apply_on(&mut app.conn(), |conn| {
        jointlab::workflows::eligibility::seed_registration(conn, &Actor::system("test"), &entry)
    })
    .unwrap()
    {
        jointlab::workflows::Change::Done(r) => r,
        other => panic!("not registered: {other:?}"),
    }
}

fn declare(app: &TestApp, code: &str, set: LimitSetId, commodity: Option<CommodityId>) {
    let entry = DeclarationEntry {
        code: code.into(),
        limit_set_id: set,
        commodity_id: commodity,
        text_en: format!("{code} in English"),
        text_ru: format!("{code} по-русски"),
        text_kk: format!("{code} қазақша"),
        text_zh: format!("{code} 中文"),
        active: true,
    };
    let change = jointlab::workflows::apply_on(&mut app.conn(), |conn| {
        jointlab::workflows::eligibility::seed_declaration(conn, &Actor::system("test"), &entry)
    })
    .unwrap();
    assert!(matches!(change, jointlab::workflows::Change::Done(_)));
}

fn add_fields<'a>(number: &'a str, commodity: &'a str, from: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("register_number", number),
        ("commodity", commodity),
        ("hs_heading", ""),
        ("valid_from", from),
        ("valid_to", ""),
    ]
}

#[test]
fn a_registrar_or_the_administrator_adds_a_registration_and_others_are_refused() {
    let app = spawn_app();
    seed_catalog(&app);
    let wheat = wheat_id(&app).to_string();
    let path = registrations_path(&app);
    let from = day(-1);

    let by_registrar = app.signed_in("registrar_kz").post_from(
        &path,
        &path,
        &add_fields("CKZ1001", &wheat, &from),
    );
    let by_admin = app.signed_in("admin").post_from(
        &path,
        &path,
        &[
            ("register_number", "CKZ1003"),
            ("commodity", ""),
            ("hs_heading", "10.03"),
            ("valid_from", &from),
            ("valid_to", &day(365)),
        ],
    );
    let analyst = app.signed_in("analyst_kz");
    let token = analyst.get("/account").csrf_token();
    let refused = analyst.post_raw(
        &path,
        &[
            ("csrf_token", token.as_str()),
            ("register_number", "CKZ9"),
            ("commodity", wheat.as_str()),
            ("valid_from", from.as_str()),
        ],
    );
    let exporter = app.signed_in("exporter");
    let token = exporter.get("/account").csrf_token();
    let exporter_try = exporter.post_raw(
        &path,
        &[
            ("csrf_token", token.as_str()),
            ("register_number", "CKZ9"),
            ("commodity", wheat.as_str()),
            ("valid_from", from.as_str()),
        ],
    );
    let company_page = app
        .signed_in("registrar_cn")
        .get(&format!("/exporters/{}", app.exporters[0].id));

    assert_eq!(by_registrar.status, 303, "{}", by_registrar.body);
    assert_eq!(by_admin.status, 303, "{}", by_admin.body);
    assert_eq!(refused.status, 403);
    assert_eq!(exporter_try.status, 403);
    assert_eq!(exporter.get(&path).status, 403);
    assert_eq!(events(&app, "gacc_registration.added"), 2);
    assert!(company_page.body.contains("CKZ1001") && company_page.body.contains("CKZ1003"));
    assert!(
        company_page
            .body
            .contains(&en("registrations.standing.valid"))
    );
    let held = eligibility::registrations_of(&mut app.conn(), app.exporters[0].id).unwrap();
    assert_eq!(held.len(), 2);
    assert!(held.iter().any(|r| r.hs_heading.as_deref() == Some("1003")));
}

#[test]
fn bad_input_comes_back_beside_each_field_with_what_was_typed() {
    let app = spawn_app();
    seed_catalog(&app);
    let wheat = wheat_id(&app).to_string();
    let path = registrations_path(&app);
    let registrar = app.signed_in("registrar_kz");

    let empty = registrar.post_from(
        &path,
        &path,
        &[
            ("register_number", ""),
            ("commodity", ""),
            ("hs_heading", ""),
            ("valid_from", "2026-13-45"),
            ("valid_to", "soon"),
        ],
    );
    let both = registrar.post_from(
        &path,
        &path,
        &[
            ("register_number", "CKZ-TYPED-1"),
            ("commodity", wheat.as_str()),
            ("hs_heading", "1001"),
            ("valid_from", "2026-01-10"),
            ("valid_to", "2026-01-01"),
        ],
    );
    let bad_heading = registrar.post_from(
        &path,
        &path,
        &[
            ("register_number", "CKZ-2"),
            ("commodity", ""),
            ("hs_heading", "10a"),
            ("valid_from", "1800-01-01"),
        ],
    );
    let forged_choice = registrar.post_from(
        &path,
        &path,
        &add_fields("CKZ-3", "not-a-commodity", "2026-01-01"),
    );
    let first = registrar.post_from(&path, &path, &add_fields("CKZ-SAME", &wheat, &day(-10)));
    let overlapping = registrar.post_from(&path, &path, &add_fields("CKZ-SAME", &wheat, &day(-5)));
    let earlier = registrar.post_from(
        &path,
        &path,
        &[
            ("register_number", "CKZ-SAME"),
            ("commodity", wheat.as_str()),
            ("hs_heading", ""),
            ("valid_from", &day(-400)),
            ("valid_to", &day(-300)),
        ],
    );

    assert_eq!(empty.status, 422);
    assert!(empty.body.contains(&en("field.required")));
    assert!(empty.body.contains(&en("registrations.error.coverage")));
    assert!(empty.body.contains(&en("field.date_invalid")));
    assert!(empty.body.contains("value=\"2026-13-45\"") && empty.body.contains("value=\"soon\""));
    assert_eq!(both.status, 422);
    assert!(both.body.contains(&en("registrations.error.coverage")));
    assert!(
        both.body
            .contains(&en("registrations.error.to_before_from"))
    );
    assert!(both.body.contains("value=\"CKZ-TYPED-1\""));
    assert_eq!(bad_heading.status, 422);
    assert!(
        bad_heading
            .body
            .contains(&en("registrations.error.heading_format"))
    );
    assert!(
        bad_heading
            .body
            .contains(&en("registrations.error.date_range"))
    );
    assert_eq!(forged_choice.status, 422);
    assert!(forged_choice.body.contains(&en("field.choose")));
    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(overlapping.status, 422);
    assert!(
        overlapping
            .body
            .contains(&en("registrations.error.overlaps"))
    );
    assert_eq!(
        earlier.status, 303,
        "a non-overlapping period of the same number is allowed"
    );
    assert_eq!(events(&app, "gacc_registration.added"), 2);
}

#[test]
fn parallel_identical_withdrawals_withdraw_once_and_the_rest_are_stale() {
    let app = spawn_app();
    seed_catalog(&app);
    let registration = register(&app, "CKZ-W", Coverage::Commodity(wheat_id(&app)), -1, None);
    let path = registrations_path(&app);
    let action = format!("{path}/{}/withdraw", registration.id);
    // Withdrawing asks first; asking changes nothing.
    let registrar = app.signed_in("registrar_kz");
    let version = registration.version.to_string();
    let asked = registrar.post_from(&path, &action, &[("version", &version)]);
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert!(asked.body.contains("CKZ-W") && asked.body.contains(&en("confirm.yes")));
    assert_eq!(events(&app, "gacc_registration.withdrawn"), 0);
    // Through another company's address, the registration is not found.
    let elsewhere = action.replace(
        &app.exporters[0].id.to_string(),
        &app.exporters[1].id.to_string(),
    );
    let token = registrar.get(&path).csrf_token();
    let wrong = registrar.post_raw(&elsewhere, &[("csrf_token", &token), ("version", &version)]);
    assert_eq!(wrong.status, 404);

    let answers = race(
        &app,
        "registrar_kz",
        6,
        &path,
        &action,
        &[
            ("version", &registration.version.to_string()),
            ("confirm", "yes"),
        ],
    );
    let page = app.signed_in("admin").get(&path);

    let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        5,
        "{statuses:?}"
    );
    assert_eq!(events(&app, "gacc_registration.withdrawn"), 1);
    assert!(page.body.contains(&en("registrations.standing.withdrawn")));
    assert!(
        !page.body.contains(&action),
        "a withdrawn registration offers no withdrawal"
    );
    let held = eligibility::registration_for(
        &mut app.conn(),
        app.exporters[0].id,
        wheat_id(&app),
        today(),
    )
    .unwrap();
    assert!(held.is_none());
    let other = app.signed_in("reviewer_kz");
    let token = other.get("/account").csrf_token();
    let refused = other.post_raw(&action, &[("csrf_token", &token), ("version", "2")]);
    assert_eq!(refused.status, 403);
}

#[test]
fn a_registration_by_heading_counts_and_expired_future_or_withdrawn_ones_do_not() {
    let app = spawn_app();
    seed_catalog(&app);
    let (exporter, wheat) = (app.exporters[0].id, wheat_id(&app));
    let held = |app: &TestApp| {
        eligibility::registration_for(&mut app.conn(), exporter, wheat, today())
            .unwrap()
            .map(|r| r.register_number)
    };

    register(&app, "EXPIRED", Coverage::Commodity(wheat), -400, Some(-1));
    register(&app, "FUTURE", Coverage::Commodity(wheat), 10, None);
    register(&app, "BARLEY", Coverage::Heading("1003".into()), -10, None);
    let none_yet = held(&app);
    let withdrawn = register(&app, "WITHDRAWN", Coverage::Heading("10".into()), -10, None);
    let while_valid = held(&app);
    let change = jointlab::workflows::apply_on(&mut app.conn(), |conn| {
        jointlab::workflows::eligibility::withdraw_registration(
            conn,
            app.user("registrar_kz"),
            exporter,
            withdrawn.id,
            withdrawn.version,
        )
    })
    .unwrap();
    let after_withdrawal = held(&app);
    register(
        &app,
        "WHEAT-HEADING",
        Coverage::Heading("1001".into()),
        -10,
        Some(0),
    );
    let by_heading = held(&app);

    assert_eq!(none_yet, None);
    assert_eq!(while_valid.as_deref(), Some("WITHDRAWN"));
    assert!(matches!(change, jointlab::workflows::Change::Done(_)));
    assert_eq!(after_withdrawal, None);
    assert_eq!(by_heading.as_deref(), Some("WHEAT-HEADING"));
    let china = limit_set(&app, "CN");
    let eaeu = limit_set(&app, "EAEU");
    assert!(eligibility::requires_gacc(&mut app.conn(), china).unwrap());
    assert!(!eligibility::requires_gacc(&mut app.conn(), eaeu).unwrap());
}

#[test]
fn an_unregistered_exporters_application_is_accepted_with_a_warning() {
    let app = spawn_app();
    received_samples(&app, 0);
    let application: jointlab::models::application::ApplicationId = applications::table
        .select(applications::id)
        .first(&mut *app.conn())
        .unwrap();
    let consignment: jointlab::models::consignment::ConsignmentId = consignments::table
        .select(consignments::id)
        .first(&mut *app.conn())
        .unwrap();
    let (application, consignment) = (
        format!("/applications/{application}"),
        format!("/consignments/{consignment}"),
    );
    let registrar = app.signed_in("registrar_kz");
    let exporter = app.signed_in("exporter");
    let warning = en("eligibility.gacc_warning");
    let to_exporter = en("eligibility.gacc_warning_exporter");

    let before = [
        registrar.get(&application),
        registrar.get(&consignment),
        exporter.get(&application),
        exporter.get(&consignment),
    ];
    registered_for_wheat(&app);
    let after = [
        registrar.get(&application),
        registrar.get(&consignment),
        exporter.get(&application),
        exporter.get(&consignment),
    ];

    assert!(before[0].body.contains(&warning), "{}", before[0].body);
    assert!(before[1].body.contains(&warning));
    assert!(before[2].body.contains(&to_exporter));
    assert!(before[3].body.contains(&to_exporter));
    assert!(
        !before[2].body.contains(&warning),
        "the exporter reads his own words"
    );
    for page in &after {
        assert_eq!(page.status, 200);
        assert!(!page.body.contains(&warning) && !page.body.contains(&to_exporter));
    }
}

#[test]
fn a_certificate_draft_is_refused_naming_the_missing_registration() {
    let app = spawn_app();
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let path = format!("/consignments/{consignment}/certificates");
    let certifier = app.signed_in("certifier_kz");
    let form = certifier.get(&format!("{path}/new"));

    let refused = certifier.post_from(
        &format!("{path}/new"),
        &path,
        &[
            ("consignee", "Urumqi Grain Co."),
            ("transport_details", "Wagons 61234567"),
        ],
    );
    registered_for_wheat(&app);
    let allowed = certifier.post_from(
        &format!("{path}/new"),
        &path,
        &[
            ("consignee", "Urumqi Grain Co."),
            ("transport_details", "Wagons 61234567"),
        ],
    );

    assert_eq!(form.status, 200);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("is not on the GACC register for"));
    assert!(refused.body.contains("Test Grain LLP"), "{}", refused.body);
    assert_eq!(allowed.status, 303, "{}", allowed.body);
}

#[test]
fn a_chosen_declaration_is_printed_in_the_readers_language() {
    let app = spawn_app();
    registered_for_wheat(&app);
    let china = limit_set(&app, "CN");
    let wheat = wheat_id(&app);
    declare(&app, "CN-TILLETIA", china, Some(wheat));
    declare(&app, "CN-QUARANTINE-PESTS", china, None);
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let path = format!("/consignments/{consignment}/certificates");
    let certifier = app.signed_in("certifier_kz");

    let form = certifier.get(&format!("{path}/new?lang=zh"));
    let res = certifier.post_from(
        &format!("{path}/new"),
        &path,
        &[
            ("consignee", "Urumqi Grain Co."),
            ("transport_details", "Wagons 61234567"),
            ("declaration", "CN-TILLETIA"),
        ],
    );
    assert_eq!(res.status, 303, "{}", res.body);
    let draft = res.location().unwrap().to_owned();
    let in_russian = certifier.get(&format!("{draft}?lang=ru"));
    let in_chinese = certifier.get(&format!("{draft}?lang=zh"));
    let version = field_value(&in_chinese.body, "version").unwrap_or_default();
    let signed = certifier.post_from(
        &draft,
        &format!("{draft}/sign"),
        &[("version", &version), ("password", PASSWORD)],
    );

    assert!(
        form.body.contains("CN-TILLETIA 中文") && form.body.contains("CN-QUARANTINE-PESTS 中文")
    );
    assert_eq!(res.status, 303, "{}", res.body);
    assert!(
        in_russian.body.contains(&html("CN-TILLETIA по-русски")),
        "{}",
        in_russian.body
    );
    assert!(
        !in_russian.body.contains("CN-QUARANTINE-PESTS по-русски"),
        "not chosen"
    );
    assert!(in_chinese.body.contains("CN-TILLETIA 中文"));
    assert_eq!(signed.status, 303);
}

#[test]
fn declarations_for_names_the_active_ones_of_the_destination_and_commodity() {
    let app = spawn_app();
    seed_catalog(&app);
    let (china, eaeu) = (limit_set(&app, "CN"), limit_set(&app, "EAEU"));
    let (wheat, mutton) = (wheat_id(&app), commodity(&app, "020443"));
    declare(&app, "CN-ALL", china, None);
    declare(&app, "CN-WHEAT", china, Some(wheat));
    declare(&app, "CN-WHEAT-OLD", china, Some(wheat));
    declare(&app, "CN-MUTTON", china, Some(mutton));
    declare(&app, "EAEU-WHEAT", eaeu, Some(wheat));
    let old =
        jointlab::models::declaration::Declaration::find_by_code(&mut app.conn(), "CN-WHEAT-OLD")
            .unwrap()
            .unwrap();
    let change = jointlab::workflows::apply_on(&mut app.conn(), |conn| {
        jointlab::workflows::eligibility::retire_declaration(
            conn,
            app.user("admin"),
            old.id,
            old.version,
        )
    })
    .unwrap();
    let codes = |set, commodity| -> Vec<String> {
        eligibility::declarations_for(&mut app.conn(), set, commodity)
            .unwrap()
            .into_iter()
            .map(|d| d.code)
            .collect()
    };

    assert!(matches!(change, jointlab::workflows::Change::Done(_)));
    assert_eq!(codes(china, wheat), ["CN-ALL", "CN-WHEAT"]);
    assert_eq!(codes(china, mutton), ["CN-ALL", "CN-MUTTON"]);
    assert_eq!(codes(eaeu, wheat), ["EAEU-WHEAT"]);
    assert!(codes(eaeu, mutton).is_empty());
}

#[test]
fn the_administrator_adds_edits_and_retires_declarations_and_no_one_else_may() {
    let app = spawn_app();
    seed_catalog(&app);
    let china = limit_set(&app, "CN").to_string();
    let wheat = wheat_id(&app).to_string();
    let admin = app.signed_in("admin");
    let list = "/admin/catalog/declarations";
    let fields = |code: &'static str, kk: &'static str| {
        vec![
            ("code", code),
            ("destination", china.as_str()),
            ("commodity", wheat.as_str()),
            ("text_en", "The wheat is free from Tilletia indica."),
            ("text_ru", "Пшеница свободна от Tilletia indica."),
            ("text_kk", kk),
            ("text_zh", "该小麦不带有小麦印度腥黑穗病菌。"),
            ("active", "on"),
        ]
    };

    let missing = admin.post_from(list, list, &fields("cn-tilletia", ""));
    let created = admin.post_from(
        list,
        list,
        &fields("cn-tilletia", "Бидай Tilletia indica-дан таза."),
    );
    let taken = admin.post_from(list, list, &fields("CN-TILLETIA", "Бидай таза."));
    let registrar = app.signed_in("registrar_kz");
    let token = registrar.get("/account").csrf_token();
    let refused = registrar.post_raw(list, &[("csrf_token", token.as_str()), ("code", "X")]);
    let declaration =
        jointlab::models::declaration::Declaration::find_by_code(&mut app.conn(), "CN-TILLETIA")
            .unwrap()
            .unwrap();
    let page = format!("{list}/{}", declaration.id);
    let mut edit = fields("CN-TILLETIA", "Бидай Tilletia indica-дан толық таза.");
    edit.push(("version", "1"));
    let edited = admin.post_from(&page, &page, &edit);
    let stale = admin.post_from(&page, &page, &edit);
    let retire = format!("{page}/retire");
    // Retiring asks first, and asking changes nothing.
    let asked = admin.post_from(&page, &retire, &[("version", "2")]);
    assert_eq!(asked.status, 200);
    assert!(asked.body.contains(&en("confirm.yes")) && asked.body.contains("CN-TILLETIA"));
    assert!(asked.body.contains("name=\"confirm\" value=\"yes\""));
    let retired = admin.post_from(&page, &retire, &[("version", "2"), ("confirm", "yes")]);
    let again = admin.post_from(&page, &retire, &[("version", "2"), ("confirm", "yes")]);
    let shown = admin.get(&format!("{list}?lang=kk"));

    assert_eq!(missing.status, 422);
    assert!(missing.body.contains(&en("field.required")));
    assert!(
        missing
            .body
            .contains(&html("The wheat is free from Tilletia indica.")),
        "typed text kept"
    );
    assert_eq!(created.status, 303, "{}", created.body);
    assert_eq!(taken.status, 422);
    assert!(taken.body.contains(&en("declarations.error.code_taken")));
    assert_eq!(refused.status, 403);
    assert_eq!(app.signed_in("certifier_kz").get(list).status, 403);
    assert_eq!(edited.status, 303, "{}", edited.body);
    assert_eq!(stale.status, 409);
    assert!(
        stale.body.contains("Бидай Tilletia indica-дан толық таза."),
        "typed text kept"
    );
    assert_eq!(retired.status, 303, "{}", retired.body);
    assert_eq!(again.status, 409);
    assert!(shown.body.contains("Бидай Tilletia indica-дан толық таза."));
    let now = jointlab::models::declaration::Declaration::find(&mut app.conn(), declaration.id)
        .unwrap()
        .unwrap();
    assert!(!now.active);
    assert_eq!(events(&app, "declaration.created"), 1);
    assert_eq!(events(&app, "declaration.updated"), 1);
    assert_eq!(events(&app, "declaration.retired"), 1);
}
