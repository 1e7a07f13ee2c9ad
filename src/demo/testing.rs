//! Demo testing data for `jointlab seed-demo`: the demo wheat samples the labs received get
//! results in every testing state on both sides — pending, entered (waiting for review),
//! verified, rejected back to the bench with a reason — one sample tested through, and on
//! another a discrepancy (aflatoxin B1: 4 µg/kg on the Kazakh side, 6 µg/kg on the Chinese
//! side, against the Chinese limit of 5 µg/kg). Each step goes through the model as the demo
//! analyst or reviewer of the side, so the audit chain records it like any other work. Runs
//! once: nothing is added when any test of these samples already has a result.

use diesel::prelude::*;

use crate::auth::policy::Staff;
use crate::db::DbConn;
use crate::db::schema::{consignments, samples, tests};
use crate::domain::Side;
use crate::domain::measure::{Unit, parse_reading};
use crate::error::AppError;
use crate::models::catalog::{ResultKind, TestMethod};
use crate::models::lab_test::{LabTest, TestStatus};
use crate::models::sample::{Sample, SampleId};
use crate::models::{Actor, User};
use crate::queries;
use crate::workflows::{Halt, testing};

/// Received by both labs in `seed_intake`: results in every state, and the discrepancy.
const IN_TESTING: &str = "KZ 0042102";
/// Received by the Kazakh lab only: one result waiting for review.
const HALF_RECEIVED: &str = "KZ 0042103";
/// Received by both labs: every test of both sides verified, all conforming.
const TESTED: &str = "KZ 0042106";

/// What the analysts of each side report on the tested-through sample, by method code;
/// methods not listed are reported as not detected.
const TESTED_READINGS: &[(&str, &str)] = &[
    ("AFB1", "1.1"),
    ("DON", "240"),
    ("OTA", "< LOQ"),
    ("PB", "0.05"),
    ("CD", "0.018"),
    ("HG", "< LOQ"),
    ("AS", "0.04"),
    ("CS-137", "< LOQ"),
    ("PIRIMIPHOS-M", "0.4"),
];

/// One side of the lab: its demo analyst and reviewer, acting through the workflows.
pub(super) struct Lab {
    side: Side,
    analyst: Staff,
    reviewer: Staff,
    site: crate::mail::Site,
}

impl Lab {
    pub(super) fn new(
        conn: &mut DbConn,
        side: Side,
        site: &crate::mail::Site,
    ) -> Result<Option<Lab>, AppError> {
        let suffix = side.as_str();
        let (Some(analyst), Some(reviewer)) = (
            User::find_by_email(conn, &format!("analyst.{suffix}@demo.jointlab.local"))?
                .and_then(Staff::of),
            User::find_by_email(conn, &format!("reviewer.{suffix}@demo.jointlab.local"))?
                .and_then(Staff::of),
        ) else {
            return Ok(None);
        };
        Ok(Some(Lab {
            side,
            analyst,
            reviewer,
            site: site.clone(),
        }))
    }

    /// The side's live test of `code` on the sample, with its method.
    fn test(
        &self,
        conn: &mut DbConn,
        sample: SampleId,
        code: &str,
    ) -> Result<Option<(LabTest, TestMethod)>, AppError> {
        Ok(queries::testing::of_sample_side(conn, sample, self.side)?
            .into_iter()
            .find(|(t, m)| {
                m.code == code
                    && matches!(
                        t.status,
                        TestStatus::Pending | TestStatus::Entered | TestStatus::Verified
                    )
            }))
    }

    /// The analyst enters `input` (as typed on the bench) for the side's test of `code`.
    /// A method the side's panel does not hold is skipped.
    fn enter(
        &self,
        conn: &mut DbConn,
        sample: SampleId,
        code: &str,
        input: &str,
    ) -> Result<(), AppError> {
        let Some((test, method)) = self.test(conn, sample, code)? else {
            return Ok(());
        };
        let qualitative = method.result_kind == ResultKind::Qualitative;
        let reading = parse_reading(qualitative, input)
            .map_err(|e| AppError::internal(format!("demo reading {code} {input:?}: {e}")))?;
        let unit = method.unit.as_deref().and_then(Unit::parse);
        testing::enter(conn, &self.analyst, test.id, test.version, &reading, unit)
            .map_err(|h| done(h, "enter", code))
    }

    /// The reviewer verifies the side's entered test of `code`.
    fn verify(&self, conn: &mut DbConn, sample: SampleId, code: &str) -> Result<(), AppError> {
        let Some((test, _)) = self.test(conn, sample, code)? else {
            return Ok(());
        };
        testing::verify(conn, &self.reviewer, test.id, test.version, &self.site)
            .map_err(|h| done(h, "verify", code))
    }

    /// The reviewer sends the side's entered test of `code` back to the bench.
    fn reject(
        &self,
        conn: &mut DbConn,
        sample: SampleId,
        code: &str,
        reason: &str,
    ) -> Result<(), AppError> {
        let Some((test, _)) = self.test(conn, sample, code)? else {
            return Ok(());
        };
        testing::reject(
            conn,
            &self.reviewer,
            test.id,
            test.version,
            reason,
            &self.site,
        )
        .map_err(|h| done(h, "reject", code))
    }

