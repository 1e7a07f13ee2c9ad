//! CSV downloads of the lists: UTF-8 with a byte-order mark (so that Excel reads Kazakh and
//! Chinese right), one header row in the user's language, every cell quoted, and cells that a
//! spreadsheet would run as a formula neutralised.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header;
use askama::Template;

use crate::error::AppError;
use crate::web::{Base, render_status};

/// The most rows one download holds; a wider selection asks the user to narrow the filters.
pub const MAX_ROWS: usize = 10_000;

/// A cell as written: a text that starts like a formula (`=`, `+`, `-`, `@`, or a tab or
/// carriage return that some spreadsheets skip first) gets a leading `'`.
pub fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A CSV document being written, rows of quoted cells separated by CRLF (RFC 4180).
pub struct CsvTable {
    text: String,
}

impl CsvTable {
    /// A document that starts with the byte-order mark and the header row.
    pub fn new(headers: &[&str]) -> CsvTable {
        let mut table = CsvTable {
            text: String::from('\u{feff}'),
        };
        table.row(headers.iter().copied());
        table
    }

    /// Appends one row.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            self.text.push('"');
            self.text.push_str(&guard(cell).replace('"', "\"\""));
            self.text.push('"');
        }
        self.text.push_str("\r\n");
    }

    pub fn into_string(self) -> String {
        self.text
    }
}

#[derive(Template)]
#[template(path = "lists/too_many.html")]
struct TooManyPage {
    base: Base,
    back: String,
    max: usize,
}

/// The download of `rows` (fetched up to one more than [`MAX_ROWS`]) as `{name}-{date}.csv`:
/// a header row of the messages `header_keys`, then each row's cells by `cells`. More rows
/// than the bound gets a page saying so, with a link back to the list (`back`).
pub fn download<R>(
    base: Base,
    name: &str,
    back: String,
    header_keys: &[&str],
    rows: &[R],
    cells: impl Fn(&Base, &R) -> Vec<String>,
) -> Result<HttpResponse, AppError> {
    if rows.len() > MAX_ROWS {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &TooManyPage {
                base,
                back,
                max: MAX_ROWS,
            },
        );
    }
    let headers: Vec<&str> = header_keys.iter().map(|key| base.t(key)).collect();
    let mut table = CsvTable::new(&headers);
    for row in rows {
        let cells = cells(&base, row);
        table.row(cells.iter().map(String::as_str));
    }
    let day = chrono::Utc::now().format("%Y-%m-%d");
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}-{day}.csv\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(table.into_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        for cell in ["=1+2", "+7", "-3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(guard(cell), format!("'{cell}"));
        }
        for cell in ["JL-2026-000001", "Ақмола", "小麦", "", "a=b"] {
            assert_eq!(guard(cell), cell);
        }
    }

    #[test]
    fn a_table_starts_with_the_mark_and_quotes_every_cell() {
        let mut table = CsvTable::new(&["Код", "名称"]);
        table.row(["say \"hi\"", "a,b\nc", "=cmd"]);
        assert_eq!(
            table.into_string(),
            "\u{feff}\"Код\",\"名称\"\r\n\"say \"\"hi\"\"\",\"a,b\nc\",\"'=cmd\"\r\n"
        );
    }
}
