//! Sending one outbox message over SMTP with lettre (blocking; the worker calls it off the
//! async threads).

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};

use crate::config::MailSettings;
use crate::models::outbox::OutboxMessage;

/// Why a message was not sent: worth another try later, or never (the address is malformed,
/// or the server refused it for good).
#[derive(Debug)]
pub enum SendError {
    /// No SMTP server answered (connection refused, timed out, TLS failed).
    Unreachable(String),
    /// The server answered with a temporary refusal (4xx), or the attachment failed.
    Transient(String),
    Permanent(String),
}

/// How the error of a message the server never reached begins: the worker makes such
/// messages due at once when the server answers again.
pub const UNREACHABLE: &str = "unreachable: ";

impl SendError {
    pub fn text(&self) -> String {
        match self {
            SendError::Unreachable(e) => format!("{UNREACHABLE}{e}"),
            SendError::Transient(e) | SendError::Permanent(e) => e.clone(),
        }
    }
}

/// The configured SMTP server: `mail.smtp_url` (`smtp://host:port`, `?tls=required` for
/// STARTTLS, `smtps://` for TLS from the start, `user:password@` to log in).
#[derive(Clone)]
pub struct Smtp {
    transport: SmtpTransport,
    from: Mailbox,
}

impl Smtp {
    pub fn from_settings(mail: &MailSettings) -> Result<Smtp, String> {
        let transport = SmtpTransport::from_url(&mail.smtp_url)
            .map_err(|e| format!("mail.smtp_url: {e}"))?
            .timeout(Some(Duration::from_secs(mail.timeout_seconds)))
            .build();
        let from = mail
            .from
            .parse::<Mailbox>()
            .map_err(|e| format!("mail.from: {e}"))?;
        Ok(Smtp { transport, from })
    }

    /// Sends `message`, with `attachment` (file name, PDF bytes) if it has one.
    pub fn send(
        &self,
        message: &OutboxMessage,
        attachment: Option<(String, Vec<u8>)>,
    ) -> Result<(), SendError> {
        let to = message
            .to_address
            .parse::<Mailbox>()
            .map_err(|e| SendError::Permanent(format!("recipient address: {e}")))?;
        let alternative =
            MultiPart::alternative_plain_html(message.body_text.clone(), message.body_html.clone());
        let body = match attachment {
            None => alternative,
            Some((name, bytes)) => MultiPart::mixed()
                .multipart(alternative)
                .singlepart(Attachment::new(name).body(bytes, pdf_type()?)),
        };
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .multipart(body)
            .map_err(|e| SendError::Permanent(format!("message: {e}")))?;
        self.transport.send(&email).map(|_| ()).map_err(|e| {
            if e.is_permanent() {
                SendError::Permanent(e.to_string())
            } else if e.is_transient() {
                SendError::Transient(e.to_string())
            } else {
                SendError::Unreachable(e.to_string())
            }
        })
    }

    /// Whether the server answers (a connection and a NOOP).
    pub fn answers(&self) -> bool {
        self.transport.test_connection().unwrap_or(false)
    }
}

fn pdf_type() -> Result<ContentType, SendError> {
    ContentType::parse("application/pdf").map_err(|e| SendError::Permanent(e.to_string()))
}
