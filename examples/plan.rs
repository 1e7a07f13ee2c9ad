use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
#[derive(QueryableByName, Debug)]
struct Row {
    #[diesel(sql_type = Integer)]
    id: i32,
    #[diesel(sql_type = Integer)]
    parent: i32,
    #[diesel(sql_type = Text)]
    detail: String,
}
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut c = SqliteConnection::establish(&args[1]).unwrap();
    let sql = std::fs::read_to_string(&args[2]).unwrap();
    let t = std::time::Instant::now();
    let rows: Vec<Row> = diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
        .load(&mut c)
        .unwrap();
    for r in rows {
        println!("{} {} {}", r.id, r.parent, r.detail);
    }
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let n: N = diesel::sql_query(format!("SELECT count(*) AS n FROM ({sql})"))
        .get_result(&mut c)
        .unwrap();
    println!("rows {} in {:?}", n.n, t.elapsed());
}
