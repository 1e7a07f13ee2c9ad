//! A cap on the connections one client address holds at once (`server.max_connections_per_address`).
//!
//! actix's `max_connections` caps a worker's connections as a whole, so one client opening
//! many would lock everyone else out; the cap here is per address instead, and actix's global
//! bound stays at its default (25 000 per worker) as a last resort. A connection is counted
//! from accept to close (the `on_connect` hook leaves a [`ConnectionSlot`] in the
//! connection's data, which gives its place back when dropped). Beyond the cap, requests are
//! answered 429 with a page and the connection is closed. Connections from a trusted proxy are
//! not counted: the proxy speaks for many clients and caps its own. IPv6 clients count per
//! /64, as in the sign-in throttle.

use std::any::Any;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};

use actix_web::dev::Extensions;
use actix_web::rt::net::TcpStream;

type OpenCounts = Arc<Mutex<HashMap<String, usize>>>;

/// The open connections per client address, shared by all workers.
#[derive(Clone)]
pub struct ConnectionCounts {
    cap: usize,
    trusted: Vec<IpAddr>,
    open: OpenCounts,
}

/// One accepted connection's place in the count.
pub struct ConnectionSlot {
    /// The connection came beyond its address's cap: its requests are refused.
    pub over_cap: bool,
    address: String,
    open: OpenCounts,
}

fn lock(open: &OpenCounts) -> MutexGuard<'_, HashMap<String, usize>> {
    // A panic elsewhere while holding the lock leaves the counts intact: keep using them.
    open.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl ConnectionCounts {
    /// `cap` connections per address (0 = no cap); `trusted` proxies are not counted.
    pub fn new(cap: usize, trusted: Vec<IpAddr>) -> Self {
        ConnectionCounts {
            cap,
            trusted,
            open: Arc::default(),
        }
    }

    /// The `on_connect` hook: counts the new connection against its peer's address.
    pub fn admit(&self, connection: &dyn Any, data: &mut Extensions) {
        let Some(peer) = connection
            .downcast_ref::<TcpStream>()
            .and_then(|s| s.peer_addr().ok())
        else {
            return;
        };
        if let Some(slot) = self.slot_for(peer.ip()) {
            data.insert(slot);
        }
    }

    fn slot_for(&self, peer: IpAddr) -> Option<ConnectionSlot> {
        if self.cap == 0 || self.trusted.contains(&peer.to_canonical()) {
            return None;
        }
        let address = super::client::key(peer);
        let mut open = lock(&self.open);
        let count = open.entry(address.clone()).or_insert(0);
        *count += 1;
        Some(ConnectionSlot {
            over_cap: *count > self.cap,
            address,
            open: self.open.clone(),
        })
    }
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut open = lock(&self.open);
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_beyond_the_cap_are_marked_and_places_come_back() {
        let counts = ConnectionCounts::new(2, vec!["10.0.0.1".parse().unwrap()]);
        let client: IpAddr = "203.0.113.7".parse().unwrap();
        let a = counts.slot_for(client).unwrap();
        let b = counts.slot_for(client).unwrap();
        let c = counts.slot_for(client).unwrap();
        assert!(!a.over_cap && !b.over_cap && c.over_cap);
        assert!(
            !counts
                .slot_for("203.0.113.8".parse().unwrap())
                .unwrap()
                .over_cap
        );
        drop(a);
        drop(c);
        assert!(!counts.slot_for(client).unwrap().over_cap);
        assert!(counts.slot_for("10.0.0.1".parse().unwrap()).is_none());
        assert!(ConnectionCounts::new(0, vec![]).slot_for(client).is_none());
    }
}
