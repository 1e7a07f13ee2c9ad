pub use crate::db::ids::ExporterId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::exporters;
use crate::db::types::UtcTime;
use crate::domain::Bin;

/// The order of the company list: by name (the default) or BIN, either way.
#[derive(Debug, Clone, Copy, Default)]
pub struct CompanyOrder {
    pub by_bin: bool,
    pub descending: bool,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = exporters)]
pub struct Exporter {
    pub id: ExporterId,
    pub name: String,
    pub bin: String,
    pub address: String,
    pub contact_email: String,
    pub created_at: UtcTime,
    pub updated_at: UtcTime,
    pub version: i32,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = exporters)]
pub struct NewExporter {
    pub id: ExporterId,
    pub name: String,
    pub bin: String,
    pub address: String,
    pub contact_email: String,
    pub created_at: UtcTime,
    pub updated_at: UtcTime,
    pub version: i32,
    pub search_text: String,
}

impl NewExporter {
    pub fn new(name: &str, bin: &Bin, address: &str, contact_email: &str) -> Self {
        let now = UtcTime::now();
        NewExporter {
            id: ExporterId::new(),
            name: name.trim().to_owned(),
            bin: bin.as_str().to_owned(),
            address: address.trim().to_owned(),
            contact_email: contact_email.trim().to_owned(),
            created_at: now,
            updated_at: now,
            version: 1,
            search_text: crate::db::search::exporter_text(name.trim(), bin.as_str()),
        }
    }

    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<Exporter> {
        diesel::insert_into(exporters::table)
            .values(self)
            .returning(EXPORTERS_COLUMNS)
            .get_result(conn)
    }
}

/// A company as its form describes it, validated.
#[derive(Debug, Clone)]
pub struct CompanyDetails {
    pub name: String,
    pub bin: Bin,
    pub address: String,
    pub contact_email: String,
}

impl Exporter {
    /// Saves an edited company if it is still at `version`; `None` if someone changed it first.
    pub fn update(
        conn: &mut DbConn,
        id: ExporterId,
        version: i32,
        details: &CompanyDetails,
    ) -> QueryResult<Option<Exporter>> {
        diesel::update(
            exporters::table
                .find(id)
                .filter(exporters::version.eq(version)),
        )
        .set((
            exporters::name.eq(&details.name),
            exporters::bin.eq(details.bin.as_str()),
            exporters::address.eq(&details.address),
            exporters::contact_email.eq(&details.contact_email),
            exporters::updated_at.eq(UtcTime::now()),
            exporters::version.eq(version + 1),
            exporters::search_text.eq(crate::db::search::exporter_text(
                &details.name,
                details.bin.as_str(),
            )),
        ))
        .returning(EXPORTERS_COLUMNS)
        .get_result(conn)
        .optional()
    }

    /// The company as the audit log records it.
    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({ "name": self.name, "bin": self.bin, "address": self.address, "contact_email": self.contact_email })
    }

    /// Companies matching `q` (name or BIN) in `order`, after the cursor `after` (the id of
    /// the last company of the previous page).
    pub fn search(
        conn: &mut DbConn,
        q: &str,
        order: CompanyOrder,
        after: Option<&str>,
        limit: i64,
    ) -> QueryResult<Vec<Exporter>> {
        let mut query = exporters::table.select(Exporter::as_select()).into_boxed();
        if let Some(q) = crate::domain::search::SearchQuery::parse(q) {
            let found = crate::db::search::exporters(conn, &q)?;
            query = query.filter(exporters::id.eq_any(found));
        }
        // Keyset after the last company shown: on its name then id (names may repeat), or on
        // its BIN (unique).
        let after: Option<ExporterId> = after.and_then(|a| a.parse().ok());
        let pivot = match after {
            Some(id) => Exporter::find(conn, id)?,
            None => None,
        };
        if let Some(last) = pivot {
            let (name, bin, id) = (last.name, last.bin, last.id);
            query = match (order.by_bin, order.descending) {
                (false, false) => query.filter(
                    exporters::name
                        .gt(name.clone())
                        .or(exporters::name.eq(name).and(exporters::id.gt(id))),
                ),
                (false, true) => query.filter(
                    exporters::name
                        .lt(name.clone())
                        .or(exporters::name.eq(name).and(exporters::id.lt(id))),
                ),
                (true, false) => query.filter(exporters::bin.gt(bin)),
                (true, true) => query.filter(exporters::bin.lt(bin)),
            };
        }
        query = match (order.by_bin, order.descending) {
            (false, false) => query.order((exporters::name.asc(), exporters::id.asc())),
            (false, true) => query.order((exporters::name.desc(), exporters::id.desc())),
            (true, false) => query.order(exporters::bin.asc()),
            (true, true) => query.order(exporters::bin.desc()),
        };
        query.limit(limit).load(conn)
    }

    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Exporter>> {
        exporters::table
            .select(Exporter::as_select())
            .order(exporters::name)
            .load(conn)
    }

    /// The companies `ids` name (sorted, without repeats), in chunks the backends bind.
    pub fn many(conn: &mut DbConn, ids: &[ExporterId]) -> QueryResult<Vec<Exporter>> {
        let mut found = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(5000) {
            found.extend(
                exporters::table
                    .filter(exporters::id.eq_any(chunk))
                    .select(Exporter::as_select())
                    .load(conn)?,
            );
        }
        Ok(found)
    }

    /// The company a form field names: its BIN as typed, or its id (a link, the API, a copied
    /// application). `Ok(None)` when nothing is typed; the message's key when it names none.
    /// A decade holds some 1 400 companies: too many to offer as a list.
    pub fn named(
        conn: &mut DbConn,
        typed: &str,
    ) -> QueryResult<Result<Option<Exporter>, &'static str>> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Ok(Ok(None));
        }
        if let Ok(id) = typed.parse() {
            return Ok(Exporter::find(conn, id)?.map(Some).ok_or("field.choose"));
        }
        match crate::domain::Bin::parse(typed) {
            Ok(bin) => Ok(Exporter::find_by_bin(conn, &bin)?
                .map(Some)
                .ok_or("field.no_company_with_bin")),
            Err(key) => Ok(Err(key)),
        }
    }

    pub fn find(conn: &mut DbConn, id: ExporterId) -> QueryResult<Option<Exporter>> {
        exporters::table
            .find(id)
            .select(Exporter::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_by_bin(conn: &mut DbConn, bin: &Bin) -> QueryResult<Option<Exporter>> {
        exporters::table
            .filter(exporters::bin.eq(bin.as_str()))
            .select(Exporter::as_select())
            .first(conn)
            .optional()
    }
}

/// The columns of [`Exporter`] in its field order (`all_columns` also has the search column).
const EXPORTERS_COLUMNS: (
    exporters::id,
    exporters::name,
    exporters::bin,
    exporters::address,
    exporters::contact_email,
    exporters::created_at,
    exporters::updated_at,
    exporters::version,
) = (
    exporters::id,
    exporters::name,
    exporters::bin,
    exporters::address,
    exporters::contact_email,
    exporters::created_at,
    exporters::updated_at,
    exporters::version,
);
