//! The command line (a stable interface, see DESIGN.md): `serve` (default), `migrate`,
//! `create-user`, `seed-demo`, `verify-audit`. Errors go to stderr with a non-zero exit.

use std::io::BufRead;
use std::time::Duration;

use crate::auth::{password, token};
use crate::config::Settings;
use crate::db::{Db, run_migrations, write_tx};
use crate::domain::{Bin, DisplayName, Email, NewPassword, Role, Side};
use crate::i18n::Lang;
use crate::models::audit::{self, ChainReport};
use crate::models::user::Account;
use crate::models::{Actor, BorderPost, Exporter, User};
use crate::startup::{Application, open_database};

pub const USAGE: &str = "\
usage: jointlab [COMMAND]

commands:
  serve                      run the web server (the default)
  migrate                    apply pending database migrations and exit
  create-user --email E --role R [--side kz|cn] [--exporter BIN] [--post CODE]
              [--name NAME] [--password-stdin]
                             create an account; without --password-stdin a one-time
                             password is generated and printed once
  seed-demo [--password P]   create demo companies and accounts for every role and side
  verify-audit               check the audit chain; exit 0 when it holds
  help                       show this text";

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Serve,
    Migrate,
    CreateUser(NewUserArgs),
    SeedDemo { password: Option<String> },
    VerifyAudit,
    Help,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct NewUserArgs {
    pub email: String,
    pub role: String,
    pub side: Option<String>,
    pub exporter: Option<String>,
    pub post: Option<String>,
    pub name: Option<String>,
    pub password_stdin: bool,
}

impl Command {
    pub fn parse(args: &[String]) -> Result<Command, String> {
        let Some((first, rest)) = args.split_first() else {
            return Ok(Command::Serve);
        };
        let mut flags = Flags::new(rest);
        let command = match first.as_str() {
            "serve" => Command::Serve,
            "migrate" => Command::Migrate,
            "verify-audit" => Command::VerifyAudit,
            "help" | "--help" | "-h" => Command::Help,
            "seed-demo" => Command::SeedDemo {
                password: flags.value("--password")?,
            },
            "create-user" => Command::CreateUser(NewUserArgs {
                email: flags.value("--email")?.ok_or("create-user needs --email")?,
                role: flags.value("--role")?.ok_or("create-user needs --role")?,
                side: flags.value("--side")?,
                exporter: flags.value("--exporter")?,
                post: flags.value("--post")?,
                name: flags.value("--name")?,
                password_stdin: flags.switch("--password-stdin"),
            }),
            other => return Err(format!("unknown command {other:?}")),
        };
        flags.finish()?;
        Ok(command)
    }
}

/// `--flag value` pairs and bare switches; anything left over is an error.
struct Flags {
    args: Vec<Option<String>>,
}

impl Flags {
    fn new(args: &[String]) -> Self {
        Flags {
            args: args.iter().cloned().map(Some).collect(),
        }
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.args.iter().position(|a| a.as_deref() == Some(name))
    }

    fn value(&mut self, name: &str) -> Result<Option<String>, String> {
        let Some(i) = self.position(name) else {
            return Ok(None);
        };
        self.args[i] = None;
        match self.args.get_mut(i + 1).and_then(Option::take) {
            Some(v) if !v.starts_with("--") => Ok(Some(v)),
            _ => Err(format!("{name} needs a value")),
        }
    }

    fn switch(&mut self, name: &str) -> bool {
        self.position(name).map(|i| self.args[i] = None).is_some()
    }

    fn finish(self) -> Result<(), String> {
        match self.args.into_iter().flatten().next() {
            Some(extra) => Err(format!("unexpected argument {extra:?}")),
            None => Ok(()),
        }
    }
}

pub fn run(command: Command, settings: Settings) -> Result<(), String> {
    match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Serve => serve(settings),
        Command::Migrate => {
            let db = connect(&settings)?;
            let mut conn = db.get().map_err(|e| e.to_string())?;
            let applied = run_migrations(&mut conn).map_err(|e| e.to_string())?;
            println!("{} migration(s) applied", applied.len());
            Ok(())
        }
        Command::VerifyAudit => {
            let db = connect(&settings)?;
            let mut conn = db.get().map_err(|e| e.to_string())?;
            match audit::verify(&mut conn).map_err(|e| e.to_string())? {
                ChainReport::Intact { events } => {
                    println!("audit chain intact: {events} event(s)");
                    Ok(())
                }
                ChainReport::Broken { seq, id, reason } => Err(format!(
                    "audit chain broken at event #{seq} ({id}): {reason}"
                )),
            }
        }
        Command::CreateUser(args) => {
            let db = open_database(&settings)?;
            create_user(&db, args)
        }
        Command::SeedDemo { password } => {
            let db = open_database(&settings)?;
            let password = password.unwrap_or_else(|| crate::demo::DEFAULT_PASSWORD.to_owned());
            let rows = crate::demo::seed_demo(&db, &password).map_err(|e| e.to_string())?;
            println!("{}", crate::demo::table(&rows));
            Ok(())
        }
    }
}

fn connect(settings: &Settings) -> Result<Db, String> {
    Db::connect(
        &settings.database.url,
        settings.database.pool_size,
        Duration::from_secs(settings.database.connect_timeout_seconds),
    )
}

