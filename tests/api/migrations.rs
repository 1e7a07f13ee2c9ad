//! Migrations from empty on the suite's backend, and the two migration trees kept in step.

use diesel::prelude::*;
use jointlab::db::schema::border_posts;
use jointlab::db::{Db, migrations_current, run_migrations};

use crate::helpers::spawn_app;

#[test]
fn both_trees_hold_the_same_migrations() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let names = |backend: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(root.join(backend))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names("sqlite"), names("postgres"));
    for name in names("sqlite") {
        for backend in ["sqlite", "postgres"] {
            for file in ["up.sql", "down.sql"] {
                assert!(
                    root.join(backend).join(&name).join(file).is_file(),
                    "{backend}/{name}/{file} missing"
                );
            }
        }
    }
}

#[test]
fn an_empty_database_is_migrated_and_seeded_with_the_border_posts() {
    // spawn_app starts from an empty database and migrates it at start.
    let app = spawn_app();
    let mut conn = app.conn();
    assert!(migrations_current(&mut conn).unwrap());
    assert!(
        run_migrations(&mut conn).unwrap().is_empty(),
        "a second run applies nothing"
    );
    let codes: Vec<String> = border_posts::table
        .order(border_posts::code)
        .select(border_posts::code)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(codes, ["ALK", "ALT", "DST", "KLZ", "NZH"]);
    assert_eq!(app.client().get("/readyz").status, 200);
    assert_eq!(app.cli(&["migrate"]), Ok(()));
}

#[test]
fn a_mistyped_database_url_is_refused() {
    for url in ["jointlab.db", "mysql://x/y", "sqlite://"] {
        assert!(
            Db::connect(url, 1, std::time::Duration::from_secs(1)).is_err(),
            "{url} accepted"
        );
    }
}
