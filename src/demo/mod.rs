//! `jointlab seed-demo`: demo companies and an account for every role and side, so that a
//! newcomer can see each role's pages. Running it again changes nothing that exists.

pub mod border;
pub mod bulk;
pub mod catalog;
pub mod certificates;
pub mod eligibility;
pub mod intake;
mod rows;
pub mod testing;

use crate::auth::password;
use crate::db::{Db, write_tx};
use crate::domain::{Bin, DisplayName, Email, Role, Side};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::exporter::NewExporter;
use crate::models::user::Account;
use crate::models::{Actor, BorderPost, Exporter, User};

pub const DEFAULT_PASSWORD: &str = "jointlab-demo";

/// The demo companies: name, first 11 digits of the BIN, address, contact.
const COMPANIES: &[(&str, &str, &str, &str)] = &[
    (
        "Zhetysu Grain LLP",
        "08014000123",
        "Taldykorgan, Abylai Khan 12",
        "office@zhetysu-grain.kz",
    ),
    (
        "Altyn Dala Meat JSC",
        "11024000457",
        "Almaty, Raiymbek 348",
        "export@altyndala.kz",
    ),
];

/// (e-mail, name, role, side, company index, post code, language)
type DemoUser = (
    &'static str,
    &'static str,
    Role,
    Option<Side>,
    Option<usize>,
    Option<&'static str>,
    Lang,
);

const USERS: &[DemoUser] = &[
    (
        "admin@demo.jointlab.local",
        "Daniyar Omarov",
        Role::Admin,
        None,
        None,
        None,
        Lang::En,
    ),
    (
        "registrar.kz@demo.jointlab.local",
        "Aigerim Sadykova",
        Role::Registrar,
        Some(Side::Kz),
        None,
        None,
        Lang::Kk,
    ),
    (
        "registrar.cn@demo.jointlab.local",
        "王磊 Wang Lei",
        Role::Registrar,
        Some(Side::Cn),
        None,
        None,
        Lang::Zh,
    ),
    (
        "analyst.kz@demo.jointlab.local",
        "Madina Zhakupova",
        Role::Analyst,
        Some(Side::Kz),
        None,
        None,
        Lang::Ru,
    ),
    (
        "analyst.cn@demo.jointlab.local",
        "李娜 Li Na",
        Role::Analyst,
        Some(Side::Cn),
        None,
        None,
        Lang::Zh,
    ),
    (
        "reviewer.kz@demo.jointlab.local",
        "Yerlan Nurpeisov",
        Role::Reviewer,
        Some(Side::Kz),
        None,
        None,
        Lang::Kk,
    ),
    (
        "reviewer.cn@demo.jointlab.local",
        "张伟 Zhang Wei",
        Role::Reviewer,
        Some(Side::Cn),
        None,
        None,
        Lang::Zh,
    ),
    (
        "certifier.kz@demo.jointlab.local",
        "Gulnara Abenova",
        Role::Certifier,
        Some(Side::Kz),
        None,
        None,
        Lang::Ru,
    ),
    (
        "certifier.cn@demo.jointlab.local",
        "陈静 Chen Jing",
        Role::Certifier,
        Some(Side::Cn),
        None,
        None,
        Lang::Zh,
    ),
    (
        "auditor.kz@demo.jointlab.local",
        "Askar Tulegenov",
        Role::Auditor,
        Some(Side::Kz),
        None,
        None,
        Lang::Ru,
    ),
    (
        "auditor.cn@demo.jointlab.local",
        "刘洋 Liu Yang",
        Role::Auditor,
        Some(Side::Cn),
        None,
        None,
        Lang::Zh,
    ),
    (
        "exporter@zhetysu-grain.kz",
        "Bolat Iskakov",
        Role::Exporter,
        None,
        Some(0),
        None,
        Lang::Ru,
    ),
    (
        "exporter@altyndala.kz",
        "Saule Kenzhebayeva",
        Role::Exporter,
        None,
        Some(1),
        None,
        Lang::Ru,
    ),
    (
        "inspector.nzh@demo.jointlab.local",
        "Nurlan Dzhaksybekov",
        Role::Inspector,
        None,
        None,
        Some("NZH"),
        Lang::Kk,
    ),
    (
        "inspector.alt@demo.jointlab.local",
        "Yerlan Suleimenov",
        Role::Inspector,
        None,
        None,
        Some("ALT"),
        Lang::Kk,
    ),
    (
        "inspector.dst@demo.jointlab.local",
        "Timur Akhmetov",
        Role::Inspector,
        None,
        None,
        Some("DST"),
        Lang::Ru,
    ),
];