fn serve(settings: Settings) -> Result<(), String> {
    actix_web::rt::System::new().block_on(async move {
        let listen = settings.server.listen.clone();
        let app = Application::build(settings)?;
        if let Some((email, password)) = ensure_first_admin(app.db()).map_err(|e| e.to_string())? {
            println!(
                "\n  jointlab: first administrator created; this password is shown only once.\n\
                 \n    e-mail:    {email}\n    password:  {password}\n\
                 \n  Sign in and choose your own password.\n"
            );
        }
        println!(
            "jointlab listening on http://{}",
            listen.replace(":0", &format!(":{}", app.port()))
        );
        app.run_until_stopped().await.map_err(|e| e.to_string())
    })
}

/// On an empty database, creates `admin@jointlab.local` with a one-time password and returns
/// both so they can be printed once.
pub fn ensure_first_admin(db: &Db) -> Result<Option<(String, String)>, crate::error::AppError> {
    let mut conn = db.get()?;
    let (one_time, hash) = password::one_time();
    write_tx(&mut conn, |conn| {
        if User::count(conn)? > 0 {
            return Ok(None);
        }
        let account = Account::new(
            Email::parse("admin@jointlab.local").expect("valid"),
            DisplayName::parse("Administrator").expect("valid"),
            Role::Admin,
            None,
            None,
            None,
            Lang::En,
        )
        .expect("an administrator needs no side or links");
        let user = User::create(conn, &Actor::system("first-start"), &account, &hash, true)?;
        Ok(Some((user.email, one_time)))
    })
}

fn create_user(db: &Db, args: NewUserArgs) -> Result<(), String> {
    let email =
        Email::parse(&args.email).map_err(|_| format!("invalid e-mail {:?}", args.email))?;
    let role = Role::parse(&args.role).ok_or_else(|| {
        let roles: Vec<&str> = Role::ALL.iter().map(Role::as_str).collect();
        format!(
            "unknown role {:?} (one of: {})",
            args.role,
            roles.join(", ")
        )
    })?;
    let side = match args.side.as_deref() {
        None => None,
        Some(s) => Some(Side::parse(s).ok_or_else(|| format!("unknown side {s:?} (kz or cn)"))?),
    };
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or("").to_owned());
    let name = DisplayName::parse(&name).map_err(|_| "invalid --name".to_owned())?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    let exporter_id = match args.exporter.as_deref() {
        None => None,
        Some(b) => {
            let bin = Bin::parse(b).map_err(|_| format!("invalid BIN {b:?}"))?;
            let company = Exporter::find_by_bin(&mut conn, &bin).map_err(|e| e.to_string())?;
            Some(
                company
                    .ok_or_else(|| format!("no exporter company with BIN {b}"))?
                    .id,
            )
        }
    };
    let border_post_id = match args.post.as_deref() {
        None => None,
        Some(code) => {
            let post = BorderPost::find_by_code(&mut conn, code).map_err(|e| e.to_string())?;
            Some(
                post.ok_or_else(|| format!("no border post {code:?} (NZH, ALT, DST, ALK, KLZ)"))?
                    .id,
            )
        }
    };
    let language = side.map_or(
        Lang::Ru,
        |s| if s == Side::Cn { Lang::Zh } else { Lang::Kk },
    );
    let account = Account::new(
        email,
        name,
        role,
        side,
        exporter_id,
        border_post_id,
        language,
    )
    .map_err(|errors| {
        errors
            .iter()
            .map(|(field, key)| format!("{field}: {}", crate::i18n::t(Lang::En, key)))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let (secret, must_change) = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        let line = line.trim_end_matches(['\r', '\n']);
        let p = NewPassword::parse(line, line)
            .map_err(|key| crate::i18n::t(Lang::En, key).to_owned())?;
        (p.expose().to_owned(), false)
    } else {
        (token::readable_password(), true)
    };
    let hash = password::hash(&secret);
    let user = write_tx(&mut conn, |conn| {
        if User::find_by_email(conn, account.email.as_str())?.is_some() {
            return Ok(Err(format!(
                "an account with e-mail {} already exists",
                account.email.as_str()
            )));
        }
        User::create(
            conn,
            &Actor::system("create-user"),
            &account,
            &hash,
            must_change,
        )
        .map(Ok)
    })
    .map_err(|e: diesel::result::Error| e.to_string())??;
    println!(
        "created {} ({}{})",
        user.email,
        user.role,
        user.side.map(|s| format!(", {s}")).unwrap_or_default()
    );
    if must_change {
        println!("one-time password (shown once): {secret}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_commands() {
        assert_eq!(Command::parse(&[]).unwrap(), Command::Serve);
        assert_eq!(
            Command::parse(&args("verify-audit")).unwrap(),
            Command::VerifyAudit
        );
        let Command::CreateUser(a) = Command::parse(&args(
            "create-user --email a@b.kz --role analyst --side kz --password-stdin",
        ))
        .unwrap() else {
            panic!("not create-user")
        };
        assert_eq!(
            (
                a.email.as_str(),
                a.role.as_str(),
                a.side.as_deref(),
                a.password_stdin
            ),
            ("a@b.kz", "analyst", Some("kz"), true)
        );
        assert!(Command::parse(&args("create-user --role admin")).is_err());
        assert!(Command::parse(&args("create-user --email x@y.kz --role admin --bogus")).is_err());
        assert!(Command::parse(&args("seed-demo --password")).is_err());
        assert!(Command::parse(&args("launch")).is_err());
    }
}
