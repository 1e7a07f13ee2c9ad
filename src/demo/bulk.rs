//! `jointlab seed-bulk --samples N [--years Y]`: years of realistic history on top of the demo
//! catalog and accounts, for measuring the pages at scale. Each consignment gets the rows a real
//! one gets from the workflows (application filed and accepted, samples with three sealed
//! portions, custody hand-overs and receipts, both sides' panels entered and verified by
//! different people, the odd rejection, cancellation, retest and discrepancy), and every change
//! its audit event, hash-chained in time order — `jointlab verify-audit` passes afterwards.
//! Recent consignments are still on the way (registered, half-received, on the bench, in
//! review). Consignments tested through get their certificate or non-conformity notice, and
//! some their border checks ([`certs`]). Rows go in multi-row batches, a few thousand samples
//! per transaction.

mod certs;

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use chrono::{DateTime, Datelike, Duration, Utc};
use diesel::prelude::*;
use serde_json::json;

use super::rows::*;
use crate::db::ids::{
    ApplicationId, BorderPostId, CommodityId, ConsignmentId, ExporterId, LabTestId, LimitSetId,
    SampleId, TestMethodId, UserId,
};
use crate::db::schema::{
    border_posts, code_counters, limit_sets, limits, panel_tests, test_methods,
};
use crate::db::types::UtcTime;
use crate::db::{Db, DbConn, write_tx};
use crate::domain::{Bin, Side};
use crate::error::AppError;
use crate::models::User;
use crate::models::audit::{self, BulkEvent};
use crate::workflows::certificates::Issuing;

/// What to write.
#[derive(Debug, Clone, Copy)]
pub struct BulkPlan {
    pub samples: u64,
    pub years: u32,
}

/// What was written.
#[derive(Debug, Default)]
pub struct BulkReport {
    pub exporters: u64,
    pub applications: u64,
    pub consignments: u64,
    pub samples: u64,
    pub tests: u64,
    pub custody_events: u64,
    pub discrepancies: u64,
    pub audit_events: u64,
    /// Documents by status (`issued`, `replaced`, `revoked`, `draft`), notices among them.
    pub certificates: BTreeMap<&'static str, u64>,
    pub notices: u64,
    pub border_checks: u64,
    pub gacc_registrations: u64,
}

/// Samples written per transaction.
const BATCH_SAMPLES: u64 = 4000;

/// A small, fast, deterministic generator (xorshift64*): the same plan writes the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const COMPANY_WORDS: &[&str] = &[
    "Қазақ Астық",
    "Жетісу Дән",
    "Алтын Дала",
    "Өркен Агро",
    "Ұлы Дала",
    "Сарыарқа Ет",
    "Үшқоңыр",
    "Іле Бидай",
    "Һас Өнім",
    "Ғалам Трейд",
    "Степь Зерно",
    "Steppe Grain",
    "Tengri Foods",
    "Khorgos Trade",
    "Dostyk Agro",
    "Tien Shan Honey",
];
const COMPANY_FORMS: &[&str] = &["ТОО «{}»", "АО «{}»", "{} LLP", "{} JSC", "ИП «{}»"];
const PRODUCERS: &[&str] = &[
    "ШҚ «Бәйтерек»",
    "КХ «Нұр»",
    "ТОО «Қайнар Агро»",
    "Aksu Farm",
    "ФХ «Үміт»",
    "Zharkent Agro",
    "КХ «Ақбидай»",
    "ШҚ «Ғазиз»",
];
const CONSIGNEES: &[&str] = &[
    "新疆粮油进出口有限公司",
    "乌鲁木齐粮食贸易公司",
    "霍尔果斯国际贸易有限公司",
    "阿拉山口农产品公司",
    "伊犁食品有限公司",
    "Xinjiang Grain Co., Urumqi",
];
const REGIONS: &[(&str, &str)] = &[
    ("Жетісу облысы", "Панфилов ауданы"),
    ("Алматы облысы", "Еңбекшіқазақ ауданы"),
    ("Абай облысы", "Аягөз ауданы"),
    ("Шығыс Қазақстан облысы", "Зайсан ауданы"),
    ("Almaty region", "Talgar district"),
];
const SAMPLERS: &[&str] = &[
    "A. Sadykova",
    "Б. Омаров",
    "Ж. Нұрланқызы",
    "王磊",
    "E. Seitkali",
];

/// One method of a commodity's panel.
#[derive(Clone)]
struct PanelMethod {
    id: TestMethodId,
    code: String,
    quantitative: bool,
    unit: Option<String>,
}

/// A limit as a test records it: rule, value, unit.
type LimitRow = (String, Option<String>, Option<String>);

/// A lab person who acts in the history.
#[derive(Clone)]
struct Person {
    id: UserId,
    label: Rc<str>,
}

