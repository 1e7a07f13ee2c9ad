//! The trust list and the certificate token as outsiders see them: `GET /.well-known/jwks.json`
//! from the running server, key changes made by the `jointlab` binary in another process, and
//! tokens checked by an independent JOSE library (Python jwcrypto, `tests/jose/verify_token.py`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::Utc;
use jointlab::signing::{Claims, SharedKeyring, b64, jws};
use serde_json::Value;

use crate::helpers::{TestApp, spawn_app};

fn claims() -> Claims {
    Claims {
        iss: "https://lab.khorgos.example".into(),
        iat: 1_773_480_600,
        exp: 1_778_664_600,
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

/// The JWK Set the server serves now.
pub fn served_jwks(app: &TestApp) -> Value {
    let res = app.client().get("/.well-known/jwks.json");
    assert_eq!(res.status, 200, "{}", res.body);
    serde_json::from_str(&res.body).expect("the trust list is JSON")
}

fn kids(jwks: &Value) -> Vec<String> {
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}

/// The app's key file, opened as the certificate workflow would open it.
fn keyring(app: &TestApp) -> SharedKeyring {
    SharedKeyring::open(app.settings.keys_file()).unwrap()
}

/// Runs the `jointlab` binary, as an operator would beside the running server, on the app's
/// data folder (no config files in its working folder: the built-in defaults).
fn operator(app: &TestApp, args: &[&str]) -> Output {
    let data = &app.settings.data.dir;
    Command::new(env!("CARGO_BIN_EXE_jointlab"))
        .args(args)
        .current_dir(data.parent().unwrap())
        .env_remove("JOINTLAB_ENV")
        .env_remove("RUST_LOG")
        .env("JOINTLAB__DATA__DIR", data)
        .stdin(Stdio::null())
        .output()
        .expect("the jointlab binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_trust_list_is_public_cacheable_and_a_jwk_set() {
    let app = spawn_app();
    let kid = keyring(&app).current().keys()[0].kid.clone();

    for client in [app.client(), app.signed_in("inspector")] {
        let res = client.get("/.well-known/jwks.json");

        assert_eq!(res.status, 200);
        assert_eq!(res.header("content-type"), Some("application/jwk-set+json"));
        assert_eq!(res.header("cache-control"), Some("public, max-age=300"));
        assert_eq!(
            res.header("set-cookie"),
            None,
            "a cookie would defeat caches"
        );
        let jwks: Value = serde_json::from_str(&res.body).unwrap();
        let keys = jwks["keys"].as_array().unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(
            keys[0],
            serde_json::json!({
                "kty": "OKP",
                "crv": "Ed25519",
                "x": keys[0]["x"],
                "kid": kid,
                "alg": "EdDSA",
                "use": "sig",
            })
        );
        assert_eq!(
            b64::decode(keys[0]["x"].as_str().unwrap()).unwrap().len(),
            32
        );
    }
}

#[test]
fn the_running_server_sees_rotations_and_revocations_made_by_another_process() {
    let app = spawn_app();
    let first = kids(&served_jwks(&app))[0].clone();

    let rotated = operator(&app, &["rotate-keys"]);
    let listed = operator(&app, &["list-keys"]);

    assert!(rotated.status.success(), "{}", text(&rotated.stderr));
    let out = text(&rotated.stdout);
    let served = kids(&served_jwks(&app));
    assert_eq!(served.len(), 2, "{served:?}");
    let second = served[0].clone();
    assert_eq!(served[1], first, "newest first");
    assert!(
        out.contains(&format!("new signing key {second}: signs from now")),
        "{out}"
    );
    let list = text(&listed.stdout);
    assert!(list.contains(&second) && list.contains("signing"), "{list}");
    assert!(list.contains(&first) && list.contains("retained"), "{list}");

    let signer = operator(&app, &["revoke-key", &second]);
    let unknown = operator(&app, &["revoke-key", "nosuchkey000"]);
    let revoked = operator(&app, &["revoke-key", &first]);

    assert_eq!(signer.status.code(), Some(1));
    assert!(
        text(&signer.stderr).contains("run `jointlab rotate-keys` first"),
        "{}",
        text(&signer.stderr)
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("no signing key \"nosuchkey000\""));
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    assert_eq!(kids(&served_jwks(&app)), [second]);
}

/// Whether python3 with jwcrypto is here. Without it the independent check cannot run: a
/// failure under CI, a notice elsewhere.
pub fn independent_verifier_available() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import jwcrypto"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let hint = "python3 with jwcrypto (python3 -m pip install jwcrypto==1.6.1)";
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "{hint} is required under CI"
        );
        eprintln!("notice: {hint} is missing; the independent token check is skipped");
    }
    found
}

