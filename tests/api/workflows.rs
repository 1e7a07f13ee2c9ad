//! The workflow rules at the door: who may move a portion, what a rejected portion does to the
//! other side's bench, and that a page offers only what the server accepts.

use diesel::prelude::*;
use jointlab::db::schema::{consignments, sample_portions, tests};

use crate::helpers::{TestApp, en, field_value, new_sample, received_samples, spawn_app};

fn receive(app: &TestApp, side: &str, sample: &str, decision: &str, reason: &str) -> u16 {
    let client = app.signed_in(&format!("registrar_{side}"));
    let page = format!("/samples/{sample}");
    let v = field_value(&client.get(&page).body, "version").unwrap();
    client
        .post_from(
            &page,
            &format!("{page}/receipt"),
            &[
                ("version", &v),
                ("portion", side),
                ("seal_intact", "yes"),
                ("decision", decision),
                ("reason", reason),
            ],
        )
        .status
}

fn portion_status(app: &TestApp, sample: &str, portion: &str) -> String {
    let id: jointlab::models::sample::SampleId = sample.parse().unwrap();
    sample_portions::table
        .filter(sample_portions::sample_id.eq(id))
        .filter(sample_portions::portion.eq(portion))
        .select(sample_portions::status)
        .first(&mut *app.conn())
        .unwrap()
}

#[test]
fn a_cn_registrar_cannot_dispose_of_the_portion_the_kz_lab_holds_and_is_not_offered_it() {
    let app = spawn_app();
    received_samples(&app, 0);
    let sample = new_sample(&app, "HOLD-1");
    assert_eq!(receive(&app, "kz", &sample, "accept", ""), 303);
    let cn = app.signed_in("registrar_cn");
    let page = cn.get(&format!("/samples/{sample}"));
    assert_eq!(page.status, 200);
    let dispose_form = page
        .body
        .split("/dispose\"")
        .nth(1)
        .map(|f| f.split("</form>").next().unwrap().to_owned());
    if let Some(form) = &dispose_form {
        assert!(
            !form.contains("value=\"kz\""),
            "the KZ portion is offered to CN: {form}"
        );
    }
    let v = field_value(&page.body, "version").unwrap();
    let res = cn.post_from(
        &format!("/samples/{sample}"),
        &format!("/samples/{sample}/dispose"),
        &[
            ("version", &v),
            ("portion", "kz"),
            ("reason", "Tidy up"),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("custody.held_by_other_side")));
    assert_eq!(portion_status(&app, &sample, "kz"), "received");
    // Nor can the KZ registrar dispose of it while its tests are on the bench.
    let kz = app.signed_in("registrar_kz");
    let page = kz.get(&format!("/samples/{sample}"));
    let v = field_value(&page.body, "version").unwrap();
    let res = kz.post_from(
        &format!("/samples/{sample}"),
        &format!("/samples/{sample}/dispose"),
        &[
            ("version", &v),
            ("portion", "kz"),
            ("reason", "Tidy up"),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("custody.portion_under_test")));
    // A sample one lab received can no longer be cancelled, and is not offered for it.
    assert!(!page.body.contains(&format!("/samples/{sample}/cancel")));
    let res = kz.post_from(
        &format!("/samples/{sample}"),
        &format!("/samples/{sample}/cancel"),
        &[("version", &v), ("reason", "Oops"), ("confirm", "yes")],
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("custody.cancel_after_receipt")));
}

#[test]
fn a_portion_rejected_as_unfit_withdraws_the_other_sides_tests_and_offers_a_replacement() {
    let app = spawn_app();
    received_samples(&app, 0);
    let sample = new_sample(&app, "UNFIT-1");
    assert_eq!(receive(&app, "kz", &sample, "accept", ""), 303);
    let id: jointlab::models::sample::SampleId = sample.parse().unwrap();
    let pending = |app: &TestApp| -> i64 {
        tests::table
            .filter(tests::sample_id.eq(id))
            .filter(tests::status.eq("pending"))
            .count()
            .get_result(&mut *app.conn())
            .unwrap()
    };
    assert!(pending(&app) > 0);
    assert_eq!(
        receive(&app, "cn", &sample, "reject", "Seal broken, bag torn"),
        303
    );
    assert_eq!(pending(&app), 0);
    let withdrawn: i64 = tests::table
        .filter(tests::sample_id.eq(id))
        .filter(tests::withdrawn_at.is_not_null())
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert!(withdrawn > 0);
    let bench = app.signed_in("analyst_kz").get("/bench");
    assert!(bench.body.contains(&en("bench.withdrawn")));
    assert!(bench.body.contains("Seal broken, bag torn"));
    // The registrar is offered a replacement, linked to the first.
    let kz = app.signed_in("registrar_kz");
    let page = kz.get(&format!("/samples/{sample}"));
    assert!(page.body.contains(&en("samples.draw_replacement")));
    let consignment: String = consignments::table
        .select(consignments::id)
        .first::<jointlab::models::consignment::ConsignmentId>(&mut *app.conn())
        .unwrap()
        .to_string();
    let res = kz.post_from(
        &format!("/consignments/{consignment}/samples/new?replaces={sample}"),
        &format!("/consignments/{consignment}/samples"),
        &[
            ("seal_number", "UNFIT-2"),
            ("mass", "2"),
            ("mass_unit", "kg"),
            ("storage", "ambient"),
            ("drawn_at", crate::helpers::drawn_at()),
            ("drawn_by", "Test"),
            ("replaces", &sample),
        ],
    );
    assert_eq!(res.status, 303);
    let page = kz.get(&format!("/samples/{sample}"));
    assert!(page.body.contains(&en("samples.replaced_by")));
    assert!(!page.body.contains(&en("samples.draw_replacement")));
}