/// What the history is made of: accounts, catalog, posts, counters.
struct Context {
    registrar: [Person; 2],
    analyst: [Person; 2],
    reviewer: [Person; 2],
    commodities: Vec<(CommodityId, [Vec<PanelMethod>; 2])>,
    limits: HashMap<(CommodityId, TestMethodId), LimitRow>,
    posts: Vec<(BorderPostId, String)>,
    limit_set: LimitSetId,
    counters: HashMap<(&'static str, i32), i64>,
    /// What certificates print and who signs and checks them.
    certs: certs::CertContext,
}

fn person(conn: &mut DbConn, email: &str) -> Result<Person, AppError> {
    let user = User::find_by_email(conn, email)?
        .ok_or_else(|| AppError::internal(format!("{email} is missing: run seed-demo first")))?;
    Ok(Person {
        id: user.id,
        label: Rc::from(user.email.as_str()),
    })
}

fn load_context(conn: &mut DbConn) -> Result<Context, AppError> {
    let staff = |conn: &mut DbConn, role: &str| -> Result<[Person; 2], AppError> {
        Ok([
            person(conn, &format!("{role}.kz@demo.jointlab.local"))?,
            person(conn, &format!("{role}.cn@demo.jointlab.local"))?,
        ])
    };
    let panel: Vec<(
        CommodityId,
        String,
        TestMethodId,
        String,
        String,
        Option<String>,
    )> = panel_tests::table
        .inner_join(test_methods::table)
        .select((
            panel_tests::commodity_id,
            panel_tests::side,
            test_methods::id,
            test_methods::code,
            test_methods::result_kind,
            test_methods::unit,
        ))
        .order((panel_tests::commodity_id, test_methods::code))
        .load(conn)?;
    let mut by_commodity: BTreeMap<CommodityId, [Vec<PanelMethod>; 2]> = BTreeMap::new();
    for (commodity, side, id, code, kind, unit) in panel {
        let entry = by_commodity.entry(commodity).or_default();
        entry[usize::from(side == "cn")].push(PanelMethod {
            id,
            code,
            quantitative: kind == "quantitative",
            unit,
        });
    }
    let commodities: Vec<_> = by_commodity
        .into_iter()
        .filter(|(_, sides)| !sides[0].is_empty() && !sides[1].is_empty())
        .collect();
    if commodities.is_empty() {
        return Err(AppError::internal(
            "no commodity has a panel: run seed-demo first",
        ));
    }
    let sets: Vec<(LimitSetId, String)> = limit_sets::table
        .select((limit_sets::id, limit_sets::code))
        .order(limit_sets::code)
        .load(conn)?;
    let limit_set = sets
        .iter()
        .find(|(_, code)| code == "CN")
        .or(sets.first())
        .map(|(id, _)| *id)
        .ok_or_else(|| AppError::internal("no limit set: run seed-demo first"))?;
    let limits = limits::table
        .filter(limits::limit_set_id.eq(limit_set))
        .select((
            limits::commodity_id,
            limits::test_method_id,
            limits::rule,
            limits::value,
            limits::unit,
        ))
        .load::<(
            CommodityId,
            TestMethodId,
            String,
            Option<String>,
            Option<String>,
        )>(conn)?
        .into_iter()
        .map(|(c, m, rule, value, unit)| ((c, m), (rule, value, unit)))
        .collect();
    let posts = border_posts::table
        .select((border_posts::id, border_posts::transport))
        .load(conn)?;
    let counters = code_counters::table
        .select((
            code_counters::scope,
            code_counters::year,
            code_counters::last,
        ))
        .load::<(String, i32, i64)>(conn)?
        .into_iter()
        .filter_map(|(scope, year, last)| {
            let scope = match scope.as_str() {
                "application" => "application",
                "consignment" => "consignment",
                "sample" => "sample",
                other => certs::counter_scope(other)?,
            };
            Some(((scope, year), last))
        })
        .collect();
    let certs = certs::CertContext::load(conn, limit_set)?;
    Ok(Context {
        certs,
        registrar: staff(conn, "registrar")?,
        analyst: staff(conn, "analyst")?,
        reviewer: staff(conn, "reviewer")?,
        commodities,
        limits,
        posts,
        limit_set,
        counters,
    })
}

/// A UUIDv7 of the instant `at`, so that id order stays creation order.
fn id_at(at: DateTime<Utc>) -> uuid::Uuid {
    uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
        uuid::NoContext,
        at.timestamp() as u64,
        at.timestamp_subsec_nanos(),
    ))
}

fn t(at: DateTime<Utc>) -> UtcTime {
    UtcTime(DateTime::from_timestamp_micros(at.timestamp_micros()).unwrap_or(at))
}

