//! Demo intake data for `jointlab seed-demo`: applications, consignments and samples in every
//! intake state, for both demo companies. Runs once: nothing is added when applications exist.

use chrono::Datelike;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{applications, commodities};
use crate::db::types::UtcTime;
use crate::domain::DecimalText;
use crate::error::AppError;
use crate::models::application::{Application, Decision};
use crate::models::consignment::{QuantityUnit, Shipment, Transport};
use crate::models::custody::{self, Receipt};
use crate::models::sample::{MassUnit, NewSample, PortionKind, Sample, Storage};
use crate::models::{Actor, BorderPost, CommodityId, LimitSet, User};

fn user(conn: &mut DbConn, email: &str) -> Result<User, AppError> {
    User::find_by_email(conn, email)?
        .ok_or_else(|| AppError::internal(format!("demo user {email} missing")))
}

fn commodity(conn: &mut DbConn, hs: &str) -> Result<Option<CommodityId>, AppError> {
    Ok(commodities::table
        .filter(commodities::hs_code.eq(hs))
        .select(commodities::id)
        .first(conn)
        .optional()?)
}

struct Demo<'a> {
    actor: &'a Actor,
    registrar_kz: User,
    registrar_cn: User,
}

impl Demo<'_> {
    fn apply(
        &self,
        conn: &mut DbConn,
        exporter: &User,
        shipment: &Shipment,
    ) -> Result<Application, AppError> {
        let company = exporter
            .exporter_id
            .ok_or_else(|| AppError::internal("demo exporter without company"))?;
        let by = Actor::user(exporter.id, &exporter.email);
        Ok(Application::submit(
            conn,
            &by,
            exporter.id,
            company,
            shipment,
        )?)
    }

    fn accept(
        &self,
        conn: &mut DbConn,
        application: &Application,
    ) -> Result<crate::models::consignment::Consignment, AppError> {
        let by = Actor::user(self.registrar_kz.id, &self.registrar_kz.email);
        match Application::accept(
            conn,
            &by,
            self.registrar_kz.id,
            application.id,
            application.version,
        )? {
            Decision::Done(c) => Ok(c),
            Decision::Stale => Err(AppError::internal(
                "demo application changed under the seeder",
            )),
        }
    }

    fn sample(
        &self,
        conn: &mut DbConn,
        consignment: &crate::models::consignment::Consignment,
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
        Ok(Sample::register(
            conn,
            self.actor,
            self.registrar_kz.id,
            consignment.id,
            &new,
        )?)
    }

    /// Hands over and receives one lab portion, accepting it or rejecting it with `reason`.
    fn receive(
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
        let by = Actor::user(registrar.id, &registrar.email);
        let version = Sample::find_for(conn, registrar, sample.id)?
            .map(|s| s.version)
            .unwrap_or_default();
        custody::hand_over(
            conn,
            &by,
            registrar,
            sample.id,
            version,
            portion,
            portion.destination(),
        )?;
        let receipt = Receipt {
            seal_intact: rejection.is_none(),
            temperature_c: Some("4".into()),
            rejection: rejection.map(str::to_owned),
        };
        custody::receive(
            conn,
            &by,
            registrar,
            sample.id,
            version + 1,
            portion,
            &receipt,
        )?;
        Ok(())
    }
}

/// Adds the demo intake data inside the caller's transaction.
pub fn seed_intake(conn: &mut DbConn, actor: &Actor) -> Result<(), AppError> {
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
    let demo = Demo {
        actor,
        registrar_kz: user(conn, "registrar.kz@demo.jointlab.local")?,
        registrar_cn: user(conn, "registrar.cn@demo.jointlab.local")?,
    };
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
    let by = Actor::user(demo.registrar_cn.id, &demo.registrar_cn.email);
    Application::send_back(
        conn,
        &by,
        demo.registrar_cn.id,
        returned.id,
        returned.version,
        "Veterinary certificate of the farm of origin is missing: attach it and apply again.",
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
    let rejected = demo.sample(conn, &wheat_consignment, "KZ 0042104", Storage::Ambient)?;
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
        actor,
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
