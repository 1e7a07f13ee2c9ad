//! The four languages of jointlab. Every string a user reads comes from the catalogs beside
//! this file (`en.toml`, `ru.toml`, `kk.toml`, `zh.toml`), compiled into the binary; a test
//! fails when a key is missing from any of them.

use std::collections::HashMap;
use std::sync::OnceLock;

crate::text_enum! {
    /// A language of the interface.
    Lang {
        Kk => "kk",
        Ru => "ru",
        Zh => "zh",
        En => "en",
    }
}

impl Lang {
    /// The language's own name, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
        }
    }

    pub fn catalog_source(self) -> &'static str {
        match self {
            Lang::Kk => include_str!("kk.toml"),
            Lang::Ru => include_str!("ru.toml"),
            Lang::Zh => include_str!("zh.toml"),
            Lang::En => include_str!("en.toml"),
        }
    }
}

pub type Catalog = HashMap<String, String>;

/// Flattens a catalog's TOML tables into dotted keys (`[login] title` → `login.title`).
pub fn parse_catalog(source: &str) -> Result<Catalog, String> {
    let table: toml::Table = source.parse().map_err(|e| format!("{e}"))?;
    let mut out = Catalog::new();
    flatten("", &toml::Value::Table(table), &mut out)?;
    Ok(out)
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut Catalog) -> Result<(), String> {
    match value {
        toml::Value::Table(table) => {
            for (k, v) in table {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out)?;
            }
            Ok(())
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
            Ok(())
        }
        other => Err(format!(
            "{prefix}: expected text, found {}",
            other.type_str()
        )),
    }
}

fn catalogs() -> &'static [Catalog; 4] {
    static CATALOGS: OnceLock<[Catalog; 4]> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        [Lang::Kk, Lang::Ru, Lang::Zh, Lang::En].map(|lang| {
            parse_catalog(lang.catalog_source())
                .unwrap_or_else(|e| panic!("catalog {lang} is malformed: {e}"))
        })
    })
}

fn catalog(lang: Lang) -> &'static Catalog {
    let index = match lang {
        Lang::Kk => 0,
        Lang::Ru => 1,
        Lang::Zh => 2,
        Lang::En => 3,
    };
    &catalogs()[index]
}

/// The text of `key` in `lang`. A missing key (which the catalog tests refuse) shows as a
/// visible marker and is logged with its name.
pub fn t(lang: Lang, key: &str) -> &'static str {
    match catalog(lang).get(key) {
        Some(text) => text,
        None => {
            tracing::warn!(key, lang = lang.as_str(), "missing catalog key");
            "[?]"
        }
    }
}

/// The text of `key` with each `{name}` replaced by its value.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t(lang, key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The best of our languages for an `Accept-Language` header, by its q-values.
pub fn negotiate(accept_language: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for part in accept_language.split(',') {
        let mut pieces = part.trim().split(';');
        let tag = pieces.next().unwrap_or("").trim().to_lowercase();
        let q = pieces
            .find_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|v| v.parse::<f32>().ok())
            })
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(lang) = Lang::parse(primary)
            && q > 0.0
            && best.is_none_or(|(bq, _)| q > bq)
        {
            best = Some((q, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_by_quality() {
        assert_eq!(negotiate("zh-CN,zh;q=0.9,en;q=0.8"), Some(Lang::Zh));
        assert_eq!(negotiate("de-DE, ru;q=0.5, kk;q=0.7"), Some(Lang::Kk));
        assert_eq!(negotiate("fr, de"), None);
        assert_eq!(negotiate("en;q=0, ru;q=0.1"), Some(Lang::Ru));
    }

    #[test]
    fn substitutes_arguments() {
        let text = tf(Lang::En, "login.locked", &[("minutes", "15")]);
        assert!(text.contains("15"), "{text}");
    }
}
