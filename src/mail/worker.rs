//! The mail worker: a task inside the server that claims due outbox messages, sends them and
//! marks each sent once.
//!
//! Claiming is one short write transaction: lock up to `batch` due messages (PostgreSQL:
//! `FOR UPDATE SKIP LOCKED`, so that workers of several instances take different rows; SQLite:
//! `BEGIN IMMEDIATE`, one writer at a time) and lease them (`leased_until`, `lease_seconds`
//! ahead). The worker then sends without holding any lock, and marks each message
//! sent — or failed, due again after an exponential backoff, or parked after `max_attempts` —
//! only if its lease still stands. A worker that dies mid-batch leaves its messages to come due
//! again when the lease ends: a message is delivered twice only if the process dies between the
//! SMTP server's acceptance and the mark (at-least-once, as with any SMTP client). When a message
//! that had failed goes through, the backlog waiting out its backoff is made due at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use crate::config::{MailSettings, Settings};
use crate::db::types::UtcTime;
use crate::db::{Db, DbConn, write_tx};
use crate::domain::Scope;
use crate::mail::transport::{SendError, Smtp, UNREACHABLE};
use crate::models::outbox::OutboxMessage;

/// What one worker needs, cloned into each round.
#[derive(Clone)]
pub struct Worker {
    db: Db,
    smtp: Smtp,
    mail: MailSettings,
    public_url: String,
    /// Set when the SMTP server could not be reached; cleared when it answers again (then the
    /// messages that waited for it are made due at once).
    unreachable: Arc<AtomicBool>,
}

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub claimed: usize,
    pub sent: usize,
    pub failed: usize,
}

impl Worker {
    pub fn new(db: Db, settings: &Settings) -> Result<Worker, String> {
        Ok(Worker {
            db,
            smtp: Smtp::from_settings(&settings.mail)?,
            mail: settings.mail.clone(),
            public_url: settings.server.public_url.clone(),
            unreachable: Arc::default(),
        })
    }

