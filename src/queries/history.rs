//! The records an audit event names, as a reader knows them: a sample by its code, a
//! certificate by its number, a person by their name, a test by its method and sample. One
//! query per kind of record for a whole page of events, never one per event.
//!
//! Where a record has a page, its link is given only when the reader's role may open that page
//! (the same `policy::may_open` the menu uses), so the history never offers a refused link.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use serde_json::Value;

use crate::auth::policy::{Page, may_open};
use crate::db::DbConn;
use crate::db::ids::*;
use crate::db::schema::{
    applications, border_checks, border_posts, certificates, commodities, consignments,
    declarations, discrepancies, exporters, gacc_registrations, limit_sets, limits, panel_tests,
    samples, test_methods, tests, users,
};
use crate::domain::Role;
use crate::i18n::Lang;
use crate::models::audit::AuditEvent;

crate::text_enum! {
    /// A kind of record the audit log names (its `entity_type`), or that an event's details
    /// refer to by id.
    RecordKind {
        ApiToken => "api_token",
        Application => "application",
        BorderCheck => "border_check",
        BorderPost => "border_post",
        Certificate => "certificate",
        Commodity => "commodity",
        Consignment => "consignment",
        Declaration => "declaration",
        Discrepancy => "discrepancy",
        Email => "email",
        Exporter => "exporter",
        GaccRegistration => "gacc_registration",
        Limit => "limit",
        LimitSet => "limit_set",
        Outbox => "outbox",
        PanelTest => "panel_test",
        Sample => "sample",
        Test => "test",
        TestMethod => "test_method",
        User => "user",
    }
}

impl RecordKind {
    /// Catalog key of the kind's name.
    pub fn key(self) -> String {
        format!("history.entity.{}", self.as_str())
    }

    /// The kind of record a field of an event's details names by id, if it does.
    pub fn of_field(field: &str) -> Option<RecordKind> {
        Some(match field {
            "sample_id" => RecordKind::Sample,
            "consignment_id" => RecordKind::Consignment,
            "commodity_id" | "commodity" => RecordKind::Commodity,
            "border_post_id" | "post_id" | "declared_post_id" => RecordKind::BorderPost,
            "limit_set_id" | "limit_set" => RecordKind::LimitSet,
            "exporter_id" | "exporter" => RecordKind::Exporter,
            "method_id" | "test_method_id" => RecordKind::TestMethod,
            "certificate_id" | "replaces_id" => RecordKind::Certificate,
            "user_id" => RecordKind::User,
            "retest" => RecordKind::Test,
            _ => return None,
        })
    }
}

/// A record as the reader knows it: its name and, if the reader may open it, its page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordName {
    pub label: String,
    pub href: Option<String>,
}

/// The names of every record a page of events refers to, keyed by kind and id.
#[derive(Debug, Default)]
pub struct RecordNames {
    names: HashMap<(RecordKind, String), RecordName>,
}

impl RecordNames {
    pub fn get(&self, kind: RecordKind, id: &str) -> Option<&RecordName> {
        self.names.get(&(kind, id.to_owned()))
    }

    /// Loads the names of the events' records, of their actors and of the records their
    /// details refer to, and of the `extra` records, in `lang`, with links for `role`.
    pub fn load(
        conn: &mut DbConn,
        events: &[AuditEvent],
        extra: &[(RecordKind, String)],
        lang: Lang,
        role: Role,
    ) -> QueryResult<RecordNames> {
        let mut wanted: HashMap<RecordKind, HashSet<String>> = HashMap::new();
        for (kind, id) in extra {
            wanted.entry(*kind).or_default().insert(id.clone());
        }
        for event in events {
            if let Some(actor) = event.actor_id {
                wanted
                    .entry(RecordKind::User)
                    .or_default()
                    .insert(actor.to_string());
            }
            if let (Some(kind), Some(id)) = (
                RecordKind::parse(&event.entity_type),
                event.entity_id.as_deref(),
            ) {
                wanted.entry(kind).or_default().insert(id.to_owned());
            }
            for details in [&event.before, &event.after].into_iter().flatten() {
                if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(details) {
                    for (field, value) in &map {
                        if let (Some(kind), Some(id)) =
                            (RecordKind::of_field(field), value.as_str())
                        {
                            wanted.entry(kind).or_default().insert(id.to_owned());
                        }
                    }
                }
            }
        }
        let mut loader = Loader {
            conn,
            lang,
            role,
            names: RecordNames::default(),
        };
        for (kind, ids) in wanted {
            loader.load(kind, ids.into_iter().collect())?;
        }
        Ok(loader.names)
    }
}