    pub(super) fn entered_and_verified(
        &self,
        conn: &mut DbConn,
        sample: SampleId,
        code: &str,
        input: &str,
    ) -> Result<(), AppError> {
        self.enter(conn, sample, code, input)?;
        self.verify(conn, sample, code)
    }

    /// Every pending test of the side on the sample, entered and verified.
    pub(super) fn test_through(&self, conn: &mut DbConn, sample: SampleId) -> Result<(), AppError> {
        for (test, method) in queries::testing::of_sample_side(conn, sample, self.side)? {
            if test.status != TestStatus::Pending {
                continue;
            }
            let input = match TESTED_READINGS.iter().find(|(c, _)| *c == method.code) {
                Some((_, value)) => value,
                None if method.result_kind == ResultKind::Qualitative => "not_detected",
                None => "nd",
            };
            self.entered_and_verified(conn, sample, &method.code, input)?;
        }
        Ok(())
    }
}

fn done(halt: Halt, step: &str, code: &str) -> AppError {
    AppError::internal(format!("demo {step} of {code} refused: {halt:?}"))
}

/// Adds the demo testing data inside the caller's transaction, after `seed_intake`.
pub fn seed_testing(
    conn: &mut DbConn,
    _actor: &Actor,
    site: &crate::mail::Site,
) -> Result<(), AppError> {
    let Some(company) =
        User::find_by_email(conn, "exporter@zhetysu-grain.kz")?.and_then(|u| u.exporter_id)
    else {
        return Ok(());
    };
    let demo: Vec<Sample> = samples::table
        .inner_join(consignments::table)
        .filter(consignments::exporter_id.eq(company))
        .filter(samples::seal_number.eq_any([IN_TESTING, HALF_RECEIVED, TESTED]))
        .select(Sample::as_select())
        .order(samples::created_at)
        .load(conn)?;
    let ids: Vec<SampleId> = demo.iter().map(|s| s.id).collect();
    let worked_on: i64 = tests::table
        .filter(tests::sample_id.eq_any(&ids))
        .filter(
            tests::entered_by
                .is_not_null()
                .or(tests::status.ne(TestStatus::Pending)),
        )
        .count()
        .get_result(conn)?;
    if worked_on > 0 {
        return Ok(());
    }
    let (Some(kz), Some(cn)) = (
        Lab::new(conn, Side::Kz, site)?,
        Lab::new(conn, Side::Cn, site)?,
    ) else {
        return Ok(());
    };
    let sample = |seal: &str| demo.iter().find(|s| s.seal_number == seal).map(|s| s.id);

    if let Some(s) = sample(IN_TESTING) {
        // The discrepancy: both sides verified AFB1, one conforms (4 ≤ 5), one does not (6 > 5).
        kz.entered_and_verified(conn, s, "AFB1", "4")?;
        cn.entered_and_verified(conn, s, "AFB1", "6")?;
        // Verified, agreeing.
        kz.entered_and_verified(conn, s, "DON", "180")?;
        cn.entered_and_verified(conn, s, "DON", "210")?;
        kz.entered_and_verified(conn, s, "TROGOD", "not_detected")?;
        cn.entered_and_verified(conn, s, "TROGOD", "not_detected")?;
        // Entered, waiting for the side's reviewer (and invisible to the other side).
        kz.enter(conn, s, "ZEN", "12")?;
        kz.enter(conn, s, "OTA", "< LOQ")?;
        cn.enter(conn, s, "ZEN", "15")?;
        cn.enter(conn, s, "MALATHION", "nd")?;
        // Rejected back to the bench, with the reviewer's reason beside the row.
        kz.enter(conn, s, "PB", "0.35")?;
        kz.reject(
            conn,
            s,
            "PB",
            "Recovery of the spiked control was 62 %, outside 80–110 %: repeat the digestion.",
        )?;
        cn.enter(conn, s, "CD", "0.04")?;
        cn.reject(
            conn,
            s,
            "CD",
            "Calibration curve r² below 0.995: re-run with fresh standards.",
        )?;
        // Everything else stays pending on both benches.
    }
    if let Some(s) = sample(HALF_RECEIVED) {
        kz.enter(conn, s, "AFB1", "2.3")?;
    }
    if let Some(s) = sample(TESTED) {
        kz.test_through(conn, s)?;
        cn.test_through(conn, s)?;
    }
    Ok(())
}

#[cfg(test)]
mod seeded {
    use std::time::Duration;

    use diesel::prelude::*;

    use super::{IN_TESTING, TESTED};

    use crate::db::schema::{audit_events, discrepancies, samples, test_methods, tests};
    use crate::db::{Db, run_migrations};
    use crate::models::audit::{self, ChainReport};

