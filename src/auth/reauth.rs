//! Signing again with one's password (21 CFR Part 11 §11.200): an electronic signature is two
//! components, the signed-in identity and the password typed again at the moment of signing.
//! [`Reauthenticated`] is the proof a signing workflow demands; outside this module it is made
//! only by [`confirm`] (or, for seeding and the command line, by [`Reauthenticated::assume`]).

use crate::auth::login::Throttle;
use crate::auth::password;
use crate::db::ids::UserId;
use crate::db::types::UtcTime;
use crate::error::AppError;
use crate::models::User;
use crate::web::AppState;

/// Proof that `user` typed their password for this act.
#[derive(Debug, Clone, Copy)]
pub struct Reauthenticated {
    user: UserId,
}

impl Reauthenticated {
    pub fn user(&self) -> UserId {
        self.user
    }

    /// For seeding and tests, which act on the operator's authority without a password.
    pub fn assume(user: UserId) -> Reauthenticated {
        Reauthenticated { user }
    }
}

/// Checks `typed` against `user`'s password. A wrong password counts as a failed sign-in
/// (the same throttle as the login form), and while the user and address wait, the password
/// is not checked at all (the dummy hash is, at the same cost): `None`.
pub async fn confirm(
    state: &AppState,
    user: &User,
    client: &str,
    typed: String,
) -> Result<Option<Reauthenticated>, AppError> {
    let throttle = Throttle::new(&user.email, client);
    let waiting = {
        let throttle = throttle.clone();
        state
            .db
            .run(move |conn| Ok(throttle.waiting(conn, UtcTime::now())?))
            .await?
    };
    let stored = user.password_hash.clone();
    let ok = state
        .password_checks
        .run(move || match waiting {
            true => {
                let _ = password::verify(password::dummy_hash(), &typed);
                false
            }
            false => password::verify(&stored, &typed),
        })
        .await?;
    if ok {
        return Ok(Some(Reauthenticated { user: user.id }));
    }
    let rules = state.settings.login.clone();
    state
        .db
        .write(move |conn| Ok(throttle.record_failure(conn, UtcTime::now(), &rules)?))
        .await?;
    Ok(None)
}
