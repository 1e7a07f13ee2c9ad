//! The verdict pages of QR links, kept for an instant. A phone queue at a border post, or a
//! flood of scans of one certificate, is answered from memory instead of the database; a
//! revocation shows on every instance within `certificates.verdict_cache_seconds`. Only pages
//! for visitors without an account are kept (a signed-in page names its reader).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use actix_web::web::Bytes;

use crate::i18n::Lang;

/// Pages kept at most; past it the stale ones go, and if all are fresh, all go.
const MAX_ENTRIES: usize = 4096;

struct Entry {
    at: Instant,
    status: StatusCode,
    body: Bytes,
}

pub struct VerdictCache {
    ttl: Duration,
    entries: Mutex<HashMap<(Lang, String), Entry>>,
}

impl VerdictCache {
    /// A cache whose pages live `ttl` (zero: nothing is kept).
    pub fn new(ttl: Duration) -> Self {
        VerdictCache {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    pub fn get(&self, lang: Lang, token: &str) -> Option<(StatusCode, Bytes)> {
        if self.ttl.is_zero() {
            return None;
        }
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&(lang, token.to_owned()))
            .filter(|e| e.at.elapsed() < self.ttl)
            .map(|e| (e.status, e.body.clone()))
    }

    pub fn put(&self, lang: Lang, token: &str, status: StatusCode, body: Bytes) {
        if self.ttl.is_zero() {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_ENTRIES {
            let ttl = self.ttl;
            entries.retain(|_, e| e.at.elapsed() < ttl);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(
            (lang, token.to_owned()),
            Entry {
                at: Instant::now(),
                status,
                body,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_kept_for_its_time_per_language_and_a_zero_time_keeps_nothing() {
        let cache = VerdictCache::new(Duration::from_millis(50));
        cache.put(Lang::En, "t", StatusCode::OK, Bytes::from_static(b"en"));
        assert_eq!(
            cache.get(Lang::En, "t").unwrap().1,
            Bytes::from_static(b"en")
        );
        assert!(cache.get(Lang::Zh, "t").is_none());
        std::thread::sleep(Duration::from_millis(60));
        assert!(cache.get(Lang::En, "t").is_none(), "stale");
        let off = VerdictCache::new(Duration::ZERO);
        off.put(Lang::En, "t", StatusCode::OK, Bytes::from_static(b"en"));
        assert!(off.get(Lang::En, "t").is_none());
    }

    #[test]
    fn a_full_cache_drops_what_is_stale_first() {
        let cache = VerdictCache::new(Duration::from_secs(60));
        for i in 0..MAX_ENTRIES + 10 {
            cache.put(Lang::En, &i.to_string(), StatusCode::OK, Bytes::new());
        }
        let kept = cache.entries.lock().unwrap().len();
        assert!(kept <= MAX_ENTRIES, "{kept}");
    }
}
