use std::path::Path;

use super::*;
use crate::i18n::Lang;

/// The `.rs` files under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("history_tests.rs")
        {
            out.push(path);
        }
    }
}

/// The double-quoted literals of `code`.
fn literals(code: &str) -> Vec<String> {
    code.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The arguments of the call whose `(` ends just before `from`, split at top-level commas.
fn arguments(source: &str, from: usize) -> Vec<String> {
    let (mut depth, mut quoted, mut current, mut args) = (0, false, String::new(), Vec::new());
    for c in source[from..].chars() {
        match c {
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted && depth == 0 => {
                args.push(current);
                return args;
            }
            ')' | ']' | '}' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                args.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    args
}

/// The literals an argument names: itself, or the `let` it names (`let action = if … { "a" }
/// else { "b" };`).
fn named(source: &str, argument: &str, before: usize) -> Vec<String> {
    let found = literals(argument);
    if !found.is_empty() {
        return found;
    }
    let binding = format!("let {} =", argument.trim());
    let Some(at) = source[..before].rfind(&binding) else {
        return Vec::new();
    };
    let end = source[at..].find(';').map_or(source.len(), |e| at + e);
    literals(&source[at..end])
}

/// Every `(action, entity type)` the code writes to the audit log, by file.
fn written() -> Vec<(String, Vec<String>, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut out = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        for (at, call) in source.match_indices("AuditEntry::new(") {
            let args = arguments(&source, at + call.len());
            if args.len() < 4 {
                continue; // the definition itself
            }
            let file = path.strip_prefix(&root).unwrap().display().to_string();
            out.push((
                file,
                named(&source, &args[1], at),
                named(&source, &args[2], at),
            ));
        }
    }
    out
}

#[test]
fn every_action_written_anywhere_has_words_in_the_four_languages() {
    let written = written();
    assert!(written.len() > 50, "the scan found only {}", written.len());
    let mut report = Vec::new();
    for (file, actions, entities) in &written {
        if actions.is_empty() || entities.is_empty() {
            report.push(format!(
                "{file}: an audit call whose action or record type is not a literal"
            ));
        }
        for action in actions {
            if !ACTIONS.contains(&action.as_str()) {
                report.push(format!("{file}: {action} is not in history::ACTIONS"));
            }
        }
        for entity in entities {
            if RecordKind::parse(entity).is_none() {
                report.push(format!("{file}: record type {entity} is not a RecordKind"));
            }
        }
    }
    for lang in Lang::ALL {
        for action in ACTIONS {
            if !i18n::has(*lang, &action_key(action)) {
                report.push(format!("{lang}: no words for {action}"));
            }
        }
        for kind in RecordKind::ALL {
            if !i18n::has(*lang, &kind.key()) {
                report.push(format!(
                    "{lang}: no words for record type {}",
                    kind.as_str()
                ));
            }
        }
    }
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn every_system_actor_and_detail_field_has_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut report = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        for (at, call) in source.match_indices("Actor::system(") {
            let args = arguments(&source, at + call.len());
            for what in literals(&args[0]) {
                let key = system_key(&format!("system:{what}")).unwrap();
                for lang in Lang::ALL {
                    if !i18n::has(*lang, &key) {
                        report.push(format!("{lang}: no words for the system actor {what}"));
                    }
                }
            }
        }
        // The fields of the details an event carries: every `"name": ` of a file that writes
        // audit events or describes a record for them.
        if !(source.contains("AuditEntry::new(") || source.contains("fn audit_view")) {
            continue;
        }
        for piece in source.split('"').skip(1).step_by(2) {
            let field_like =
                !piece.is_empty() && piece.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            let at = source.find(&format!("\"{piece}\": "));
            if field_like && at.is_some() {
                for lang in Lang::ALL {
                    if !i18n::has(*lang, &format!("history.field.{piece}")) {
                        report.push(format!("{lang}: no words for the field {piece}"));
                    }
                }
            }
        }
    }
    report.sort();
    report.dedup();
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn a_system_actor_is_named_by_its_key() {
    assert_eq!(
        system_key("system:seed-demo").as_deref(),
        Some("history.system.seed_demo")
    );
    assert_eq!(system_key("registrar@lab.kz"), None);
    assert_eq!(
        i18n::t(Lang::En, "history.system.seed_demo"),
        "The system (demo data)"
    );
}

#[test]
fn codes_in_the_details_are_said_in_words() {
    assert_eq!(
        enumerated(Lang::En, "status", "in_testing"),
        Some("in testing")
    );
    assert_eq!(
        enumerated(Lang::Ru, "side", "kz"),
        Some(i18n::t(Lang::Ru, "side.kz"))
    );
    assert_eq!(enumerated(Lang::Zh, "outcome", "released"), Some("放行"));
    assert_eq!(enumerated(Lang::Kk, "language", "zh"), Some("中文"));
    // Free text is kept as typed.
    assert_eq!(enumerated(Lang::En, "reason", "Seal broken"), None);
}
