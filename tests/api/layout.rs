//! The architecture, held by a test: a model file knows its own table and imports no other
//! entity's model file (cross-table rules live in src/workflows, joined reads in src/queries).

/// Each catalog file may name its own entities from the catalog module's root, nothing else.
const CATALOG_OWN: &[(&str, &[&str])] = &[
    ("commodity.rs", &["Commodity"]),
    ("test_method.rs", &["TestMethod"]),
    ("limit.rs", &["Limit", "LimitSet"]),
    ("panel.rs", &["PanelTest"]),
];

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn model_files_import_no_other_entitys_model_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/models");
    let mut offences = Vec::new();
    for path in rust_files(&root) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let in_catalog = path.parent().is_some_and(|p| p.ends_with("catalog"));
        if name == "mod.rs" {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (n, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let bad = if code.contains("crate::models") {
                true
            } else if let Some(rest) = code.trim_start().strip_prefix("use super::") {
                let own = CATALOG_OWN
                    .iter()
                    .find(|(file, _)| in_catalog && *file == name)
                    .map_or(&[][..], |(_, own)| *own);
                let named: Vec<&str> = rest
                    .trim_end_matches(';')
                    .trim_matches(|c| c == '{' || c == '}')
                    .split(',')
                    .map(str::trim)
                    .collect();
                !named.iter().all(|n| own.contains(n))
            } else {
                code.contains("super::") && !code.contains("super::*")
            };
            if bad {
                offences.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "model files importing other entities:\n{}",
        offences.join("\n")
    );
}
