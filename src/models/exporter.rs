use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::exporters;
use crate::db::types::UtcTime;
use crate::domain::Bin;

crate::typed_id!(
    /// An exporter company.
    ExporterId
);

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
        }
    }

    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<Exporter> {
        diesel::insert_into(exporters::table)
            .values(self)
            .returning(exporters::all_columns)
            .get_result(conn)
    }
}

impl Exporter {
    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Exporter>> {
        exporters::table
            .select(Exporter::as_select())
            .order(exporters::name)
            .load(conn)
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
