//! Demo certificates for `jointlab seed-demo`: consignments taken in, sampled, tested through
//! by both labs and certified through the workflows, as the demo certifiers of each side —
//! a valid phytosanitary certificate, one replaced by its correction, one
//! revoked, one expired (issued 40 days ago), and a non-conformity notice for wheat whose
//! aflatoxin B1 exceeds China's limit;
//! a consignment ready to certify, a draft waiting for the Chinese co-signature,
//! and mutton held back (no Chinese limit for one of its tests, so inconclusive). Runs once: nothing is added when any certificate exists.

use chrono::Duration;
use diesel::prelude::*;

use super::intake::{Demo, commodity, user};
use super::testing::Lab;
use crate::auth::policy::Staff;
use crate::auth::reauth::Reauthenticated;
use crate::db::DbConn;
use crate::db::schema::certificates;
use crate::db::types::UtcTime;
use crate::domain::{DecimalText, Side};
use crate::error::AppError;
use crate::models::certificate::Certificate;
use crate::models::consignment::{Consignment, QuantityUnit, Shipment, Transport};
use crate::models::sample::{PortionKind, Storage};
use crate::models::{BorderPost, CommodityId, LimitSet, User};
use crate::queries::eligibility;
use crate::workflows::certificates::{self as workflow, DraftForm, Issuing};
use crate::workflows::{Halt, Step};

fn certifier(conn: &mut DbConn, side: Side) -> Result<Staff, AppError> {
    User::find_by_email(conn, &format!("certifier.{side}@demo.jointlab.local"))?
        .and_then(Staff::of)
        .ok_or_else(|| AppError::internal("demo certifier missing"))
}

fn done<T>(step: Step<T>, what: &str) -> Result<T, AppError> {
    step.map_err(|halt: Halt| AppError::internal(format!("demo certificate, {what}: {halt:?}")))
}

/// Everything one demo consignment needs.
struct Plan<'a> {
    exporter: &'a str,
    commodity: CommodityId,
    quantity: &'a str,
    lots: &'a str,
    producer: &'a str,
    post: &'a str,
    transport: Transport,
    seal: &'a str,
    /// Readings of both sides that differ from the conforming defaults (method code, value).
    readings: &'a [(&'a str, &'a str)],
}

struct Seeder {
    demo: Demo,
    kz: Lab,
    cn: Lab,
    certifier_kz: Staff,
    certifier_cn: Staff,
    china: LimitSet,
    posts: Vec<BorderPost>,
}

impl Seeder {
    /// Applies, accepts, samples, receives and tests through one consignment.
    fn tested(&self, conn: &mut DbConn, plan: &Plan) -> Result<Consignment, AppError> {
        let exporter = user(conn, plan.exporter)?;
        let post = self
            .posts
            .iter()
            .find(|p| p.code == plan.post)
            .ok_or_else(|| AppError::internal("border post missing"))?;
        let shipment = Shipment {
            commodity_id: plan.commodity,
            quantity: DecimalText::parse(plan.quantity).map_err(AppError::internal)?,
            unit: QuantityUnit::Tonnes,
            lots: plan.lots.to_owned(),
            origin_region: "Almaty region".into(),
            origin_district: "Panfilov district".into(),
            producer: plan.producer.to_owned(),
            consignee: "Xinjiang Zhongliang Trading Co., Urumqi".into(),
            border_post_id: post.id,
            transport: plan.transport,
            planned_date: UtcTime::now().0.date_naive() + Duration::days(10),
            limit_set_id: self.china.id,
        };
        let application = self.demo.apply(conn, &exporter, &shipment)?;
        let consignment = self.demo.accept(conn, &application)?;
        let sample = self
            .demo
            .sample(conn, &consignment, plan.seal, Storage::Ambient)?;
        self.demo.receive(conn, &sample, PortionKind::Kz, None)?;
        self.demo.receive(conn, &sample, PortionKind::Cn, None)?;
        for (code, value) in plan.readings {
            self.kz.entered_and_verified(conn, sample.id, code, value)?;
            self.cn.entered_and_verified(conn, sample.id, code, value)?;
        }
        self.kz.test_through(conn, sample.id)?;
        self.cn.test_through(conn, sample.id)?;
        Ok(consignment)
    }

