use std::path::PathBuf;

use chrono::{Duration, TimeZone, Utc};
use ed25519_dalek::SigningKey;

use super::keyring::{self, kid_of};
use super::*;

/// A fresh folder for one test's key file.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("jl-signing-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn keys_file(&self) -> PathBuf {
        self.0.join("signing-keys.json")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Claims as a real phytosanitary certificate carries them.
fn claims() -> Claims {
    let iat = Utc
        .with_ymd_and_hms(2026, 3, 14, 9, 30, 0)
        .unwrap()
        .timestamp();
    Claims {
        iss: "https://lab.khorgos.example".into(),
        iat,
        exp: iat + 60 * 86_400,
        sub: "KZCN-PC-2026-000045".into(),
        kind: "phyto".into(),
        exporter: "080140001234".into(),
        commodity: "Durum wheat, 3rd class".into(),
        hs: "100199".into(),
        qty: "1250 t".into(),
        dest: "CN".into(),
        post: "NZH".into(),
    }
}

fn kid_of_token(token: &str) -> String {
    jws::parse(token).unwrap().kid
}

#[test]
fn a_token_verifies_with_the_keyring_and_with_the_published_keys() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();

    let token = keys.sign(&claims(), Utc::now()).unwrap();

    assert_eq!(keys.verify(&token), Ok(claims()));
    assert_eq!(jws::verify_with_jwks(&token, &keys.jwks()), Ok(claims()));
    let header = String::from_utf8(b64::decode(token.split('.').next().unwrap()).unwrap()).unwrap();
    let kid = keys.current().keys()[0].kid.clone();
    assert_eq!(header, format!(r#"{{"alg":"EdDSA","kid":"{kid}"}}"#));
    let payload = b64::decode(token.split('.').nth(1).unwrap()).unwrap();
    assert!(
        String::from_utf8(payload)
            .unwrap()
            .starts_with(r#"{"iss":"https://lab.khorgos.example","iat":"#),
        "claims in the documented order"
    );
}

#[test]
fn the_published_keys_have_the_jwk_shape() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let jwks = keys.jwks();
    let key = &jwks["keys"][0];
    let expected_kid = kid_of(&keys.current().keys()[0].verifying_key());
    assert_eq!(expected_kid.len(), 8);
    assert_eq!(key["kid"], expected_kid.as_str());
    assert_eq!(
        (&key["kty"], &key["crv"], &key["alg"], &key["use"]),
        (
            &"OKP".into(),
            &"Ed25519".into(),
            &"EdDSA".into(),
            &"sig".into()
        )
    );
    assert_eq!(b64::decode(key["x"].as_str().unwrap()).unwrap().len(), 32);
    assert_eq!(key.as_object().unwrap().len(), 6, "no secret member: {key}");
}

#[test]
fn changing_any_character_of_a_token_breaks_it() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let token = keys.sign(&claims(), Utc::now()).unwrap();
    let jwks = keys.jwks();
    let mut tried = 0;
    for (i, c) in token.bytes().enumerate() {
        // The lowest bit is the one a lenient decoder drops at the end of a part; the highest
        // always changes a byte.
        let others: Vec<u8> = match b64::ALPHABET.iter().position(|a| *a == c) {
            Some(v) => vec![b64::ALPHABET[v ^ 1], b64::ALPHABET[v ^ 32]],
            None => vec![b'A', b'_'],
        };
        for other in others {
            let mut bytes = token.clone().into_bytes();
            bytes[i] = other;
            let forged = String::from_utf8(bytes).unwrap();
            assert!(
                keys.verify(&forged).is_err(),
                "position {i}: {:?} for {:?} still verifies",
                other as char,
                c as char
            );
            assert!(
                jws::verify_with_jwks(&forged, &jwks).is_err(),
                "position {i}"
            );
            tried += 1;
        }
    }
    assert_eq!(tried, 2 * token.len());
}