/// Writes the history. Call after `seed-demo` (it brings the catalog and the accounts).
pub fn seed_bulk(db: &Db, plan: &BulkPlan, issuing: &Issuing) -> Result<BulkReport, AppError> {
    let mut conn = db.get()?;
    // A bulk load, not a lab's writes: a quarter-gigabyte page cache keeps the indexes being
    // filled in memory instead of re-reading them from the file for every row, and a commit
    // need not wait for the disk (a crash mid-seed means seeding again). The command's own
    // connection only; the server's keep their settings.
    use diesel::connection::SimpleConnection;
    match &mut *conn {
        DbConn::Sqlite(c) => {
            c.batch_execute("PRAGMA cache_size = -262144; PRAGMA synchronous = OFF;")?
        }
        DbConn::Pg(c) => c.batch_execute("SET synchronous_commit = off")?,
    }
    let ctx = load_context(&mut conn)?;
    let years = plan.years.max(1);
    if plan.samples / u64::from(years) > 900_000 {
        return Err(AppError::internal(
            "at most 900 000 samples a year fit the JL-YYYY-NNNNNN codes: give more --years",
        ));
    }
    let mut writer = Writer::new(ctx, plan.samples, issuing.clone());
    let now = writer.now;
    let days = i64::from(years) * 365;
    let start = now - Duration::days(days);
    writer.exporters(&mut conn, (plan.samples / 700).max(20), start)?;
    // Samples spread evenly over the days (consignments take 1–5 each): the last day gets
    // its share, not a year's backlog.
    for day in 0..days {
        let day_start = start + Duration::days(day);
        writer.flush_events_before(day_start)?;
        let due = plan.samples * (day as u64 + 1) / days as u64;
        while plan.samples - writer.samples_left < due && writer.samples_left > 0 {
            let hour = 3 + writer.rng.below(9) as i64;
            let minute = writer.rng.below(60) as i64;
            let t0 = day_start + Duration::hours(hour) + Duration::minutes(minute);
            if t0 > now {
                break;
            }
            writer.consignment(t0, now)?;
        }
        if writer.pending_samples >= BATCH_SAMPLES {
            writer.write(&mut conn)?;
        }
    }
    // Whatever samples the last days did not take go to the last day's consignments.
    while writer.samples_left > 0 {
        writer.consignment(now - Duration::hours(30), now)?;
    }
    writer.flush_events_before(now + Duration::days(1))?;
    writer.write(&mut conn)?;
    writer.save_counters(&mut conn)?;
    crate::db::analyze(&mut conn)?;
    crate::db::optimize(&mut conn)?;
    Ok(writer.report)
}

/// The rows of the current batch and the events waiting for their turn in the chain.
struct Writer {
    ctx: Context,
    rng: Rng,
    report: BulkReport,
    samples_left: u64,
    pending_samples: u64,
    exporter_ids: Vec<ExporterId>,
    seal_serial: u64,
    rows: Rows,
    /// Events by instant, written once no later consignment can come before them.
    waiting: BTreeMap<(DateTime<Utc>, u64), BulkEvent>,
    ready: Vec<BulkEvent>,
    event_serial: u64,
    issuing: Issuing,
    /// Companies as certificates print them: name, BIN, address.
    exporter_facts: HashMap<ExporterId, (String, String, String)>,
    /// Each company's GACC register number for each commodity.
    gacc: HashMap<(ExporterId, CommodityId), String>,
    /// Documents whose second signature is due, by its instant: numbered in issue order.
    due: BTreeMap<(DateTime<Utc>, u64), certs::Due>,
    /// The end of the history.
    now: DateTime<Utc>,
}

impl Writer {
    fn new(ctx: Context, samples: u64, issuing: Issuing) -> Self {
        Writer {
            ctx,
            rng: Rng(0x9E37_79B9_7F4A_7C15 ^ samples),
            report: BulkReport::default(),
            samples_left: samples,
            pending_samples: 0,
            exporter_ids: Vec::new(),
            seal_serial: 0,
            rows: Rows::default(),
            waiting: BTreeMap::new(),
            ready: Vec::new(),
            event_serial: 0,
            issuing,
            exporter_facts: HashMap::new(),
            gacc: HashMap::new(),
            due: BTreeMap::new(),
            now: Utc::now(),
        }
    }

    fn next_code(&mut self, scope: &'static str, prefix: &str, year: i32) -> String {
        let last = self.ctx.counters.entry((scope, year)).or_insert(0);
        *last += 1;
        crate::models::counter::format(prefix, year, *last)
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &mut self,
        at: DateTime<Utc>,
        by: &Person,
        action: &'static str,
        entity_type: &'static str,
        entity_id: String,
        side: Option<Side>,
        after: serde_json::Value,
    ) {
        self.event_with_before(at, by, action, entity_type, entity_id, side, None, after);
    }

    /// [`Self::event`] with the record as it was before the change.
    #[allow(clippy::too_many_arguments)]
    fn event_with_before(
        &mut self,
        at: DateTime<Utc>,
        by: &Person,
        action: &'static str,
        entity_type: &'static str,
        entity_id: String,
        side: Option<Side>,
        before: Option<serde_json::Value>,
        after: serde_json::Value,
    ) {
        self.event_serial += 1;
        self.waiting.insert(
            (at, self.event_serial),
            BulkEvent {
                at: t(at),
                actor_id: Some(by.id),
                actor_label: by.label.clone(),
                action,
                entity_type,
                entity_id,
                side,
                before: before.map(|b| b.to_string()),
                after: Some(after.to_string()),
            },
        );
    }

    /// Issues the documents due before `before`, then readies the events before it.
    fn flush_events_before(&mut self, before: DateTime<Utc>) -> Result<(), AppError> {
        self.issue_due_before(before)?;
        let later = self.waiting.split_off(&(before, 0));
        let due = std::mem::replace(&mut self.waiting, later);
        self.ready.extend(due.into_values());
        Ok(())
    }