    /// Starts the worker on the current actix system; it ends with the system.
    pub fn spawn(self) {
        actix_web::rt::spawn(async move {
            let idle = Duration::from_millis(self.mail.poll_millis.max(10));
            loop {
                let worker = self.clone();
                let round = actix_web::web::block(move || worker.round()).await;
                match round {
                    Ok(Ok(round)) if round.claimed > 0 => continue,
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) => tracing::warn!(error = %e, "mail worker round failed"),
                    Err(e) => tracing::warn!(error = %e, "mail worker round did not run"),
                }
                actix_web::rt::time::sleep(idle).await;
            }
        });
    }

    /// Claims the due messages and tries each once (blocking).
    pub fn round(&self) -> Result<Round, String> {
        let mut conn = self.db.get().map_err(|e| e.to_string())?;
        let now = UtcTime::now();
        if !OutboxMessage::any_due(&mut conn, now).map_err(|e| e.to_string())? {
            // Nothing due, but the server was down: once it answers, what waited for it goes.
            if self.unreachable.load(Ordering::Relaxed) && self.smtp.answers() {
                self.back_up(&mut conn)?;
            }
            return Ok(Round::default());
        }
        let lease = now.plus_seconds(self.mail.lease_seconds);
        let batch = self.mail.batch.max(1);
        let claimed = write_tx(&mut conn, |conn| {
            let ids = OutboxMessage::lock_due(conn, now, batch)?;
            ids.into_iter()
                .map(|id| OutboxMessage::lease(conn, id, lease))
                .collect::<Result<Vec<_>, diesel::result::Error>>()
        })
        .map_err(|e| e.to_string())?;
        let mut round = Round {
            claimed: claimed.len(),
            ..Round::default()
        };
        // Attachments are rendered here (they read the database); the SMTP exchanges run in
        // `parallel_sends` lanes, and each outcome is marked here as soon as it is known.
        let jobs: Vec<_> = claimed
            .into_iter()
            .map(|message| {
                let attachment = self.attachment(&mut conn, &message);
                (message, attachment)
            })
            .collect();
        let lanes = self.mail.parallel_sends.clamp(1, 16).min(jobs.len());
        let queue = Mutex::new(jobs.into_iter());
        let (done, outcomes) = mpsc::channel();
        let mut failure = None;
        let mut answered = false;
        std::thread::scope(|scope| {
            for _ in 0..lanes {
                let done = done.clone();
                let queue = &queue;
                let smtp = &self.smtp;
                scope.spawn(move || {
                    while let Some((message, attachment)) =
                        queue.lock().ok().and_then(|mut q| q.next())
                    {
                        let outcome = attachment.and_then(|a| smtp.send(&message, a));
                        if done.send((message, outcome)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(done);
            for (message, outcome) in outcomes {
                let marked = match outcome {
                    Ok(()) => {
                        round.sent += 1;
                        answered = true;
                        OutboxMessage::mark_sent(&mut conn, message.id, lease, UtcTime::now())
                    }
                    Err(error) => {
                        round.failed += 1;
                        if matches!(error, SendError::Unreachable(_)) {
                            // Said once when the server goes away, not once per message.
                            if !self.unreachable.swap(true, Ordering::Relaxed) {
                                tracing::warn!(
                                    error = %error.text(),
                                    "the mail server cannot be reached: messages wait in the outbox"
                                );
                            }
                            tracing::debug!(
                                id = %message.id,
                                attempts = message.attempts + 1,
                                "mail not sent: server unreachable"
                            );
                        } else {
                            tracing::info!(
                                id = %message.id,
                                attempts = message.attempts + 1,
                                error = %error.text(),
                                "mail not sent"
                            );
                        }
                        self.mark_failed(&mut conn, &message, lease, &error)
                    }
                };
                match marked {
                    Ok(true) => {}
                    Ok(false) => tracing::warn!(id = %message.id, "mail lease lost before marking"),
                    Err(e) => failure = Some(e.to_string()),
                }
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        if answered && self.unreachable.load(Ordering::Relaxed) {
            self.back_up(&mut conn)?;
        }
        Ok(round)
    }

    /// The SMTP server answers again: the messages that could not reach it are due now, not
    /// at the end of their backoff.
    fn back_up(&self, conn: &mut DbConn) -> Result<(), String> {
        self.unreachable.store(false, Ordering::Relaxed);
        let woken =
            OutboxMessage::wake(conn, UtcTime::now(), UNREACHABLE).map_err(|e| e.to_string())?;
        tracing::info!(
            woken,
            "the mail server answers again: what waited for it is due"
        );
        Ok(())
    }

    fn mark_failed(
        &self,
        conn: &mut DbConn,
        message: &OutboxMessage,
        lease: UtcTime,
        error: &SendError,
    ) -> diesel::QueryResult<bool> {
        let now = UtcTime::now();
        let attempts = message.attempts + 1;
        let park = matches!(error, SendError::Permanent(_)) || attempts >= self.mail.max_attempts;
        let next = now.plus_seconds(backoff(
            attempts,
            self.mail.backoff_base_seconds,
            self.mail.backoff_cap_seconds,
        ));
        let text: String = error.text().chars().take(500).collect();
        OutboxMessage::mark_failed(conn, message.id, lease, &text, next, park.then_some(now))
    }

    /// The certificate's PDF, rendered now from the record, if the message carries one.
    fn attachment(
        &self,
        conn: &mut DbConn,
        message: &OutboxMessage,
    ) -> Result<Option<(String, Vec<u8>)>, SendError> {
        let Some(id) = message.attachment_certificate_id else {
            return Ok(None);
        };
        let doc = crate::routes::certificates::Document::load(conn, Scope::All, id)
            .map_err(|e| SendError::Transient(format!("certificate: {e:?}")))?;
        let printable = crate::routes::certificates::print::printable(&doc, &self.public_url);
        let bytes = crate::pdf::render(&printable).map_err(SendError::Transient)?;
        let name = message
            .attachment_name
            .clone()
            .unwrap_or_else(|| format!("{id}.pdf"));
        Ok(Some((name, bytes)))
    }
}

/// Seconds to wait after the `attempts`-th failure: `base`, doubling, at most `cap`.
pub fn backoff(attempts: i32, base: i64, cap: i64) -> i64 {
    let doublings = (attempts - 1).clamp(0, 30) as u32;
    base.max(0)
        .saturating_mul(1_i64 << doublings)
        .min(cap.max(0))
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn doubles_up_to_the_cap() {
        assert_eq!(backoff(1, 30, 3600), 30);
        assert_eq!(backoff(2, 30, 3600), 60);
        assert_eq!(backoff(5, 30, 3600), 480);
        assert_eq!(backoff(8, 30, 3600), 3600);
        assert_eq!(backoff(100, 30, 3600), 3600);
    }
}