#[test]
fn what_is_not_a_token_is_malformed() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let token = keys.sign(&claims(), Utc::now()).unwrap();
    let parts: Vec<&str> = token.split('.').collect();
    let with_header = |header: &str| {
        format!(
            "{}.{}.{}",
            b64::encode(header.as_bytes()),
            parts[1],
            parts[2]
        )
    };
    let kid = kid_of_token(&token);
    for bad in [
        String::new(),
        "a.b".into(),
        format!("{token}."),
        format!("{}.{}", parts[0], parts[1]),
        with_header(r#"{"alg":"none","kid":"x"}"#),
        with_header(&format!(r#"{{"alg":"HS256","kid":"{kid}"}}"#)),
        with_header(&format!(
            r#"{{"alg":"EdDSA","kid":"{kid}","crit":["exp"],"exp":1}}"#
        )),
        with_header(&format!(r#"{{"alg":"EdDSA","kid":"{kid}","kid":"{kid}"}}"#)),
        with_header(r#"{"alg":"EdDSA"}"#),
        format!("{}.{}.{}A", parts[0], parts[1], parts[2]),
    ] {
        assert_eq!(keys.verify(&bad), Err(TokenError::Malformed), "{bad}");
    }
}

#[test]
fn a_retained_key_still_verifies_and_a_revoked_one_does_not() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let now = Utc::now();
    let old = keys.sign(&claims(), now).unwrap();

    let new_kid =
        keyring::update(&dir.keys_file(), |k| Ok(k.rotate(now, None)?.kid.clone())).unwrap();
    let newer = keys.sign(&claims(), now).unwrap();
    assert_eq!(kid_of_token(&newer), new_kid, "the new key signs at once");
    let old_kid = kid_of_token(&old);
    let ring = keys.current();
    let old_key = ring.find(&old_kid).unwrap();
    assert_eq!(old_key.state, KeyState::Retained);
    assert_eq!(ring.status(old_key, now), KeyStatus::Retained);
    assert_eq!(keys.verify(&old), Ok(claims()), "retained keys verify");
    let jwks = keys.jwks();
    assert_eq!(jwks["keys"][0]["kid"], new_kid.as_str(), "newest first");
    assert_eq!(jwks["keys"][1]["kid"], old_kid.as_str());
    assert_eq!(jws::verify_with_jwks(&old, &jwks), Ok(claims()));

    keyring::update(&dir.keys_file(), |k| k.revoke(&old_kid, Utc::now())).unwrap();

    assert_eq!(keys.verify(&old), Err(TokenError::RevokedKey));
    assert_eq!(keys.verify(&newer), Ok(claims()));
    let jwks = keys.jwks();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 1, "{jwks}");
    assert_eq!(
        jws::verify_with_jwks(&old, &jwks),
        Err(TokenError::UnknownKey)
    );
}

#[test]
fn a_key_that_is_not_ours_is_unknown_and_a_borrowed_kid_does_not_help() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let stranger = SigningKey::from_bytes(&[7; 32]);

    let foreign = jws::sign(&stranger, &kid_of(&stranger.verifying_key()), &claims());
    let ours = keys.current().keys()[0].kid.clone();
    let impostor = jws::sign(&stranger, &ours, &claims());

    assert_eq!(keys.verify(&foreign), Err(TokenError::UnknownKey));
    assert_eq!(
        jws::verify_with_jwks(&foreign, &keys.jwks()),
        Err(TokenError::UnknownKey)
    );
    assert_eq!(keys.verify(&impostor), Err(TokenError::BadSignature));
}

#[test]
fn the_key_file_is_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.keys_file()), 0o600);

    keyring::update(keys.path(), |k| k.rotate(Utc::now(), None).map(|_| ())).unwrap();

    assert_eq!(mode(&dir.keys_file()), 0o600, "after a rewrite too");
    assert!(!dir.0.join("signing-keys.json.tmp").exists());
    let text = std::fs::read_to_string(dir.keys_file()).unwrap();
    assert!(text.contains("\"seed\""), "{text}");
}

#[test]
fn a_key_due_later_waits_and_the_current_signer_signs_until_then() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let now = Utc::now();
    let first = keys.current().keys()[0].kid.clone();
    let from = now + Duration::days(2);

    let next =
        keyring::update(keys.path(), |k| Ok(k.rotate(now, Some(from))?.kid.clone())).unwrap();

    let ring = keys.current();
    assert_eq!(ring.signer(now).unwrap().kid, first);
    assert_eq!(ring.signer(from - Duration::seconds(1)).unwrap().kid, first);
    assert_eq!(ring.signer(from).unwrap().kid, next);
    assert_eq!(
        ring.status(ring.find(&next).unwrap(), now),
        KeyStatus::Scheduled
    );
    assert_eq!(
        ring.status(ring.find(&first).unwrap(), now),
        KeyStatus::Signing
    );
    assert_eq!(
        ring.status(ring.find(&first).unwrap(), from),
        KeyStatus::Retained
    );
    assert_eq!(kid_of_token(&keys.sign(&claims(), now).unwrap()), first);
    assert_eq!(kid_of_token(&keys.sign(&claims(), from).unwrap()), next);
    assert_eq!(
        keys.jwks()["keys"][0]["kid"],
        next.as_str(),
        "published before it signs"
    );
    // Until the new key signs, the old one is the signer and cannot be revoked.
    let refused = keyring::update(keys.path(), |k| k.revoke(&first, Utc::now()));
    assert!(refused.unwrap_err().contains("rotate-keys"));
}