    fn exporters(
        &mut self,
        conn: &mut DbConn,
        n: u64,
        start: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut serial = 0u64;
        let existing: Vec<String> = crate::db::schema::exporters::table
            .select(crate::db::schema::exporters::bin)
            .load(conn)?;
        for i in 0..n {
            let bin = loop {
                serial += 1;
                let prefix = format!("{:02}{:02}5{:06}", 5 + serial % 20, 1 + serial % 12, serial);
                if let Some(bin) = Bin::complete(&prefix)
                    && !existing.iter().any(|b| b == bin.as_str())
                {
                    break bin;
                }
            };
            let form = *self.rng.pick(COMPANY_FORMS);
            let word = *self.rng.pick(COMPANY_WORDS);
            let name = form.replace("{}", &format!("{word} {}", i + 1));
            let at = t(start - Duration::days(30) + Duration::minutes(i as i64));
            let id = ExporterId(id_at(at.0));
            self.rows.exporters.push(ExporterRow {
                id,
                search_text: crate::db::search::exporter_text(&name, bin.as_str()),
                name,
                bin: bin.as_str().to_owned(),
                address: format!("Алматы, {} көшесі {}", word, i + 1),
                contact_email: format!("export{}@company{}.kz", i + 1, i + 1),
                created_at: at,
                updated_at: at,
                version: 1,
            });
            self.exporter_facts.insert(
                id,
                (
                    self.rows.exporters[i as usize].name.clone(),
                    bin.as_str().to_owned(),
                    self.rows.exporters[i as usize].address.clone(),
                ),
            );
            self.exporter_ids.push(id);
            self.registrations(id, at.0, i);
        }
        self.report.exporters = n;
        write_tx(conn, |conn| self.rows.insert_exporters(conn))?;
        Ok(())
    }

    /// One consignment at `t0` with its application and samples, as far as `now` has come.
    fn consignment(&mut self, t0: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), AppError> {
        let rng = &mut self.rng;
        // Companies are not equally busy: a few big exporters and a long tail.
        let exporter = if rng.chance(500) {
            self.exporter_ids[rng.below(self.exporter_ids.len().min(20) as u64) as usize]
        } else {
            *rng.pick(&self.exporter_ids)
        };
        let commodity_index = rng.below(self.ctx.commodities.len() as u64) as usize;
        let commodity = self.ctx.commodities[commodity_index].0;
        let (post, transport) =
            self.ctx.posts[rng.below(self.ctx.posts.len() as u64) as usize].clone();
        let (region, district) = *rng.pick(REGIONS);
        let producer = *rng.pick(PRODUCERS);
        let consignee = *rng.pick(CONSIGNEES);
        let quantity = format!("{}", 20 + rng.below(1400));
        let lots = format!("Wagons {}", 60_000_000 + rng.below(9_999_999));
        let planned = (t0 + Duration::days(5 + rng.below(10) as i64))
            .date_naive()
            .to_string();
        let registrar = self.ctx.registrar[usize::from(rng.chance(300))].clone();
        let search_text = crate::db::search::shipment_text(producer, consignee, region, district);
        let year = t0.year();

        // The application: filed the day before, accepted at t0.
        let filed = t0 - Duration::hours(20);
        let app_code = self.next_code("application", "APP", filed.year());
        let app_id = ApplicationId(id_at(filed));
        let consignment_code = self.next_code("consignment", "KC", year);
        let consignment_id = ConsignmentId(id_at(t0));
        let view = json!({
            "code": app_code, "commodity_id": commodity.to_string(), "quantity": quantity,
            "unit": "t", "lots": lots, "origin": [region, district, producer],
            "consignee": consignee, "border_post_id": post.to_string(), "transport": transport,
            "planned_date": planned, "limit_set_id": self.ctx.limit_set.to_string(),
        });
        let shipment = ShipmentRow {
            exporter_id: exporter,
            commodity_id: commodity,
            quantity: quantity.clone(),
            unit: "t",
            lots: lots.clone(),
            origin_region: region,
            origin_district: district,
            producer,
            consignee,
            border_post_id: post,
            transport: if transport == "road" { "road" } else { "rail" },
            planned_date: planned.clone(),
            limit_set_id: self.ctx.limit_set,
            search_text: search_text.clone(),
        };
        self.rows.applications.push(ApplicationRow {
            id: app_id,
            code: app_code.clone(),
            shipment: shipment.clone(),
            status: "accepted",
            return_reason: None,
            submitted_by: registrar.id,
            submitted_at: t(filed),
            decided_by: Some(registrar.id),
            decided_at: Some(t(t0)),
            version: 2,
        });
        self.report.applications += 1;
        self.event(
            filed,
            &registrar,
            "application.submitted",
            "application",
            app_id.to_string(),
            None,
            view.clone(),
        );
        let mut consignment_view = view;
        consignment_view["code"] = json!(consignment_code);
        self.event(
            t0,
            &registrar,
            "consignment.registered",
            "consignment",
            consignment_id.to_string(),
            None,
            consignment_view,
        );
        self.event(
            t0,
            &registrar,
            "application.accepted",
            "application",
            app_id.to_string(),
            None,
            json!({ "consignment": consignment_code }),
        );
        // Now and then an application comes back to the exporter for a correction.
        if self.rng.chance(30) {
            let returned = ApplicationId(id_at(filed + Duration::minutes(5)));
            let code = self.next_code("application", "APP", filed.year());
            self.rows.applications.push(ApplicationRow {
                id: returned,
                code,
                shipment: shipment.clone(),
                status: "returned",
                return_reason: Some("Укажите номера вагонов / wagon numbers missing".into()),
                submitted_by: registrar.id,
                submitted_at: t(filed + Duration::minutes(5)),
                decided_by: Some(registrar.id),
                decided_at: Some(t(t0)),
                version: 2,
            });
            self.report.applications += 1;
            self.event(
                t0,
                &registrar,
                "application.returned",
                "application",
                returned.to_string(),
                None,
                json!({ "reason": "wagon numbers missing" }),
            );
        }

        let count = (1 + self.rng.below(5)).min(self.samples_left);
        let mut statuses = Vec::new();
        let first = certs::Marks::of(&self.rows);
        for k in 0..count {
            let at = t0 + Duration::minutes(30 + 7 * k as i64);
            let (id, status) =
                self.sample(consignment_id, commodity_index, at, now, &registrar, None);
            statuses.push(status);
            // A portion rejected as unfit: the registrar draws a replacement the next day.
            let again = at + Duration::hours(22);
            if status == "rejected" && self.samples_left > 0 && again <= now {
                let code = self.rows.samples.last().map(|s| s.code.clone());
                let (_, status) = self.sample(
                    consignment_id,
                    commodity_index,
                    again,
                    now,
                    &registrar,
                    code.map(|c| (id, c)),
                );
                statuses.push(status);
            }
        }
        let live: Vec<&str> = statuses
            .iter()
            .copied()
            .filter(|s| !matches!(*s, "rejected" | "cancelled"))
            .collect();
        let status = if !live.is_empty() && live.iter().all(|s| *s == "tested") {
            "tested"
        } else if live.iter().any(|s| matches!(*s, "in_testing" | "tested")) {
            "in_testing"
        } else {
            "sampled"
        };
        // A consignment whose document will be issued is closed, as the second signature
        // closes it in the app.
        let status = if status == "tested" {
            let scheduled = self.due.len();
            self.certify(
                &certs::Shipped {
                    id: consignment_id,
                    code: &consignment_code,
                    shipment: &shipment,
                },
                &first,
                now,
            )?;
            if self.due.len() > scheduled {
                "closed"
            } else {
                status
            }
        } else {
            status
        };
        self.rows.consignments.push(ConsignmentRow {
            id: consignment_id,
            code: consignment_code,
            application_id: Some(app_id),
            shipment,
            status,
            created_by: registrar.id,
            created_at: t(t0),
            version: 1,
        });
        self.report.consignments += 1;
        Ok(())
    }

