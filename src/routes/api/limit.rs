//! The per-token rate limit of the API: a fixed window per token, counted in memory (one
//! server process; several instances each count their own).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::models::api_token::ApiTokenId;

/// How a request fared against its token's window.
#[derive(Debug, Clone, Copy)]
pub struct Allowance {
    pub granted: bool,
    pub limit: u32,
    pub remaining: u32,
    pub window_seconds: u64,
    /// Seconds until the window starts again.
    pub reset_seconds: u64,
}

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    windows: Mutex<HashMap<ApiTokenId, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter {
            limit: limit.max(1),
            window: window.max(Duration::from_secs(1)),
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request of `token`.
    pub fn take(&self, token: ApiTokenId) -> Allowance {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        // Forget windows long over, so the map holds only tokens in recent use.
        if windows.len() > 10_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let (start, count) = windows.entry(token).or_insert((now, 0));
        if now.duration_since(*start) >= self.window {
            *start = now;
            *count = 0;
        }
        let granted = *count < self.limit;
        if granted {
            *count += 1;
        }
        let elapsed = now.duration_since(*start);
        let reset = self.window.saturating_sub(elapsed).as_secs_f64().ceil() as u64;
        Allowance {
            granted,
            limit: self.limit,
            remaining: self.limit - *count,
            window_seconds: self.window.as_secs(),
            reset_seconds: reset.max(1),
        }
    }
}