#[test]
fn rotation_and_revocation_refuse_what_would_leave_no_signer() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let now = Utc::now();
    let only = keys.current().keys()[0].kid.clone();
    let before = std::fs::read(keys.path()).unwrap();

    let signer = keyring::update(keys.path(), |k| k.revoke(&only, now));
    let unknown = keyring::update(keys.path(), |k| k.revoke("nosuchkey000", now));
    let past = keyring::update(keys.path(), |k| {
        k.rotate(now, Some(now - Duration::hours(1))).map(|_| ())
    });
    let mut empty = Keyring::default();
    let later_on_empty = empty.rotate(now, Some(now + Duration::hours(1)));

    assert!(signer.unwrap_err().contains("signs now"));
    assert!(unknown.unwrap_err().contains("no signing key"));
    assert!(past.unwrap_err().contains("past"));
    assert!(later_on_empty.unwrap_err().contains("no key signs now"));
    assert_eq!(
        std::fs::read(keys.path()).unwrap(),
        before,
        "nothing written"
    );
}

#[test]
fn another_process_changing_the_file_is_seen_without_reopening() {
    let dir = TempDir::new();
    let server = SharedKeyring::open(dir.keys_file()).unwrap();
    let first = server.current().keys()[0].kid.clone();
    assert_eq!(server.jwks()["keys"].as_array().unwrap().len(), 1);

    // What `rotate-keys` does, as another process would: read the file, write a new one.
    let next = keyring::update(&dir.keys_file(), |k| {
        Ok(k.rotate(Utc::now(), None)?.kid.clone())
    })
    .unwrap();

    assert_eq!(server.jwks()["keys"].as_array().unwrap().len(), 2);
    assert_eq!(
        kid_of_token(&server.sign(&claims(), Utc::now()).unwrap()),
        next
    );
    assert_eq!(
        server.current().find(&first).unwrap().state,
        KeyState::Retained
    );
}

#[test]
fn a_tampered_key_file_is_refused() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let text = std::fs::read_to_string(keys.path()).unwrap();
    let kid = keys.current().keys()[0].kid.clone();
    std::fs::write(keys.path(), text.replace(&kid, "AAAAAAAAAAAA")).unwrap();

    let reopened = SharedKeyring::open(dir.keys_file());

    assert!(reopened.err().unwrap().contains("does not match"));
    // The server goes on with the keys it read.
    assert_eq!(keys.current().keys()[0].kid, kid);
}

/// The token is most of the QR code's URL. Header (43 with the 8-character kid) and signature
/// (86) are fixed; the payload is the JSON of the DESIGN's eleven claims, with the short issuer
/// (`KZCN`) and the commodity's name cut to 16 characters as the certificate workflow puts
/// them: 399 characters with a 12-digit BIN and "1250 t".
#[test]
fn a_token_with_realistic_claims_is_short_enough_for_a_qr_code() {
    let dir = TempDir::new();
    let keys = SharedKeyring::open(dir.keys_file()).unwrap();
    let mut claims = claims();
    claims.iss = "KZCN".into();
    claims.commodity = crate::workflows::certificates::short_name(
        "Sunflower seeds, oilseed",
        crate::workflows::certificates::COMMODITY_CLAIM,
    );
    assert_eq!(claims.commodity, "Sunflower seeds");

    let token = keys.sign(&claims, Utc::now()).unwrap();

    let parts: Vec<usize> = token.split('.').map(str::len).collect();
    println!(
        "token: {} characters (header, payload, signature: {parts:?})",
        token.len()
    );
    assert_eq!(parts[0], 43, "header");
    assert_eq!(parts[2], 86, "signature");
    assert!(token.len() <= 400, "{} characters", token.len());
}