    /// One sample registered at `at`, replacing `replaces` (its id and code) if given;
    /// returns its id and status.
    fn sample(
        &mut self,
        consignment: ConsignmentId,
        commodity_index: usize,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
        registrar: &Person,
        replaces: Option<(SampleId, String)>,
    ) -> (SampleId, &'static str) {
        self.samples_left -= 1;
        self.pending_samples += 1;
        self.report.samples += 1;
        self.seal_serial += 1;
        let side_prefix = if registrar.label.contains(".cn@") {
            "CN"
        } else {
            "KZ"
        };
        let seal = format!("{side_prefix} {:07}", 1_000_000 + self.seal_serial);
        let code = self.next_code("sample", "JL", at.year());
        let id = SampleId(id_at(at));
        let drawn_at = at - Duration::minutes(20);
        let drawn_by = *self.rng.pick(SAMPLERS);
        let storage = *self
            .rng
            .pick(&["ambient", "ambient", "ambient", "chilled", "frozen"]);
        let mass = format!("{}.{}", 1 + self.rng.below(4), self.rng.below(10));
        self.event(at, registrar, "sample.registered", "sample", id.to_string(), None, json!({
            "code": code, "consignment_id": consignment.to_string(), "seal_number": seal,
            "mass": format!("{mass} kg"), "storage": storage, "drawn_at": t(drawn_at).to_canonical(),
            "drawn_by": drawn_by, "replaces": replaces.as_ref().map(|(_, code)| code),
        }));
        self.custody(
            id,
            None,
            "drawn",
            None,
            Some(drawn_by),
            None,
            registrar,
            None,
            drawn_at,
        );
        self.custody(
            id,
            None,
            "sealed",
            None,
            Some(&seal),
            None,
            registrar,
            None,
            at,
        );
        let mut portion = [
            ("kz", "sealed", "reception"),
            ("cn", "sealed", "reception"),
            ("counter", "sealed", "reception"),
        ];

        let cancelled = self.rng.chance(2);
        let rejected = !cancelled && self.rng.chance(4);
        let handed = at + Duration::hours(2);
        let received = [at + Duration::hours(20), at + Duration::hours(26)];
        let mut status = "registered";
        if cancelled && at + Duration::hours(1) <= now {
            let when = at + Duration::hours(1);
            self.custody(
                id,
                None,
                "cancelled",
                None,
                None,
                None,
                registrar,
                Some("Пломба нарушена при отборе / seal broken at draw"),
                when,
            );
            self.event(
                when,
                registrar,
                "sample.cancelled",
                "sample",
                id.to_string(),
                None,
                json!({ "reason": "seal broken at draw" }),
            );
            status = "cancelled";
        } else if handed <= now {
            for p in &mut portion {
                let to = if p.0 == "counter" {
                    "counter_store"
                } else {
                    p.0
                };
                self.custody(
                    id,
                    Some(p.0),
                    "handed_over",
                    Some("reception"),
                    Some(to),
                    None,
                    registrar,
                    None,
                    handed,
                );
                self.event(
                    handed,
                    registrar,
                    "sample.handed_over",
                    "sample",
                    id.to_string(),
                    None,
                    json!({ "portion": p.0, "from": "reception", "to": to }),
                );
                *p = (p.0, "handed_over", to);
            }
            let mut both = true;
            for side in [Side::Kz, Side::Cn] {
                let s = usize::from(side == Side::Cn);
                let when = received[s];
                if when > now {
                    both = false;
                    continue;
                }
                let staff = self.ctx.registrar[s].clone();
                let temperature = format!("{}", 4 + self.rng.below(16));
                let reject = rejected && side == Side::Kz;
                self.custody(
                    id,
                    Some(side.as_str()),
                    "received",
                    Some(side.as_str()),
                    Some(side.as_str()),
                    Some(&temperature),
                    &staff,
                    None,
                    when,
                );
                if reject {
                    let reason = "Пломба нарушена / seal broken on arrival";
                    self.custody(
                        id,
                        Some("kz"),
                        "rejected",
                        None,
                        None,
                        None,
                        &staff,
                        Some(reason),
                        when,
                    );
                    portion[0] = ("kz", "rejected", "kz");
                    self.event(when, &staff, "sample.portion_rejected", "sample", id.to_string(), None, json!({
                        "portion": "kz", "seal_intact": false, "temperature_c": temperature, "reason": reason, "sample_status": "rejected" }));
                    status = "rejected";
                    break;
                }
                self.custody(
                    id,
                    Some(side.as_str()),
                    "accepted",
                    None,
                    None,
                    None,
                    &staff,
                    None,
                    when,
                );
                portion[s] = (side.as_str(), "received", side.as_str());
                let sample_status = if s == 1 { "received" } else { "registered" };
                self.event(when, &staff, "sample.portion_received", "sample", id.to_string(), None, json!({
                    "portion": side.as_str(), "seal_intact": true, "temperature_c": temperature, "reason": null, "sample_status": sample_status }));
            }
            if status != "rejected" {
                // Now and then a sample fails a limit, on both sides alike: a notice.
                let failing = self.rng.chance(8);
                let mut all_verified = true;
                let mut started = false;
                for side in [Side::Kz, Side::Cn] {
                    let s = usize::from(side == Side::Cn);
                    if received[s] > now {
                        continue;
                    }
                    let (v, e) = self.panel(id, commodity_index, side, received[s], now, failing);
                    all_verified &= v;
                    started |= e;
                }
                status = if !both {
                    "registered"
                } else if all_verified {
                    "tested"
                } else if started {
                    "in_testing"
                } else {
                    "received"
                };
            }
        }
        for (kind, portion_status, holder) in portion {
            self.rows.portions.push(PortionRow {
                id: crate::db::ids::PortionId(id_at(at)),
                sample_id: id,
                portion: kind,
                status: portion_status,
                holder,
                version: 1,
                sample_finished: matches!(status, "cancelled" | "rejected" | "closed"),
            });
        }
        self.rows.samples.push(SampleRow {
            id,
            code,
            consignment_id: consignment,
            seal_key: crate::db::search::seal_key(&seal),
            seal_number: seal,
            mass,
            mass_unit: "kg",
            storage,
            drawn_at: t(drawn_at),
            drawn_by,
            status,
            created_by: registrar.id,
            created_at: t(at),
            version: 1,
            replaces_sample_id: replaces.map(|(id, _)| id),
        });
        (id, status)
    }

