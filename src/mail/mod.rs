//! Mail and in-app notifications through a transactional outbox (DESIGN Rule 5).
//!
//! A workflow tells users of an event with [`notify`], inside its own write transaction: each
//! recipient gets a row in their inbox and, unless they opted out of that kind of event, a
//! message in the outbox, rendered in their language (text and HTML) with a link to the record.
//! The [`worker`] sends the outbox over SMTP after the commit; a change that rolls back leaves
//! no message behind, and a message committed is sent even if the process dies first.

pub mod transport;
pub mod worker;

use askama::Template;
use diesel::QueryResult;

use crate::db::DbConn;
use crate::db::ids::{CertificateId, OutboxId};
use crate::db::types::UtcTime;
use crate::domain::notice::NoticeKind;
use crate::i18n::{Lang, t, tf};
use crate::models::User;
use crate::models::mail_opt_out;
use crate::models::notification::{NewNotification, Notification, NotificationId};
use crate::models::outbox::{NewOutboxMessage, OutboxMessage};

/// What the messages need from the configuration: the address users reach (links are absolute).
#[derive(Debug, Clone)]
pub struct Site {
    pub public_url: String,
}

impl Site {
    pub fn from_settings(settings: &crate::config::Settings) -> Site {
        Site {
            public_url: settings.server.public_url.trim_end_matches('/').to_owned(),
        }
    }

    /// The absolute URL of a path of the site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}

/// One event to tell users about.
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The record's page (a path).
    pub link: String,
    /// The message's variables, as texts.
    pub params: Vec<(&'static str, String)>,
    /// A certificate whose PDF goes with the mail, under this file name.
    pub attachment: Option<(CertificateId, String)>,
}

impl Notice {
    pub fn new(kind: NoticeKind, link: String) -> Notice {
        Notice {
            kind,
            link,
            params: Vec::new(),
            attachment: None,
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Notice {
        self.params.push((name, value.into()));
        self
    }

    pub fn attach(mut self, certificate: CertificateId, file_name: String) -> Notice {
        self.attachment = Some((certificate, file_name));
        self
    }

    fn args(&self) -> Vec<(&str, &str)> {
        self.params.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }

    fn params_json(&self) -> String {
        let map: serde_json::Map<String, serde_json::Value> = self
            .params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String(v.clone())))
            .collect();
        serde_json::Value::Object(map).to_string()
    }
}

/// The subject of a notice of `kind` in `lang`: also the inbox line.
pub fn subject(lang: Lang, kind: NoticeKind, args: &[(&str, &str)]) -> String {
    tf(lang, &format!("mail.subject.{}", kind.as_str()), args)
}

/// The body of a notice of `kind` in `lang`.
pub fn body(lang: Lang, kind: NoticeKind, args: &[(&str, &str)]) -> String {
    tf(lang, &format!("mail.body.{}", kind.as_str()), args)
}

#[derive(Template)]
#[template(path = "mail/message.txt")]
struct TextMessage<'a> {
    lang: Lang,
    body: &'a str,
    url: &'a str,
    settings_url: &'a str,
    optional: bool,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct HtmlMessage<'a> {
    lang: Lang,
    subject: &'a str,
    body: &'a str,
    url: &'a str,
    settings_url: &'a str,
    optional: bool,
}

impl TextMessage<'_> {
    fn t(&self, key: &str) -> &'static str {
        t(self.lang, key)
    }
}

impl HtmlMessage<'_> {
    fn t(&self, key: &str) -> &'static str {
        t(self.lang, key)
    }
}

/// A message rendered for one reader.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders `notice` for a reader of `lang`; `url` is where its link leads.
pub fn render(site: &Site, lang: Lang, notice: &Notice, url: &str) -> QueryResult<Rendered> {
    let args = notice.args();
    let subject = subject(lang, notice.kind, &args);
    let body = body(lang, notice.kind, &args);
    let settings_url = site.url("/account#mail");
    let optional = notice.kind.optional();
    let fail = |e: askama::Error| diesel::result::Error::QueryBuilderError(e.into());
    let text = TextMessage {
        lang,
        body: &body,
        url,
        settings_url: &settings_url,
        optional,
    }
    .render()
    .map_err(fail)?;
    let html = HtmlMessage {
        lang,
        subject: &subject,
        body: &body,
        url,
        settings_url: &settings_url,
        optional,
    }
    .render()
    .map_err(fail)?;
    Ok(Rendered {
        subject,
        text,
        html,
    })
}

