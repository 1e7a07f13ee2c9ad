//! The catalogs as their tests and tools read them: each message's key, its text as written
//! and the variables it uses, so that four languages can be compared message by message.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

/// One message of a catalog, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogMessage {
    /// The pattern in a canonical Fluent form (`Welcome, { $name }`), to compare languages.
    pub text: String,
    /// The `$variables` the pattern uses, selectors included (`name`, `count`).
    pub variables: BTreeSet<String>,
}

/// A catalog's messages by dotted key (`login.title`).
pub type Catalog = BTreeMap<String, CatalogMessage>;

/// The dotted key of a Fluent message id (`error-not_found-title` → `error.not_found.title`).
pub fn key_of(id: &str) -> String {
    id.replace('-', ".")
}

/// The Fluent message id of a dotted key (`error.not_found.title` → `error-not_found-title`).
pub fn id_of(key: &str) -> String {
    key.replace('.', "-")
}

/// Parses a Fluent catalog. Syntax errors are refused with their line, and so are a message
/// defined twice, a message without a value and an attribute (which `t` cannot reach).
pub fn parse_catalog(source: &str) -> Result<Catalog, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|e| format!("line {}: {e}", line_of(source, e.pos.start)))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let mut catalog = Catalog::new();
    for entry in &resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let key = key_of(message.id.name);
        let Some(pattern) = &message.value else {
            return Err(format!("{key}: a message without a value"));
        };
        if !message.attributes.is_empty() {
            return Err(format!("{key}: attributes are not used by jointlab"));
        }
        let mut variables = BTreeSet::new();
        let text = pattern_text(pattern, &mut variables);
        if catalog
            .insert(key.clone(), CatalogMessage { text, variables })
            .is_some()
        {
            return Err(format!("{key}: defined twice"));
        }
    }
    Ok(catalog)
}

fn line_of(source: &str, byte: usize) -> usize {
    source[..byte.min(source.len())].matches('\n').count() + 1
}

fn pattern_text(pattern: &ast::Pattern<&str>, variables: &mut BTreeSet<String>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                out.push_str(&placeable_text(expression, variables));
            }
        }
    }
    out
}

fn placeable_text(expression: &ast::Expression<&str>, variables: &mut BTreeSet<String>) -> String {
    match expression {
        ast::Expression::Inline(inline) => format!("{{ {} }}", inline_text(inline, variables)),
        ast::Expression::Select { selector, variants } => {
            let mut out = format!("{{ {} ->", inline_text(selector, variables));
            for variant in variants {
                let key = match &variant.key {
                    ast::VariantKey::Identifier { name } => name,
                    ast::VariantKey::NumberLiteral { value } => value,
                };
                let star = if variant.default { "*" } else { "" };
                let value = pattern_text(&variant.value, variables);
                out.push_str(&format!(" {star}[{key}] {}", value.trim()));
            }
            out.push_str(" }");
            out
        }
    }
}

fn inline_text(inline: &ast::InlineExpression<&str>, variables: &mut BTreeSet<String>) -> String {
    match inline {
        ast::InlineExpression::StringLiteral { value } => format!("\"{value}\""),
        ast::InlineExpression::NumberLiteral { value } => (*value).to_owned(),
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
            format!("${}", id.name)
        }
        ast::InlineExpression::MessageReference { id, attribute } => match attribute {
            Some(a) => format!("{}.{}", id.name, a.name),
            None => id.name.to_owned(),
        },
        ast::InlineExpression::TermReference { id, .. } => format!("-{}", id.name),
        ast::InlineExpression::FunctionReference { id, arguments } => {
            let positional: Vec<_> = arguments
                .positional
                .iter()
                .map(|a| inline_text(a, variables))
                .collect();
            format!("{}({})", id.name, positional.join(", "))
        }
        ast::InlineExpression::Placeable { expression } => placeable_text(expression, variables),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_texts_and_variables() {
        let source = "## group\nhome-greeting = Welcome, { $name }\n\
                      tiles = { $count ->\n    [one] tile\n   *[other] tiles\n}\n";

        let catalog = parse_catalog(source).unwrap();

        let greeting = &catalog["home.greeting"];
        assert_eq!(greeting.text, "Welcome, { $name }");
        assert_eq!(greeting.variables, BTreeSet::from(["name".to_owned()]));
        assert_eq!(
            catalog["tiles"].text,
            "{ $count -> [one] tile *[other] tiles }"
        );
    }

    #[test]
    fn refuses_bad_syntax_duplicates_and_attributes() {
        let broken = parse_catalog("a = ok\nb = { $x ]\nc = ok\n").unwrap_err();
        let twice = parse_catalog("a = x\na = y\n").unwrap_err();

        assert!(broken.contains("line 2"), "{broken}");
        assert!(twice.contains("twice"), "{twice}");
        assert!(parse_catalog("a = x\n    .title = y\n").is_err());
    }

    #[test]
    fn keys_and_ids_convert_both_ways() {
        assert_eq!(id_of("error.not_found.title"), "error-not_found-title");
        assert_eq!(key_of("error-not_found-title"), "error.not_found.title");
    }
}
