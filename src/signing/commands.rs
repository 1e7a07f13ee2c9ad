//! `jointlab rotate-keys`, `revoke-key` and `list-keys`: changes to the key file, made under
//! its lock, that a running server picks up at its next use of the keys. Each returns the
//! text to print.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::keyring::{self, KeyState, rfc3339};

/// Makes a key that signs from `from` (default: now).
pub fn rotate_keys(
    path: &Path,
    now: DateTime<Utc>,
    from: Option<DateTime<Utc>>,
) -> Result<String, String> {
    keyring::update(path, |ring| {
        let previous = ring.signer(now).map(|k| k.kid.clone());
        let key = ring.rotate(now, from)?;
        let text = match previous {
            Some(previous) if key.active_from > now => format!(
                "new signing key {}: published now, signs from {}; {previous} signs until then",
                key.kid,
                rfc3339(key.active_from)
            ),
            Some(previous) => format!(
                "new signing key {}: signs from now; {previous} is retained (its tokens still \
                 verify)",
                key.kid
            ),
            None => format!("new signing key {}: signs from now", key.kid),
        };
        Ok(text)
    })
}

/// Revokes `kid`: its tokens no longer verify and it leaves the published key set.
pub fn revoke_key(path: &Path, kid: &str, now: DateTime<Utc>) -> Result<String, String> {
    keyring::update(path, |ring| {
        let was = ring.find(kid).map(|k| k.state);
        ring.revoke(kid, now)?;
        Ok(if was == Some(KeyState::Revoked) {
            format!("key {kid} was already revoked")
        } else {
            format!(
                "key {kid} revoked: it is no longer published and no certificate token it \
                 signed verifies"
            )
        })
    })
}

/// The keys, one line each: kid, what it does at `now`, when it signs from, when it was made.
pub fn list_keys(path: &Path, now: DateTime<Utc>) -> Result<String, String> {
    let Some(ring) = keyring::load(path)? else {
        return Ok(format!(
            "no signing keys in {} yet: the server makes the first at its first start",
            path.display()
        ));
    };
    let line = |cells: [&str; 5]| {
        format!(
            "{:<12}  {:<9}  {:<20}  {:<20}  {}",
            cells[0], cells[1], cells[2], cells[3], cells[4]
        )
        .trim_end()
        .to_owned()
    };
    let mut lines = vec![line(["kid", "status", "active from", "created", "revoked"])];
    for key in ring.keys() {
        lines.push(line([
            &key.kid,
            ring.status(key, now).as_str(),
            &rfc3339(key.active_from),
            &rfc3339(key.created_at),
            &key.revoked_at.map(rfc3339).unwrap_or_default(),
        ]));
    }
    Ok(lines.join("\n"))
}