/// One line of the printed table.
pub struct SeededUser {
    pub email: String,
    pub role: Role,
    pub side: Option<Side>,
    pub scope: String,
    /// The password, when this run created the account.
    pub password: Option<String>,
}

pub fn seed_demo(
    db: &Db,
    demo_password: &str,
    issuing: &crate::workflows::certificates::Issuing,
) -> Result<Vec<SeededUser>, AppError> {
    let hash = password::hash(demo_password);
    let actor = Actor::system("seed-demo");
    let mut conn = db.get()?;
    write_tx(&mut conn, |conn| {
        crate::demo::catalog::seed_catalog(conn, &actor)?;
        let mut companies = Vec::new();
        for (name, prefix, address, contact) in COMPANIES {
            let bin = Bin::complete(prefix)
                .ok_or_else(|| AppError::internal("demo BIN prefix has no check digit"))?;
            let company = match Exporter::find_by_bin(conn, &bin)? {
                Some(c) => c,
                None => NewExporter::new(name, &bin, address, contact).insert(conn)?,
            };
            companies.push(company);
        }
        crate::demo::eligibility::seed_eligibility(conn, &actor, &companies)?;
        let mut rows = Vec::new();
        for (email, name, role, side, company, post, lang) in USERS {
            let post = match post {
                Some(code) => BorderPost::find_by_code(conn, code)?,
                None => None,
            };
            let company = company.map(|i| &companies[i]);
            let scope = match (company, &post) {
                (Some(c), _) => format!("{} (BIN {})", c.name, c.bin),
                (None, Some(p)) => format!("{} {}", p.code, p.name_en),
                _ => String::new(),
            };
            let exists = User::find_by_email(conn, email)?.is_some();
            if !exists {
                let account = Account::new(
                    Email::parse(email).map_err(AppError::internal)?,
                    DisplayName::parse(name).map_err(AppError::internal)?,
                    *role,
                    *side,
                    company.map(|c| c.id),
                    post.as_ref().map(|p| p.id),
                    *lang,
                )
                .map_err(|e| AppError::internal(format!("demo account {email}: {e:?}")))?;
                crate::workflows::accounts::create(conn, &actor, &account, &hash, false)?;
            }
            rows.push(SeededUser {
                email: (*email).to_owned(),
                role: *role,
                side: *side,
                scope,
                password: (!exists).then(|| demo_password.to_owned()),
            });
        }
        crate::demo::intake::seed_intake(conn, &actor, &issuing.site)?;
        crate::demo::testing::seed_testing(conn, &actor, &issuing.site)?;
        crate::demo::certificates::seed_certificates(conn, issuing)?;
        crate::demo::border::seed_border_checks(conn)?;
        Ok(rows)
    })
}

/// The accounts as a plain-text table.
pub fn table(rows: &[SeededUser]) -> String {
    let mut out = format!(
        "{:<36} {:<10} {:<5} {:<36} {}\n",
        "e-mail", "role", "side", "company / border post", "password"
    );
    for r in rows {
        out.push_str(&format!(
            "{:<36} {:<10} {:<5} {:<36} {}\n",
            r.email,
            r.role.as_str(),
            r.side.map(|s| s.as_str()).unwrap_or("-"),
            r.scope,
            r.password
                .as_deref()
                .unwrap_or("(already existed, unchanged)")
        ));
    }
    out
}