/// The independent verifier's verdict on `token` with the JWK Set in `jwks_file`: the claims
/// it printed, or why it refused.
pub fn jwcrypto(jwks_file: &Path, token: &str) -> Result<Value, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jose/verify_token.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(jwks_file)
        .arg(token)
        .output()
        .expect("python3 runs");
    match out.status.code() {
        Some(0) => Ok(serde_json::from_slice(&out.stdout).expect("claims as JSON")),
        Some(1) => {
            let reason = text(&out.stderr);
            let known = [
                "malformed",
                "unexpected alg",
                "unknown key",
                "bad signature",
            ];
            assert!(
                known.iter().any(|k| reason.starts_with(k)),
                "verify_token.py failed unexpectedly: {reason}"
            );
            Err(reason)
        }
        other => panic!("verify_token.py exited {other:?}: {}", text(&out.stderr)),
    }
}

/// Saves the JWK Set the server serves now, for the verifier.
pub fn save_served_jwks(app: &TestApp, name: &str) -> PathBuf {
    let path = app.settings.data.dir.join(name);
    std::fs::write(&path, served_jwks(app).to_string()).unwrap();
    path
}

/// `token` with the character at `i` changed to another base64url character that changes the
/// decoded bytes (a `.` becomes a letter).
pub fn flipped(token: &str, i: usize) -> String {
    let mut bytes = token.as_bytes().to_vec();
    bytes[i] = match b64::ALPHABET.iter().position(|c| *c == bytes[i]) {
        Some(v) => b64::ALPHABET[v ^ 32],
        None => b'A',
    };
    String::from_utf8(bytes).unwrap()
}

#[test]
fn an_independent_jose_library_verifies_what_the_lab_signs_and_nothing_else() {
    if !independent_verifier_available() {
        return;
    }
    let app = spawn_app();
    let keys = keyring(&app);
    let token = keys.sign(&claims(), Utc::now()).unwrap();
    let jwks = save_served_jwks(&app, "served-1.json");

    let verdict = jwcrypto(&jwks, &token);

    let expected = serde_json::to_value(claims()).unwrap();
    assert_eq!(verdict, Ok(expected.clone()));

    // Changed characters: in the header, both dots, the payload, and the signature (its first,
    // middle and last characters).
    let dots: Vec<usize> = token.match_indices('.').map(|(i, _)| i).collect();
    let mut positions = vec![0, 5, 20, dots[0] - 1, dots[0], dots[0] + 1, dots[0] + 60];
    positions.extend([
        dots[1] - 1,
        dots[1],
        dots[1] + 1,
        dots[1] + 43,
        token.len() - 1,
    ]);
    for i in positions {
        let forged = flipped(&token, i);
        assert!(
            jwcrypto(&jwks, &forged).is_err(),
            "jwcrypto accepts the token changed at {i}"
        );
        assert!(jws::verify_with_jwks(&forged, &served_jwks(&app)).is_err());
    }

    // A key that is not the lab's, whether it names itself or borrows the lab's kid.
    let stranger = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let own_kid = jointlab::signing::keyring::kid_of(&stranger.verifying_key());
    let lab_kid = keys.current().keys()[0].kid.clone();
    for kid in [own_kid, lab_kid] {
        let foreign = jws::sign(&stranger, &kid, &claims());
        assert!(
            jwcrypto(&jwks, &foreign).is_err(),
            "a stranger's key ({kid})"
        );
    }

    // After a rotation the old key is retained: its token still verifies with the served set.
    app.cli(&["rotate-keys"]).unwrap();
    let newer = keys.sign(&claims(), Utc::now()).unwrap();
    let jwks = save_served_jwks(&app, "served-2.json");
    assert_eq!(
        jwcrypto(&jwks, &token),
        Ok(expected.clone()),
        "retained key"
    );
    assert_eq!(jwcrypto(&jwks, &newer), Ok(expected.clone()), "new key");

    // Once revoked, it is no longer served, and its token fails.
    let old_kid = jws::parse(&token).unwrap().kid;
    app.cli(&["revoke-key", &old_kid]).unwrap();
    let jwks = save_served_jwks(&app, "served-3.json");
    let refused = jwcrypto(&jwks, &token).unwrap_err();
    assert!(refused.contains("unknown key"), "{refused}");
    assert_eq!(jwcrypto(&jwks, &newer), Ok(expected));
}
