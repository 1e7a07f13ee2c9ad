//! `POST /certificates/{id}/sign`: a certifier signs a draft with their password typed again
//! (21 CFR Part 11 §11.200). The first signature of a side issues nothing; the second, from
//! the other side, issues the document. A wrong password is counted as a failed sign-in.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::load;
use crate::auth::Certifier;
use crate::auth::reauth;
use crate::error::AppError;
use crate::models::certificate::CertificateId;
use crate::web::client::ClientAddress;
use crate::web::{AppState, Base, answer, render_status};
use crate::workflows::apply;
use crate::workflows::certificates::{self, Issuing, Signed};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignForm {
    pub version: String,
    pub password: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    who: Certifier,
    client: ClientAddress,
    id: web::Path<CertificateId>,
    form: web::Form<SignForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let staff = who.0;
    let SignForm { version, password } = form.into_inner();
    let version: i32 = version.trim().parse().map_err(|_| AppError::BadRequest)?;
    let Some(proof) = reauth::confirm(&state, &staff, &client.0, password).await? else {
        let mut page = load(&state, base, staff.user, id).await?;
        page.password_error = Some("certification.password_wrong");
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let issuing = Issuing::from_settings(&state.settings, state.keyring.clone());
    let by = staff.clone();
    let change = apply(&state.db, move |conn| {
        certificates::sign(conn, &by, &proof, id, version, &issuing)
    })
    .await?;
    answer(
        change,
        |signed| match signed {
            Signed::First => format!("/certificates/{id}"),
            Signed::Issued(_) => format!("/certificates/{id}?issued=1"),
        },
        async |notice| {
            let mut page = load(&state, base, staff.user, id).await?;
            page.notice = Some(notice);
            Ok(page)
        },
    )
    .await
}