    #[allow(clippy::too_many_arguments)]
    fn custody(
        &mut self,
        sample: SampleId,
        portion: Option<&'static str>,
        kind: &'static str,
        from: Option<&str>,
        to: Option<&str>,
        temperature: Option<&str>,
        by: &Person,
        reason: Option<&str>,
        at: DateTime<Utc>,
    ) {
        let side = match portion {
            Some("kz") => Some("kz"),
            Some("cn") => Some("cn"),
            _ => None,
        };
        self.rows.custody.push(CustodyRow {
            id: crate::db::ids::CustodyEventId(id_at(at)),
            sample_id: sample,
            portion,
            kind,
            from_party: from.map(str::to_owned),
            to_party: to.map(str::to_owned),
            seal_intact: (kind == "received").then_some(true),
            temperature_c: temperature.map(str::to_owned),
            reason: reason.map(str::to_owned),
            actor_id: by.id,
            side,
            at: t(at),
        });
        self.report.custody_events += 1;
    }

    /// A side's panel put on the bench at `from`, as far as `now` has come: returns (every
    /// test verified, any entered). A `failing` sample exceeds the limit of one method both
    /// sides test (the first side's first, if they share none).
    fn panel(
        &mut self,
        sample: SampleId,
        commodity_index: usize,
        side: Side,
        from: DateTime<Utc>,
        now: DateTime<Utc>,
        failing: bool,
    ) -> (bool, bool) {
        let s = usize::from(side == Side::Cn);
        let (commodity, methods) = {
            let (c, sides) = &self.ctx.commodities[commodity_index];
            (*c, sides[s].clone())
        };
        let analyst = self.ctx.analyst[s].clone();
        let reviewer = self.ctx.reviewer[s].clone();
        // Benches are slower some weeks than others.
        let backlog = Duration::hours(20 + self.rng.below(60) as i64);
        let discrepant = side == Side::Cn && self.rng.chance(10) && !failing;
        let retest = self.rng.chance(5);
        let shared = {
            let sides = &self.ctx.commodities[commodity_index].1;
            sides[0]
                .iter()
                .find(|m| sides[1].iter().any(|n| n.id == m.id))
                .map(|m| m.id)
        };
        let (mut all_verified, mut any_entered) = (true, false);
        for (j, method) in methods.iter().enumerate() {
            let entered_at = from + backlog + Duration::minutes(9 * j as i64);
            let verified_at = entered_at + Duration::hours(18);
            let limit = self.ctx.limits.get(&(commodity, method.id)).cloned();
            let fails = discrepant && j == 0;
            let exceeds = failing && shared.map_or(j == 0, |m| m == method.id);
            let id = LabTestId(id_at(from));
            let mut row = TestRow::pending(id, sample, method.id, side.as_str(), t(from));
            if entered_at <= now {
                any_entered = true;
                self.result(
                    &mut row,
                    method,
                    limit.as_ref(),
                    fails || exceeds,
                    &analyst,
                    entered_at,
                );
                self.event(
                    entered_at,
                    &analyst,
                    "test.entered",
                    "test",
                    id.to_string(),
                    Some(side),
                    json!({
                    "sample_id": sample.to_string(), "method": method.code, "reading": row.reading,
                    "value": row.value, "unit": row.unit, "as_entered": row.reading_as_entered,
                    "instrument": row.instrument, "analysed_on": row.analysed_on, "comment": null,
                    "conformity": row.conformity }),
                );
            }
            if verified_at <= now {
                row.status = "verified";
                row.verified_by = Some(reviewer.id);
                row.verified_at = Some(t(verified_at));
                row.version = 3;
                self.event(
                    verified_at,
                    &reviewer,
                    "test.verified",
                    "test",
                    id.to_string(),
                    None,
                    json!({ "sample_id": sample.to_string() }),
                );
                if retest && j == 0 {
                    // Invalidated on review of the records and retested: the retest stands.
                    row.status = "invalidated";
                    row.note = Some("Calibration out of date / поверка просрочена".into());
                    let retest_id = LabTestId(id_at(verified_at));
                    self.event(verified_at, &reviewer, "test.invalidated", "test", id.to_string(), None, json!({
                        "sample_id": sample.to_string(), "reason": "calibration out of date", "retest": retest_id.to_string() }));
                    let mut again = TestRow::pending(
                        retest_id,
                        sample,
                        method.id,
                        side.as_str(),
                        t(verified_at),
                    );
                    again.retest_of = Some(id);
                    self.rows.tests.push(row);
                    self.report.tests += 1;
                    row = again;
                    let redo = verified_at + Duration::hours(6);
                    if redo <= now {
                        self.result(&mut row, method, limit.as_ref(), false, &analyst, redo);
                        self.event(redo, &analyst, "test.entered", "test", retest_id.to_string(), Some(side), json!({
                            "sample_id": sample.to_string(), "method": method.code, "reading": row.reading,
                            "value": row.value, "unit": row.unit, "conformity": row.conformity }));
                    }
                    if redo + Duration::hours(4) <= now {
                        row.status = "verified";
                        row.verified_by = Some(reviewer.id);
                        row.verified_at = Some(t(redo + Duration::hours(4)));
                        self.event(
                            redo + Duration::hours(4),
                            &reviewer,
                            "test.verified",
                            "test",
                            retest_id.to_string(),
                            None,
                            json!({ "sample_id": sample.to_string() }),
                        );
                    }
                }
                if fails && row.status == "verified" {
                    self.discrepancy(sample, method.id, verified_at, now);
                }
            }
            all_verified &= row.status == "verified";
            self.rows.tests.push(row);
            self.report.tests += 1;
        }
        (all_verified, any_entered)
    }

