//! Demo intake data for `jointlab seed-demo`: applications, consignments and samples in every
//! intake state, for both demo companies. Runs once: nothing is added when applications exist.

use chrono::Datelike;
use diesel::prelude::*;

use crate::auth::policy::Staff;
use crate::db::DbConn;
use crate::db::schema::{applications, commodities};
use crate::db::types::UtcTime;
use crate::domain::DecimalText;
use crate::error::AppError;
use crate::models::application::Application;
use crate::models::consignment::{Consignment, QuantityUnit, Shipment, Transport};
use crate::models::sample::{MassUnit, NewSample, PortionKind, Sample, Storage};
use crate::models::{Actor, BorderPost, CommodityId, LimitSet, User};
use crate::workflows::custody::{self, Receipt};
use crate::workflows::intake;

pub(super) fn user(conn: &mut DbConn, email: &str) -> Result<User, AppError> {
    User::find_by_email(conn, email)?
        .ok_or_else(|| AppError::internal(format!("demo user {email} missing")))
}

pub(super) fn commodity(conn: &mut DbConn, hs: &str) -> Result<Option<CommodityId>, AppError> {
    Ok(commodities::table
        .filter(commodities::hs_code.eq(hs))
        .select(commodities::id)
        .first(conn)
        .optional()?)
}

fn staff(conn: &mut DbConn, email: &str) -> Result<Staff, AppError> {
    Staff::of(user(conn, email)?)
        .ok_or_else(|| AppError::internal(format!("{email} is not lab staff")))
}

/// The demo registrars of both sides, filing and taking in as the pages do.
pub(super) struct Demo {
    registrar_kz: Staff,
    registrar_cn: Staff,
    site: crate::mail::Site,
}

impl Demo {
    pub(super) fn load(conn: &mut DbConn, site: &crate::mail::Site) -> Result<Demo, AppError> {
        Ok(Demo {
            site: site.clone(),
            registrar_kz: staff(conn, "registrar.kz@demo.jointlab.local")?,
            registrar_cn: staff(conn, "registrar.cn@demo.jointlab.local")?,
        })
    }

    pub(super) fn apply(
        &self,
        conn: &mut DbConn,
        exporter: &User,
        shipment: &Shipment,
    ) -> Result<Application, AppError> {
        let company = exporter
            .exporter_id
            .ok_or_else(|| AppError::internal("demo exporter without company"))?;
        Ok(intake::submit_application(
            conn, exporter, company, shipment,
        )?)
    }

    pub(super) fn accept(
        &self,
        conn: &mut DbConn,
        application: &Application,
    ) -> Result<Consignment, AppError> {
        Ok(intake::accept(
            conn,
            &self.registrar_kz,
            application.id,
            application.version,
            &self.site,
        )?)
    }

    pub(super) fn sample(
        &self,
        conn: &mut DbConn,
        consignment: &Consignment,
        seal: &str,
        storage: Storage,
    ) -> Result<Sample, AppError> {
        let new = NewSample {
            seal_number: seal.to_owned(),
            mass: DecimalText::parse("2.5").map_err(AppError::internal)?,
            mass_unit: MassUnit::Kilograms,
            storage,
            drawn_at: UtcTime::now().plus_minutes(-90),
            drawn_by: self.registrar_kz.display_name.clone(),
        };
        Ok(intake::register_sample(
            conn,
            &self.registrar_kz,
            consignment.id,
            &new,
            None,
        )?)
    }

    /// Hands over and receives one lab portion, accepting it or rejecting it with `reason`.
    pub(super) fn receive(
        &self,
        conn: &mut DbConn,
        sample: &Sample,
        portion: PortionKind,
        rejection: Option<&str>,
    ) -> Result<(), AppError> {
        let registrar = if portion == PortionKind::Kz {
            &self.registrar_kz
        } else {
            &self.registrar_cn
        };
        let version = Sample::find_for(conn, registrar.scope(), sample.id)?
            .map(|s| s.version)
            .unwrap_or_default();
        custody::hand_over(conn, registrar, sample.id, version, portion)?;
        let receipt = Receipt {
            seal_intact: rejection.is_none(),
            temperature_c: Some("4".into()),
            rejection: rejection.map(str::to_owned),
        };
        custody::receive(
            conn,
            registrar,
            sample.id,
            version + 1,
            &receipt,
            &self.site,
        )?;
        Ok(())
    }
}