    /// A fresh database: a temp SQLite file, or a new PostgreSQL database when
    /// JOINTLAB_TEST_DATABASE_URL names a server (as the API suite does). Returns the pool
    /// and what to drop afterwards.
    fn fresh_db() -> (Db, Box<dyn FnOnce()>) {
        let name = format!("jl_seed_{}", uuid::Uuid::now_v7().simple());
        let admin = std::env::var("JOINTLAB_TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty());
        let (url, cleanup): (String, Box<dyn FnOnce()>) = match admin {
            None => {
                let dir = std::env::temp_dir().join(&name);
                let url = format!("sqlite://{}", dir.join("jointlab.db").display());
                (url, Box::new(move || drop(std::fs::remove_dir_all(dir))))
            }
            Some(admin) => {
                let mut conn = diesel::pg::PgConnection::establish(&admin).unwrap();
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .unwrap();
                let (base, query) = admin.split_once('?').unwrap_or((&admin, ""));
                let server = &base[..base.rfind('/').unwrap()];
                let url = format!("{server}/{name}?{query}");
                let drop_db = move || {
                    if let Ok(mut conn) = diesel::pg::PgConnection::establish(&admin) {
                        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                        let _ = diesel::sql_query(sql).execute(&mut conn);
                    }
                };
                (url.trim_end_matches('?').to_owned(), Box::new(drop_db))
            }
        };
        let db = Db::connect(&url, 2, Duration::from_secs(5)).unwrap();
        run_migrations(&mut db.get().unwrap()).unwrap();
        (db, cleanup)
    }

    type Row = (
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );

    /// Every test of the demo: (seal, side, method, status, value, conformity), plus notes.
    fn snapshot(db: &Db) -> (Vec<Row>, Vec<Option<String>>, i64, i64) {
        let mut conn = db.get().unwrap();
        let rows: Vec<(Row, Option<String>)> = tests::table
            .inner_join(samples::table)
            .inner_join(test_methods::table)
            .select((
                (
                    samples::seal_number,
                    tests::side,
                    test_methods::code,
                    tests::status,
                    tests::value,
                    tests::conformity,
                ),
                tests::note,
            ))
            .order((samples::seal_number, tests::side, test_methods::code))
            .load(&mut *conn)
            .unwrap();
        let events = audit_events::table.count().get_result(&mut *conn).unwrap();
        let flagged = discrepancies::table.count().get_result(&mut *conn).unwrap();
        let (rows, notes) = rows.into_iter().unzip();
        (rows, notes, events, flagged)
    }

    #[test]
    fn seed_demo_puts_samples_in_every_testing_state_on_both_sides_once() {
        let (db, cleanup) = fresh_db();
        let keys = std::env::temp_dir().join(format!("jl-keys-{}.json", uuid::Uuid::now_v7()));
        let issuing = crate::workflows::certificates::Issuing::from_settings(
            &crate::config::Settings::defaults(),
            crate::signing::SharedKeyring::open(&keys).unwrap(),
        );
        crate::demo::seed_demo(&db, "demo-password-1", &issuing).unwrap();
        let first = snapshot(&db);
        crate::demo::seed_demo(&db, "demo-password-1", &issuing).unwrap();
        assert_eq!(snapshot(&db), first, "the second run changed something");

        let (rows, notes, _, flagged) = first;
        let find = |seal: &str, side: &str, code: &str| {
            rows.iter()
                .find(|r| r.0 == seal && r.1 == side && r.2 == code)
                .unwrap_or_else(|| panic!("no {side} {code} on {seal}"))
        };
        for side in ["kz", "cn"] {
            for status in ["pending", "entered", "verified"] {
                assert!(
                    rows.iter().any(|r| r.1 == side && r.3 == status),
                    "no {status} test on the {side} side"
                );
            }
            let rejected = rows
                .iter()
                .zip(&notes)
                .any(|(r, note)| r.1 == side && r.3 == "pending" && note.is_some());
            assert!(rejected, "no test rejected back to the {side} bench");
        }
        // The discrepancy: same sample, same method, one conforms and one does not.
        let kz = find(IN_TESTING, "kz", "AFB1");
        let cn = find(IN_TESTING, "cn", "AFB1");
        assert_eq!(
            (kz.3.as_str(), kz.4.as_deref(), kz.5.as_deref()),
            ("verified", Some("4"), Some("conforms"))
        );
        assert_eq!(
            (cn.3.as_str(), cn.4.as_deref(), cn.5.as_deref()),
            ("verified", Some("6"), Some("does_not_conform"))
        );
        assert_eq!(flagged, 1);
        // One sample tested through on both sides, every result conforming.
        let tested: Vec<&Row> = rows.iter().filter(|r| r.0 == TESTED).collect();
        assert!(tested.iter().any(|r| r.1 == "kz") && tested.iter().any(|r| r.1 == "cn"));
        assert!(
            tested
                .iter()
                .all(|r| r.3 == "verified" && r.5.as_deref() == Some("conforms")),
            "{tested:?}"
        );
        let status: String = samples::table
            .filter(samples::seal_number.eq(TESTED))
            .select(samples::status)
            .first(&mut *db.get().unwrap())
            .unwrap();
        assert_eq!(status, "tested");
        let chain = audit::verify(&mut db.get().unwrap()).unwrap();
        assert!(matches!(chain, ChainReport::Intact { .. }), "{chain:?}");
        drop(db);
        cleanup();
    }
}