    fn result(
        &mut self,
        row: &mut TestRow,
        method: &PanelMethod,
        limit: Option<&LimitRow>,
        fails: bool,
        analyst: &Person,
        at: DateTime<Utc>,
    ) {
        let (reading, value, conformity) = match (method.quantitative, limit) {
            (true, Some((rule, Some(v), _))) if rule == "max" || rule == "min" => {
                let limit_value: f64 = v.parse().unwrap_or(1.0);
                let factor = if fails == (rule == "max") {
                    1.2 + self.rng.below(80) as f64 / 100.0
                } else {
                    0.05 + self.rng.below(60) as f64 / 100.0
                };
                let value = format!("{:.3}", limit_value * factor);
                let value = value.trim_end_matches('0').trim_end_matches('.').to_owned();
                let conformity = if fails {
                    "does_not_conform"
                } else {
                    "conforms"
                };
                ("value", Some(value), conformity)
            }
            _ if fails => ("detected", None, "does_not_conform"),
            _ => ("not_detected", None, "conforms"),
        };
        row.status = "entered";
        row.reading_as_entered = Some(value.clone().unwrap_or_else(|| reading.replace('_', " ")));
        row.reading = Some(reading);
        row.unit = value.as_ref().and(method.unit.clone());
        row.value = value;
        row.conformity = Some(conformity);
        if let Some((rule, value, unit)) = limit {
            row.limit_rule = Some(rule.clone());
            row.limit_value = value.clone();
            row.limit_unit = unit.clone();
        }
        row.entered_by = Some(analyst.id);
        row.entered_at = Some(t(at));
        row.instrument = Some(
            if method.quantitative {
                "Agilent 7900 ICP-MS"
            } else {
                "Stereo microscope"
            }
            .into(),
        );
        row.analysed_on = Some(at.date_naive().to_string());
        row.version = 2;
    }