    /// Drafts with every offered declaration, signed by the Kazakh then the Chinese side.
    fn issued(
        &self,
        conn: &mut DbConn,
        consignment: &Consignment,
        issuing: &Issuing,
    ) -> Result<Certificate, AppError> {
        let declarations = eligibility::declarations_for(
            conn,
            consignment.limit_set_id,
            consignment.commodity_id,
        )?
        .into_iter()
        .map(|d| d.code)
        .collect();
        let form = DraftForm {
            consignee: consignment.consignee.clone(),
            transport_details: consignment.lots.clone(),
            remarks: String::new(),
            declarations,
        };
        let draft = done(
            workflow::draft(conn, &self.certifier_kz, consignment.id, &form),
            "draft",
        )?;
        self.co_sign(conn, &draft, issuing)?;
        Ok(draft)
    }

    fn co_sign(
        &self,
        conn: &mut DbConn,
        draft: &Certificate,
        issuing: &Issuing,
    ) -> Result<(), AppError> {
        for (staff, version) in [
            (&self.certifier_kz, draft.version),
            (&self.certifier_cn, draft.version + 1),
        ] {
            let proof = Reauthenticated::assume(staff.id);
            done(
                workflow::sign(conn, staff, &proof, draft.id, version, issuing),
                "sign",
            )?;
        }
        Ok(())
    }
}

