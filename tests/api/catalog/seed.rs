//! The demo catalog: every row marked demo, the CN and EAEU limit sets with their key limits,
//! panels on both sides for every commodity, and a second run that changes nothing.

use diesel::prelude::*;
use jointlab::db::schema::{audit_events, limits, panel_tests};
use jointlab::domain::Side;
use jointlab::models::catalog::{Limit, LimitRule};
use jointlab::models::{Commodity, LimitSet, TestMethod};

use super::seed_demo_catalog;
use crate::helpers::*;

const WHEAT: &str = "100199";
const MEAT: [&str; 2] = ["020443", "020230"];

/// Rows of each catalog table and of the audit log.
fn counts(app: &TestApp) -> [i64; 6] {
    let mut conn = app.conn();
    [
        Commodity::count(&mut conn).unwrap(),
        TestMethod::count(&mut conn).unwrap(),
        LimitSet::count(&mut conn).unwrap(),
        limits::table.count().get_result(&mut *conn).unwrap(),
        panel_tests::table.count().get_result(&mut *conn).unwrap(),
        audit_events::table.count().get_result(&mut *conn).unwrap(),
    ]
}

fn rule(app: &TestApp, set: &str, hs: &str, method: &str) -> Option<(LimitRule, Option<String>)> {
    let mut conn = app.conn();
    let set = LimitSet::find_by_code(&mut conn, set).unwrap()?;
    let commodity = Commodity::find_demo(&mut conn, hs).unwrap()?;
    let method = TestMethod::find_by_code(&mut conn, method).unwrap()?;
    let limit = Limit::find_for(&mut conn, set.id, commodity.id, method.id).unwrap()?;
    Some((limit.rule, limit.value))
}

#[test]
fn the_demo_catalog_seeds_once_and_a_second_run_changes_nothing() {
    let app = spawn_app();

    seed_demo_catalog(&app);
    let first = counts(&app);
    seed_demo_catalog(&app);
    let second = counts(&app);

    assert_eq!(first, second, "the second run changed something");
    let [commodities, methods, sets, limits, panel, events] = first;
    assert_eq!((commodities, sets), (9, 2));
    assert!(methods >= 15 && limits >= 50 && panel >= 50, "{first:?}");
    assert!(
        events >= commodities + methods + sets + limits + panel,
        "not every row audited"
    );
    let mut conn = app.conn();
    assert!(
        Commodity::all(&mut conn)
            .unwrap()
            .iter()
            .all(|c| c.demo && c.active)
    );
    assert!(
        TestMethod::all(&mut conn)
            .unwrap()
            .iter()
            .all(|m| m.demo && m.active)
    );
    assert!(LimitSet::all(&mut conn).unwrap().iter().all(|s| s.demo));
}

#[test]
fn both_limit_sets_hold_aflatoxin_b1_in_wheat_and_salmonella_in_meat() {
    let app = spawn_app();
    seed_demo_catalog(&app);

    for set in ["CN", "EAEU"] {
        assert_eq!(
            rule(&app, set, WHEAT, "AFB1"),
            Some((LimitRule::Max, Some("5".into()))),
            "{set}: aflatoxin B1 in wheat, 5 µg/kg"
        );
        for hs in MEAT {
            assert_eq!(
                rule(&app, set, hs, "SALM-25G"),
                Some((LimitRule::NotDetected, None)),
                "{set}: Salmonella not detected in 25 g of {hs}"
            );
        }
    }
    assert_eq!(
        rule(&app, "CN", WHEAT, "DON"),
        Some((LimitRule::Max, Some("1000".into())))
    );
    assert_eq!(
        rule(&app, "CN", WHEAT, "PB"),
        Some((LimitRule::Max, Some("0.2".into())))
    );
    assert_eq!(
        rule(&app, "EAEU", MEAT[0], "CS-137"),
        Some((LimitRule::Max, Some("200".into())))
    );
}

#[test]
fn every_demo_commodity_has_a_default_panel_on_both_sides() {
    let app = spawn_app();
    seed_demo_catalog(&app);
    let admin = app.signed_in("admin");
    let mut conn = app.conn();

    for commodity in Commodity::all(&mut conn).unwrap() {
        for side in [Side::Kz, Side::Cn] {
            let panel = jointlab::queries::catalog::panel(&mut conn, commodity.id, side).unwrap();
            assert!(
                !panel.is_empty(),
                "{} has no {side} panel",
                commodity.name_en
            );
        }
    }
    let wheat = Commodity::find_demo(&mut conn, WHEAT).unwrap().unwrap();
    let page = admin.get(&format!("/admin/catalog/commodities/{}/panel", wheat.id));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<code>TILIND</code>"), "{}", page.body);
    assert!(page.body.contains("GB 5009.22-2016") && page.body.contains("ГОСТ 30711-2001"));
}