/// Adds the demo intake data inside the caller's transaction.
pub fn seed_intake(
    conn: &mut DbConn,
    _actor: &Actor,
    site: &crate::mail::Site,
) -> Result<(), AppError> {
    let already: i64 = applications::table.count().get_result(conn)?;
    let (Some(wheat), Some(mutton), Some(china)) = (
        commodity(conn, "100199")?,
        commodity(conn, "020443")?,
        LimitSet::find_by_code(conn, "CN")?,
    ) else {
        return Ok(()); // no demo catalog: nothing to apply for
    };
    if already > 0 {
        return Ok(());
    }
    let demo = Demo::load(conn, site)?;
    let grain = user(conn, "exporter@zhetysu-grain.kz")?;
    let meat = user(conn, "exporter@altyndala.kz")?;
    let posts = BorderPost::all(conn)?;
    let post = |code: &str| {
        posts
            .iter()
            .find(|p| p.code == code)
            .map(|p| p.id)
            .ok_or_else(|| AppError::internal("border post missing"))
    };
    let year = UtcTime::now().0.year();
    let shipment = |commodity,
                    quantity: &str,
                    unit,
                    lots: &str,
                    producer: &str,
                    post_id,
                    transport|
     -> Result<Shipment, AppError> {
        Ok(Shipment {
            commodity_id: commodity,
            quantity: DecimalText::parse(quantity).map_err(AppError::internal)?,
            unit,
            lots: lots.to_owned(),
            origin_region: "Almaty region".into(),
            origin_district: "Panfilov district".into(),
            producer: producer.to_owned(),
            consignee: "Xinjiang Zhongliang Trading Co., Urumqi".into(),
            border_post_id: post_id,
            transport,
            planned_date: chrono::NaiveDate::from_ymd_opt(year, 12, 20).unwrap_or_default(),
            limit_set_id: china.id,
        })
    };
    let wheat_rail = shipment(
        wheat,
        "1380",
        QuantityUnit::Tonnes,
        "Wagons 61234567–61234586 (20)",
        "Zhetysu Grain LLP",
        post("ALT")?,
        Transport::Rail,
    )?;
    let mutton_road = shipment(
        mutton,
        "21.6",
        QuantityUnit::Tonnes,
        "Reefer truck 045 ABC 05",
        "Altyn Dala Meat JSC",
        post("NZH")?,
        Transport::Road,
    )?;

    // Applications: one waiting, one returned, the rest accepted into consignments.
    demo.apply(
        conn,
        &grain,
        &shipment(
            wheat,
            "690",
            QuantityUnit::Tonnes,
            "Wagons 61234601–61234610",
            "Zhetysu Grain LLP",
            post("DST")?,
            Transport::Rail,
        )?,
    )?;
    let returned = demo.apply(conn, &meat, &mutton_road)?;
    intake::send_back(
        conn,
        &demo.registrar_cn,
        returned.id,
        returned.version,
        "Veterinary certificate of the farm of origin is missing: attach it and apply again.",
        site,
    )?;
    let unsampled = demo.apply(conn, &meat, &mutton_road)?;
    demo.accept(conn, &unsampled)?;
    let wheat_app = demo.apply(conn, &grain, &wheat_rail)?;
    let wheat_consignment = demo.accept(conn, &wheat_app)?;

    // Samples in every intake state.
    demo.sample(conn, &wheat_consignment, "KZ 0042101", Storage::Ambient)?;
    let received = demo.sample(conn, &wheat_consignment, "KZ 0042102", Storage::Ambient)?;
    demo.receive(conn, &received, PortionKind::Kz, None)?;
    demo.receive(conn, &received, PortionKind::Cn, None)?;
    let half = demo.sample(conn, &wheat_consignment, "KZ 0042103", Storage::Ambient)?;
    demo.receive(conn, &half, PortionKind::Kz, None)?;
    // The Kazakh lab accepted its portion, then the Chinese lab rejected its own as unfit: the
    // Kazakh tests on it are withdrawn (shown on the Kazakh bench) and a replacement is offered.
    let rejected = demo.sample(conn, &wheat_consignment, "KZ 0042104", Storage::Ambient)?;
    demo.receive(conn, &rejected, PortionKind::Kz, None)?;
    demo.receive(
        conn,
        &rejected,
        PortionKind::Cn,
        Some("Seal number does not match the act of sampling."),
    )?;
    let cancelled = demo.sample(conn, &wheat_consignment, "KZ 0042105", Storage::Ambient)?;
    let version = cancelled.version;
    custody::cancel(
        conn,
        &demo.registrar_kz,
        cancelled.id,
        version,
        "Registered twice by mistake.",
    )?;
    // A second sample both labs received: `seed_testing` takes it through to "tested".
    let tested = demo.sample(conn, &wheat_consignment, "KZ 0042106", Storage::Ambient)?;
    demo.receive(conn, &tested, PortionKind::Kz, None)?;
    demo.receive(conn, &tested, PortionKind::Cn, None)?;
    Ok(())
}