/// Writes one message for `to` into the outbox, due now. In the caller's transaction.
pub fn enqueue(
    conn: &mut DbConn,
    site: &Site,
    to: &User,
    notice: &Notice,
    url: &str,
) -> QueryResult<OutboxId> {
    let message = render(site, to.language, notice, url)?;
    let now = UtcTime::now();
    let id = OutboxId::new();
    OutboxMessage::insert(
        conn,
        &NewOutboxMessage {
            id,
            user_id: Some(to.id),
            to_address: &to.email,
            language: to.language,
            kind: notice.kind,
            subject: &message.subject,
            body_text: &message.text,
            body_html: &message.html,
            attachment_certificate_id: notice.attachment.as_ref().map(|(c, _)| *c),
            attachment_name: notice.attachment.as_ref().map(|(_, n)| n.as_str()),
            next_attempt_at: now,
            created_at: now,
        },
    )?;
    Ok(id)
}

/// Tells `recipients` of an event, in the caller's transaction: an inbox entry each and, unless
/// they opted out of this kind, a message in the outbox. Inactive accounts are skipped, and a
/// user listed twice is told once.
pub fn notify(
    conn: &mut DbConn,
    site: &Site,
    recipients: &[User],
    notice: &Notice,
) -> QueryResult<()> {
    let params = notice.params_json();
    let url = site.url(&notice.link);
    let mut told = std::collections::HashSet::new();
    for to in recipients.iter().filter(|u| u.active && told.insert(u.id)) {
        Notification::insert(
            conn,
            &NewNotification {
                id: NotificationId::new(),
                user_id: to.id,
                kind: notice.kind,
                link: &notice.link,
                params: &params,
                created_at: UtcTime::now(),
            },
        )?;
        if !mail_opt_out::opted_out(conn, to.id, notice.kind)? {
            enqueue(conn, site, to, notice, &url)?;
        }
    }
    Ok(())
}

/// The users of an exporter company: who hears about its applications and certificates.
pub fn company_users(
    conn: &mut DbConn,
    company: crate::db::ids::ExporterId,
) -> QueryResult<Vec<User>> {
    User::of_exporter(conn, company)
}

/// One user, if the account exists.
pub fn one_user(conn: &mut DbConn, id: crate::db::ids::UserId) -> QueryResult<Vec<User>> {
    Ok(User::find(conn, id)?.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind renders in every language with its variables: no missing message, no
    /// unset variable, the link in both bodies, the HTML escaped.
    #[test]
    fn every_notice_renders_in_every_language() {
        let site = Site {
            public_url: "https://lab.example".into(),
        };
        for kind in NoticeKind::ALL {
            let mut notice = Notice::new(*kind, "/certificates/x".into());
            for name in [
                "code",
                "consignment",
                "reason",
                "sample",
                "side",
                "method",
                "number",
                "replacement",
                "minutes",
            ] {
                notice = notice.with(name, format!("<{name}>"));
            }
            for lang in Lang::ALL {
                let url = site.url(&notice.link);
                let r = render(&site, *lang, &notice, &url).unwrap();
                for text in [&r.subject, &r.text, &r.html] {
                    assert!(!text.contains("[?]"), "{kind} {lang}: {text}");
                    assert!(!text.contains('{'), "{kind} {lang}: {text}");
                }
                assert!(
                    r.text.contains(&url) && r.html.contains(&url),
                    "{kind} {lang}"
                );
                assert!(!r.html.contains("<reason>"), "{kind} {lang}: not escaped");
                assert_eq!(r.text.contains("/account#mail"), kind.optional());
            }
        }
    }
}