    /// The sides disagree on a method: open for two weeks, then resolved by the reviewers.
    fn discrepancy(
        &mut self,
        sample: SampleId,
        method: TestMethodId,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) {
        let id = crate::db::ids::DiscrepancyId(id_at(at));
        let resolved_at = at + Duration::days(14);
        let resolved = resolved_at <= now;
        let reviewer = self.ctx.reviewer.clone();
        self.event(
            at,
            &reviewer[1],
            "discrepancy.flagged",
            "discrepancy",
            id.to_string(),
            None,
            json!({ "sample_id": sample.to_string() }),
        );
        if resolved {
            self.event(
                resolved_at,
                &reviewer[0],
                "discrepancy.resolved",
                "discrepancy",
                id.to_string(),
                None,
                json!({ "agreed": "conforms", "closed_by": "reviewers" }),
            );
        }
        self.rows.discrepancies.push(DiscrepancyRow {
            id,
            sample_id: sample,
            test_method_id: method,
            status: if resolved { "resolved" } else { "open" },
            outcome_kz: resolved.then_some("arbitration_conforms"),
            reason_kz: resolved
                .then(|| "Арбитраж контрольного образца / counter-sample arbitration".to_owned()),
            resolved_kz_by: resolved.then_some(reviewer[0].id),
            outcome_cn: resolved.then_some("arbitration_conforms"),
            reason_cn: resolved.then(|| "仲裁样品检测合格".to_owned()),
            resolved_cn_by: resolved.then_some(reviewer[1].id),
            created_at: t(at),
            resolved_at: resolved.then(|| t(resolved_at)),
            version: if resolved { 3 } else { 1 },
            agreed: resolved.then_some("conforms"),
            closed_by: resolved.then_some("reviewers"),
        });
        self.report.discrepancies += 1;
    }

    /// Writes the batch's rows and the events now due, in one transaction.
    fn write(&mut self, conn: &mut DbConn) -> Result<(), AppError> {
        let events = std::mem::take(&mut self.ready);
        write_tx(conn, |conn| -> Result<(), AppError> {
            self.rows.insert_all(conn)?;
            audit::append_bulk(conn, &events)?;
            Ok(())
        })?;
        self.report.audit_events += events.len() as u64;
        self.rows.clear();
        self.pending_samples = 0;
        Ok(())
    }

    fn save_counters(&mut self, conn: &mut DbConn) -> Result<(), AppError> {
        write_tx(conn, |conn| -> Result<(), AppError> {
            for ((scope, year), last) in &self.ctx.counters {
                let row = (
                    code_counters::scope.eq(*scope),
                    code_counters::year.eq(*year),
                    code_counters::last.eq(*last),
                );
                match conn {
                    DbConn::Pg(c) => diesel::insert_into(code_counters::table)
                        .values(row)
                        .on_conflict((code_counters::scope, code_counters::year))
                        .do_update()
                        .set(code_counters::last.eq(*last))
                        .execute(c)?,
                    DbConn::Sqlite(c) => diesel::insert_into(code_counters::table)
                        .values(row)
                        .on_conflict((code_counters::scope, code_counters::year))
                        .do_update()
                        .set(code_counters::last.eq(*last))
                        .execute(c)?,
                };
            }
            Ok(())
        })
    }
}