/// A name in English, Russian, Kazakh and Chinese, as four columns give it.
type Names4 = (String, String, String, String);

/// The text of `names` (English, Russian, Kazakh, Chinese) in `lang`.
fn pick(lang: Lang, [en, ru, kk, zh]: [String; 4]) -> String {
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
        Lang::Kk => kk,
        Lang::Zh => zh,
    }
}

/// Parses the ids of one kind, skipping what is not an id of it.
fn ids<T: std::str::FromStr>(ids: &[String]) -> Vec<T> {
    ids.iter().filter_map(|s| s.parse().ok()).collect()
}

struct Loader<'c> {
    conn: &'c mut DbConn,
    lang: Lang,
    role: Role,
    names: RecordNames,
}

impl Loader<'_> {
    fn put(
        &mut self,
        kind: RecordKind,
        id: impl ToString,
        label: String,
        page: Option<(Page, String)>,
    ) {
        let href = page.and_then(|(page, href)| may_open(self.role, page).then_some(href));
        self.names
            .names
            .insert((kind, id.to_string()), RecordName { label, href });
    }

    fn load(&mut self, kind: RecordKind, wanted: Vec<String>) -> QueryResult<()> {
        let lang = self.lang;
        match kind {
            RecordKind::Sample => {
                let rows: Vec<(SampleId, String)> = samples::table
                    .filter(samples::id.eq_any(ids::<SampleId>(&wanted)))
                    .select((samples::id, samples::code))
                    .load(self.conn)?;
                for (id, code) in rows {
                    self.put(
                        kind,
                        id,
                        code,
                        Some((Page::Samples, format!("/samples/{id}"))),
                    );
                }
            }
            RecordKind::Consignment => {
                let rows: Vec<(ConsignmentId, String)> = consignments::table
                    .filter(consignments::id.eq_any(ids::<ConsignmentId>(&wanted)))
                    .select((consignments::id, consignments::code))
                    .load(self.conn)?;
                for (id, code) in rows {
                    let href = format!("/consignments/{id}");
                    self.put(kind, id, code, Some((Page::Consignments, href)));
                }
            }
            RecordKind::Application => {
                let rows: Vec<(ApplicationId, String)> = applications::table
                    .filter(applications::id.eq_any(ids::<ApplicationId>(&wanted)))
                    .select((applications::id, applications::code))
                    .load(self.conn)?;
                for (id, code) in rows {
                    let href = format!("/applications/{id}");
                    self.put(kind, id, code, Some((Page::Applications, href)));
                }
            }
            RecordKind::Certificate => {
                let rows: Vec<(CertificateId, Option<String>)> = certificates::table
                    .filter(certificates::id.eq_any(ids::<CertificateId>(&wanted)))
                    .select((certificates::id, certificates::number))
                    .load(self.conn)?;
                for (id, number) in rows {
                    let label = number
                        .unwrap_or_else(|| crate::i18n::t(lang, "history.value.draft").to_owned());
                    let href = format!("/certificates/{id}");
                    self.put(kind, id, label, Some((Page::Certificates, href)));
                }
            }
            RecordKind::Exporter => {
                let rows: Vec<(ExporterId, String)> = exporters::table
                    .filter(exporters::id.eq_any(ids::<ExporterId>(&wanted)))
                    .select((exporters::id, exporters::name))
                    .load(self.conn)?;
                for (id, name) in rows {
                    self.put(
                        kind,
                        id,
                        name,
                        Some((Page::Exporters, format!("/exporters/{id}"))),
                    );
                }
            }
            RecordKind::User => {
                let rows: Vec<(UserId, String)> = users::table
                    .filter(users::id.eq_any(ids::<UserId>(&wanted)))
                    .select((users::id, users::display_name))
                    .load(self.conn)?;
                for (id, name) in rows {
                    self.put(
                        kind,
                        id,
                        name,
                        Some((Page::Users, format!("/admin/users/{id}"))),
                    );
                }
            }
            RecordKind::Test => {
                let rows: Vec<(LabTestId, SampleId, String, [String; 4])> = tests::table
                    .inner_join(samples::table)
                    .inner_join(test_methods::table)
                    .filter(tests::id.eq_any(ids::<LabTestId>(&wanted)))
                    .select((
                        tests::id,
                        samples::id,
                        samples::code,
                        (
                            test_methods::name_en,
                            test_methods::name_ru,
                            test_methods::name_kk,
                            test_methods::name_zh,
                        ),
                    ))
                    .load::<(LabTestId, SampleId, String, Names4)>(self.conn)?
                    .into_iter()
                    .map(|(id, sample, code, (en, ru, kk, zh))| {
                        (id, sample, code, [en, ru, kk, zh])
                    })
                    .collect();
                for (id, sample, code, names) in rows {
                    let label = format!("{} · {code}", pick(lang, names));
                    self.put(
                        kind,
                        id,
                        label,
                        Some((Page::Samples, format!("/samples/{sample}"))),
                    );
                }
            }
            RecordKind::TestMethod => {
                let rows: Vec<(TestMethodId, String, Names4)> = test_methods::table
                    .filter(test_methods::id.eq_any(ids::<TestMethodId>(&wanted)))
                    .select((
                        test_methods::id,
                        test_methods::code,
                        (
                            test_methods::name_en,
                            test_methods::name_ru,
                            test_methods::name_kk,
                            test_methods::name_zh,
                        ),
                    ))
                    .load(self.conn)?;
                for (id, code, (en, ru, kk, zh)) in rows {
                    let label = format!("{} ({code})", pick(lang, [en, ru, kk, zh]));
                    let href = format!("/admin/catalog/test-methods/{id}");
                    self.put(kind, id, label, Some((Page::Catalog, href)));
                }
            }
            RecordKind::Commodity => {
                let rows: Vec<(CommodityId, Names4)> = commodities::table
                    .filter(commodities::id.eq_any(ids::<CommodityId>(&wanted)))
                    .select((
                        commodities::id,
                        (
                            commodities::name_en,
                            commodities::name_ru,
                            commodities::name_kk,
                            commodities::name_zh,
                        ),
                    ))
                    .load(self.conn)?;
                for (id, (en, ru, kk, zh)) in rows {
                    let href = format!("/admin/catalog/commodities/{id}");
                    self.put(
                        kind,
                        id,
                        pick(lang, [en, ru, kk, zh]),
                        Some((Page::Catalog, href)),
                    );
                }
            }
            RecordKind::LimitSet => {
                let rows: Vec<(LimitSetId, Names4)> = limit_sets::table
                    .filter(limit_sets::id.eq_any(ids::<LimitSetId>(&wanted)))
                    .select((
                        limit_sets::id,
                        (
                            limit_sets::name_en,
                            limit_sets::name_ru,
                            limit_sets::name_kk,
                            limit_sets::name_zh,
                        ),
                    ))
                    .load(self.conn)?;
                for (id, (en, ru, kk, zh)) in rows {
                    let href = format!("/admin/catalog/limit-sets/{id}");
                    self.put(
                        kind,
                        id,
                        pick(lang, [en, ru, kk, zh]),
                        Some((Page::Catalog, href)),
                    );
                }
            }
            RecordKind::Limit => {
                let rows: Vec<(LimitId, LimitSetId, Names4)> = limits::table
                    .inner_join(limit_sets::table)
                    .filter(limits::id.eq_any(ids::<LimitId>(&wanted)))
                    .select((
                        limits::id,
                        limit_sets::id,
                        (
                            limit_sets::name_en,
                            limit_sets::name_ru,
                            limit_sets::name_kk,
                            limit_sets::name_zh,
                        ),
                    ))
                    .load(self.conn)?;
                for (id, set, (en, ru, kk, zh)) in rows {
                    let href = format!("/admin/catalog/limit-sets/{set}");
                    self.put(
                        kind,
                        id,
                        pick(lang, [en, ru, kk, zh]),
                        Some((Page::Catalog, href)),
                    );
                }
            }
            RecordKind::BorderPost => {
                let rows: Vec<(BorderPostId, Names4)> = border_posts::table
                    .filter(border_posts::id.eq_any(ids::<BorderPostId>(&wanted)))
                    .select((
                        border_posts::id,
                        (
                            border_posts::name_en,
                            border_posts::name_ru,
                            border_posts::name_kk,
                            border_posts::name_zh,
                        ),
                    ))
                    .load(self.conn)?;
                for (id, (en, ru, kk, zh)) in rows {
                    self.put(kind, id, pick(lang, [en, ru, kk, zh]), None);
                }
            }
            RecordKind::Declaration => {
                let rows: Vec<(DeclarationId, String)> = declarations::table
                    .filter(declarations::id.eq_any(ids::<DeclarationId>(&wanted)))
                    .select((declarations::id, declarations::code))
                    .load(self.conn)?;
                for (id, code) in rows {
                    let href = format!("/admin/catalog/declarations/{id}");
                    self.put(kind, id, code, Some((Page::Catalog, href)));
                }
            }
            RecordKind::Discrepancy => {
                let rows: Vec<(DiscrepancyId, SampleId, String)> = discrepancies::table
                    .inner_join(samples::table)
                    .filter(discrepancies::id.eq_any(ids::<DiscrepancyId>(&wanted)))
                    .select((discrepancies::id, samples::id, samples::code))
                    .load(self.conn)?;
                for (id, sample, code) in rows {
                    self.put(
                        kind,
                        id,
                        code,
                        Some((Page::Samples, format!("/samples/{sample}"))),
                    );
                }
            }
            RecordKind::PanelTest => {
                let rows: Vec<(PanelTestId, CommodityId, Names4)> = panel_tests::table
                    .inner_join(commodities::table)
                    .filter(panel_tests::id.eq_any(ids::<PanelTestId>(&wanted)))
                    .select((
                        panel_tests::id,
                        commodities::id,
                        (
                            commodities::name_en,
                            commodities::name_ru,
                            commodities::name_kk,
                            commodities::name_zh,
                        ),
                    ))
                    .load(self.conn)?;
                for (id, commodity, (en, ru, kk, zh)) in rows {
                    let href = format!("/admin/catalog/commodities/{commodity}/panel");
                    self.put(
                        kind,
                        id,
                        pick(lang, [en, ru, kk, zh]),
                        Some((Page::Catalog, href)),
                    );
                }
            }
            RecordKind::GaccRegistration => {
                let rows: Vec<(GaccRegistrationId, ExporterId, String)> = gacc_registrations::table
                    .filter(gacc_registrations::id.eq_any(ids::<GaccRegistrationId>(&wanted)))
                    .select((
                        gacc_registrations::id,
                        gacc_registrations::exporter_id,
                        gacc_registrations::register_number,
                    ))
                    .load(self.conn)?;
                for (id, exporter, number) in rows {
                    let href = format!("/exporters/{exporter}/registrations");
                    self.put(kind, id, number, Some((Page::Exporters, href)));
                }
            }
            RecordKind::BorderCheck => {
                let rows: Vec<(BorderCheckId, CertificateId, Option<String>)> =
                    border_checks::table
                        .inner_join(certificates::table)
                        .filter(border_checks::id.eq_any(ids::<BorderCheckId>(&wanted)))
                        .select((border_checks::id, certificates::id, certificates::number))
                        .load(self.conn)?;
                for (id, certificate, number) in rows {
                    let href = format!("/certificates/{certificate}");
                    self.put(
                        kind,
                        id,
                        number.unwrap_or_default(),
                        Some((Page::Certificates, href)),
                    );
                }
            }
            RecordKind::Outbox => {
                for id in wanted {
                    self.put(
                        kind,
                        id,
                        String::new(),
                        Some((Page::Outbox, "/admin/outbox".into())),
                    );
                }
            }
            // Tokens and e-mail addresses have no page and no name beyond their kind.
            RecordKind::ApiToken | RecordKind::Email => {}
        }
        Ok(())
    }
}