/// Adds the demo certificates inside the caller's transaction.
pub fn seed_certificates(conn: &mut DbConn, issuing: &Issuing) -> Result<(), AppError> {
    let existing: i64 = certificates::table.count().get_result(conn)?;
    let (Some(wheat), Some(mutton), Some(china)) = (
        commodity(conn, "100199")?,
        commodity(conn, "020443")?,
        LimitSet::find_by_code(conn, "CN")?,
    ) else {
        return Ok(());
    };
    let site = &issuing.site;
    let (Some(kz), Some(cn)) = (
        Lab::new(conn, Side::Kz, site)?,
        Lab::new(conn, Side::Cn, site)?,
    ) else {
        return Ok(());
    };
    if existing > 0 {
        return Ok(());
    }
    let seeder = Seeder {
        demo: Demo::load(conn, site)?,
        kz,
        cn,
        certifier_kz: certifier(conn, Side::Kz)?,
        certifier_cn: certifier(conn, Side::Cn)?,
        china,
        posts: BorderPost::all(conn)?,
    };
    let grain = "exporter@zhetysu-grain.kz";
    let wheat_plan = |seal, lots, post, readings| Plan {
        exporter: grain,
        commodity: wheat,
        quantity: "1380",
        lots,
        producer: "Zhetysu Grain LLP",
        post,
        transport: Transport::Rail,
        seal,
        readings,
    };
    // Issued 40 days ago: expired by now.
    let old = seeder.tested(
        conn,
        &wheat_plan("KZ 0043001", "Wagons 61230001–61230020", "DST", &[]),
    )?;
    let backdated = Issuing {
        at: Some(UtcTime(UtcTime::now().0 - Duration::days(40))),
        ..issuing.clone()
    };
    seeder.issued(conn, &old, &backdated)?;

    // Valid.
    let valid = seeder.tested(
        conn,
        &wheat_plan("KZ 0043002", "Wagons 61230021–61230040", "ALT", &[]),
    )?;
    seeder.issued(conn, &valid, issuing)?;

    // Replaced by its correction (the consignee's name was misspelt).
    let corrected = seeder.tested(
        conn,
        &wheat_plan("KZ 0043003", "Wagons 61230041–61230060", "ALT", &[]),
    )?;
    let first = seeder.issued(conn, &corrected, issuing)?;
    let form = DraftForm {
        consignee: "Xinjiang Zhongliang Grain Trading Co., Ltd., Urumqi".into(),
        transport_details: corrected.lots.clone(),
        remarks: String::new(),
        declarations: first
            .parsed_contents()
            .map(|c| c.declarations.into_iter().map(|d| d.code).collect())
            .unwrap_or_default(),
    };
    let replacement = done(
        workflow::draft_replacement(
            conn,
            &seeder.certifier_cn,
            first.id,
            "The consignee's name was misspelt; corrected at the exporter's request.",
            &form,
        ),
        "replacement",
    )?;
    seeder.co_sign(conn, &replacement, issuing)?;

    // Revoked: the seal was found broken at the border.
    let broken = seeder.tested(
        conn,
        &wheat_plan("KZ 0043004", "Wagons 61230061–61230080", "DST", &[]),
    )?;
    let revoked = seeder.issued(conn, &broken, issuing)?;
    let revoked = Certificate::find_for(conn, crate::domain::Scope::All, revoked.id)?
        .ok_or_else(|| AppError::internal("demo certificate vanished"))?;
    done(
        workflow::revoke(
            conn,
            &seeder.certifier_cn,
            revoked.id,
            revoked.version,
            "Seal of wagon 61230067 found broken at Dostyk; the consignment was resampled.",
            &issuing.site,
        ),
        "revoke",
    )?;

    // Mutton: the demo catalog sets no Chinese limit for Listeria, so the result is
    // inconclusive and the consignment waits in the certifiers' "held back" list.
    let meat = seeder.tested(
        conn,
        &Plan {
            exporter: "exporter@altyndala.kz",
            commodity: mutton,
            quantity: "21.6",
            lots: "Reefer truck 045 ABC 05",
            producer: "Altyn Dala Meat JSC",
            post: "NZH",
            transport: Transport::Road,
            seal: "KZ 0043005",
            readings: &[],
        },
    )?;
    let _ = meat;

    // Ready to certify: tested through, no draft yet.
    seeder.tested(
        conn,
        &wheat_plan("KZ 0043007", "Wagons 61230091–61230110", "ALT", &[]),
    )?;
    // A draft the Kazakh side signed, waiting for the Chinese side's co-signature.
    let waiting = seeder.tested(
        conn,
        &wheat_plan("KZ 0043008", "Wagons 61230111–61230130", "DST", &[]),
    )?;
    let form = DraftForm {
        consignee: waiting.consignee.clone(),
        transport_details: waiting.lots.clone(),
        remarks: String::new(),
        declarations: eligibility::declarations_for(
            conn,
            waiting.limit_set_id,
            waiting.commodity_id,
        )?
        .into_iter()
        .map(|d| d.code)
        .collect(),
    };
    let draft = done(
        workflow::draft(conn, &seeder.certifier_kz, waiting.id, &form),
        "draft",
    )?;
    let proof = Reauthenticated::assume(seeder.certifier_kz.id);
    done(
        workflow::sign(
            conn,
            &seeder.certifier_kz,
            &proof,
            draft.id,
            draft.version,
            issuing,
        ),
        "first signature",
    )?;

    // A notice: aflatoxin B1 above China's 5 µg/kg on both sides.
    let failed = seeder.tested(
        conn,
        &wheat_plan(
            "KZ 0043006",
            "Wagons 61230081–61230090",
            "ALT",
            &[("AFB1", "7.4")],
        ),
    )?;
    let form = DraftForm {
        consignee: failed.consignee.clone(),
        transport_details: failed.lots.clone(),
        remarks: "The consignment may not be exported to China as sampled.".into(),
        declarations: Vec::new(),
    };
    let notice = done(
        workflow::draft(conn, &seeder.certifier_cn, failed.id, &form),
        "notice",
    )?;
    seeder.co_sign(conn, &notice, issuing)?;
    Ok(())
}
