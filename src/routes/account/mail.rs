//! `POST /account/mail`: which events the user receives by e-mail (every one still reaches
//! the inbox). Audited.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::domain::notice::NoticeKind;
use crate::error::AppError;
use crate::web::{AppState, see_other};
use crate::workflows::{self, accounts};

/// The ticked boxes: one `receive` field per event kind wanted.
#[derive(Deserialize)]
#[serde(from = "Vec<(String, String)>")]
pub struct MailForm {
    receive: Vec<String>,
}

impl From<Vec<(String, String)>> for MailForm {
    fn from(pairs: Vec<(String, String)>) -> Self {
        MailForm {
            receive: pairs
                .into_iter()
                .filter(|(k, _)| k == "receive")
                .map(|(_, v)| v)
                .collect(),
        }
    }
}

pub async fn submit(
    state: web::Data<AppState>,
    user: CurrentUser,
    form: web::Form<MailForm>,
) -> Result<HttpResponse, AppError> {
    let mut wanted = Vec::new();
    for value in &form.receive {
        // The boxes come from a fixed list: anything else is a forged request.
        let kind = NoticeKind::parse(value)
            .filter(|k| k.optional())
            .ok_or(AppError::BadRequest)?;
        wanted.push(kind);
    }
    let opted_out: Vec<NoticeKind> = NoticeKind::choices()
        .filter(|k| !wanted.contains(k))
        .collect();
    let user = user.0;
    workflows::apply(&state.db, move |conn| {
        accounts::set_mail_opt_outs(conn, &user, &opted_out)
    })
    .await?;
    Ok(see_other("/account?saved=mail#mail"))
}
