//! The four languages of jointlab. Every string a user reads comes from the Fluent catalogs
//! beside this file (`en.ftl`, `ru.ftl`, `kk.ftl`, `zh.ftl`), compiled into the binary; tests
//! fail when a message is missing from any of them or uses other variables than English.
//!
//! Code names a message by a dotted key (`login.title`, `error.not_found.title`). Its Fluent id
//! is the same key with hyphens for dots (`login-title`, `error-not_found-title`); keys have no
//! hyphens of their own, so each converts back to the other.
//!
//! A message that shows a count chooses its words by `$count` and the language's CLDR plural
//! rules (`{ $count -> [one] … [few] … [many] … *[other] … }` in Russian, `[one]`/`*[other]` in
//! English; Kazakh nouns stay singular after a numeral and Chinese has no plural, so theirs
//! have only `*[other]`). Such a message is formatted with [`tn`].

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

mod catalog;

pub use catalog::{Catalog, CatalogMessage, parse_catalog};

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

    /// The language's Fluent catalog, as written: the general file beside this one, then one
    /// file per area of the product (`certificates/kk.ftl` …), joined in this order.
    pub fn catalog_source(self) -> &'static str {
        macro_rules! catalog {
            ($lang:literal) => {
                concat!(
                    include_str!(concat!($lang, ".ftl")),
                    "\n",
                    include_str!(concat!("eligibility/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("certificates/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("verify/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("timeline/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("border/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("bench/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("ephyto/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("api/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("mail/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("labels/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("history/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("phone/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("lists/", $lang, ".ftl")),
                    "\n",
                    include_str!(concat!("scale/", $lang, ".ftl")),
                )
            };
        }
        match self {
            Lang::Kk => catalog!("kk"),
            Lang::Ru => catalog!("ru"),
            Lang::Zh => catalog!("zh"),
            Lang::En => catalog!("en"),
        }
    }
}

/// A message formatted once, without arguments, for [`t`].
struct Plain {
    text: String,
    /// False when the message needs arguments (formatting it without them reported errors).
    complete: bool,
}

/// One language's catalog, loaded. The bundle is the concurrent kind (its plural-rule cache
/// sits behind a mutex) so that one copy per language, in a static, serves every worker thread;
/// per-thread bundles would parse the four catalogs again on each thread for no gain, since
/// only messages with arguments are formatted at run time.
struct Messages {
    bundle: FluentBundle<FluentResource>,
    plain: HashMap<String, Plain>,
}

/// A bundle for `lang` holding `resource`, set up as every jointlab bundle is.
fn bundle(lang: Lang, resource: FluentResource) -> Result<FluentBundle<FluentResource>, String> {
    let locale = lang
        .as_str()
        .parse()
        .map_err(|e| format!("language tag {lang}: {e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Plain text for HTML, e-mails and tests: no Unicode isolation marks around arguments.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| format!("{errors:?}"))?;
    Ok(bundle)
}

fn load(lang: Lang) -> Result<Messages, String> {
    let resource = FluentResource::try_new(lang.catalog_source().to_owned())
        .map_err(|(_, errors)| format!("{errors:?}"))?;
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    let bundle = bundle(lang, resource)?;
    let mut plain = HashMap::with_capacity(ids.len());
    for id in ids {
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned();
        let complete = errors.is_empty();
        plain.insert(catalog::key_of(&id), Plain { text, complete });
    }
    Ok(Messages { bundle, plain })
}

fn messages(lang: Lang) -> &'static Messages {
    static MESSAGES: OnceLock<[Messages; 4]> = OnceLock::new();
    let all = MESSAGES.get_or_init(|| {
        [Lang::Kk, Lang::Ru, Lang::Zh, Lang::En]
            .map(|lang| load(lang).unwrap_or_else(|e| panic!("catalog {lang} is malformed: {e}")))
    });
    let index = match lang {
        Lang::Kk => 0,
        Lang::Ru => 1,
        Lang::Zh => 2,
        Lang::En => 3,
    };
    &all[index]
}

/// The text of `key` in `lang`, formatted once and kept: cheap enough for every label of a
/// page. A missing key (which the catalog tests refuse) shows as a visible marker and is
/// logged with its name; a message that needs arguments is logged too (use [`tf`] or [`tn`]).
pub fn t(lang: Lang, key: &str) -> &'static str {
    match messages(lang).plain.get(key) {
        Some(Plain {
            text,
            complete: true,
        }) => text,
        Some(Plain { text, .. }) => {
            tracing::warn!(
                key,
                lang = lang.as_str(),
                "message needs arguments: use tf or tn"
            );
            text
        }
        None => {
            tracing::warn!(key, lang = lang.as_str(), "missing catalog key");
            "[?]"
        }
    }
}

/// Whether the catalog has a message `key` (for codes that may or may not have words, such
/// as the values stored in an audit event's details).
pub fn has(lang: Lang, key: &str) -> bool {
    messages(lang).plain.contains_key(key)
}

/// The text of `key` with its variables (`{ $name }`) set to the given texts.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    format(lang, key, &text_args(args))
}

/// The text of `key` for `count` things: `$count` picks the plural form of the language (and
/// is usually shown too); `args` sets the message's other variables.
pub fn tn(lang: Lang, key: &str, count: i64, args: &[(&str, &str)]) -> String {
    let mut fluent_args = text_args(args);
    fluent_args.set("count", count);
    format(lang, key, &fluent_args)
}

fn text_args<'a>(args: &[(&'a str, &'a str)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::with_capacity(args.len() + 1);
    for (name, value) in args {
        fluent_args.set(*name, *value);
    }
    fluent_args
}

/// `key` formatted with `args`; a missing key or a formatting error (an argument not given)
/// is logged, and the text shows what it could.
fn format(lang: Lang, key: &str, args: &FluentArgs) -> String {
    match try_format(lang, key, args) {
        Ok(text) => text,
        Err((text, error)) => {
            tracing::warn!(
                key,
                lang = lang.as_str(),
                error,
                "catalog message not formatted"
            );
            text
        }
    }
}

/// `key` formatted with `args`, or the best text there is with the reason it is not right.
fn try_format(lang: Lang, key: &str, args: &FluentArgs) -> Result<String, (String, String)> {
    let bundle = &messages(lang).bundle;
    let Some(pattern) = bundle
        .get_message(&catalog::id_of(key))
        .and_then(|m| m.value())
    else {
        return Err(("[?]".to_owned(), "missing catalog key".to_owned()));
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    if errors.is_empty() {
        Ok(text.into_owned())
    } else {
        Err((text.into_owned(), format!("{errors:?}")))
    }
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
mod tests;
