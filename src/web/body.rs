//! Request bodies: one larger than `server.max_body_bytes` is refused with 413 before anything
//! reads it (the CSRF check included), and one that has not fully arrived
//! `server.body_timeout_seconds` after its head is cut off with 408. actix's own
//! `client_request_timeout` covers only the head, so a body trickling a byte at a time would
//! otherwise hold a worker's connection for as long as the client likes.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::HttpMessage;
use actix_web::dev::{Payload, ServiceRequest};
use actix_web::error::{PayloadError, UrlencodedError};
use actix_web::http::header;
use actix_web::rt::time::{Sleep, sleep};
use actix_web::web::Bytes;
use futures_core::Stream;

use crate::error::AppError;

/// Whether the request announces a body larger than `max_bytes`.
pub fn declared_too_large(req: &ServiceRequest, max_bytes: usize) -> bool {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .is_some_and(|length| length > max_bytes as u64)
}

/// Replaces the request's body with one that fails once more than `max_bytes` arrived
/// (bodies without a length) or once `timeout` has passed since now.
pub fn guard(req: &mut ServiceRequest, max_bytes: usize, timeout: Duration) {
    let inner = req.take_payload();
    let guarded = Guarded {
        inner,
        deadline: Box::pin(sleep(timeout)),
        remaining: max_bytes,
    };
    req.set_payload(Payload::Stream {
        payload: Box::pin(guarded),
    });
}

/// The answer to a body that could not be read: too large, too slow, or unreadable.
pub fn refusal(error: &PayloadError) -> AppError {
    match error {
        PayloadError::Overflow => AppError::PayloadTooLarge,
        PayloadError::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => AppError::RequestTimeout,
        _ => AppError::BadRequest,
    }
}

/// The answer to a form that could not be read (the `FormConfig` error handler).
pub fn form_refusal(error: &UrlencodedError) -> AppError {
    match error {
        UrlencodedError::Overflow { .. } => AppError::PayloadTooLarge,
        UrlencodedError::Payload(e) => refusal(e),
        _ => AppError::BadRequest,
    }
}

struct Guarded {
    inner: Payload,
    deadline: Pin<Box<Sleep>>,
    remaining: usize,
}

impl Stream for Guarded {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => {
                if chunk.len() > this.remaining {
                    return Poll::Ready(Some(Err(PayloadError::Overflow)));
                }
                this.remaining -= chunk.len();
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Pending if this.deadline.as_mut().poll(cx).is_ready() => {
                Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the request body did not arrive in time",
                )))))
            }
            other => other,
        }
    }
}
