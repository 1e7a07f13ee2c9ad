//! The command line (a stable interface, see DESIGN.md): `serve` (default), `migrate`,
//! `create-user`, `seed-demo`, `verify-audit`, and the signing keys' `rotate-keys`,
//! `revoke-key`, `list-keys`, and the SQLite database's `backup` and `restore`. Errors go to stderr with a non-zero exit.

use std::ffi::OsString;
use std::io::BufRead;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};

use crate::auth::{password, token};
use crate::config::Settings;
use crate::db::{Db, run_migrations, write_tx};
use crate::domain::{Bin, DisplayName, Email, NewPassword, PasswordOwner, Role, Side};
use crate::i18n::Lang;
use crate::models::audit::{self, ChainReport};
use crate::models::user::Account;
use crate::models::{Actor, BorderPost, Exporter, User};
use crate::signing;
use crate::startup::{Application, open_database};
use crate::workflows::{Change, accounts, apply_on};

/// jointlab: the laboratory information system of the joint Kazakh–Chinese
/// phyto-veterinary laboratory.
#[derive(Debug, Parser)]
#[command(name = "jointlab", version, disable_version_flag = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Run the web server (the default)
    Serve,
    /// Apply pending database migrations and exit
    Migrate,
    /// Create an account; without --password-stdin a one-time password is generated and
    /// printed once
    CreateUser(NewUserArgs),
    /// Create demo companies and accounts for every role and side
    SeedDemo {
        /// The demo accounts' password [default: jointlab-demo]
        #[arg(long, value_name = "P")]
        password: Option<String>,
    },
    /// Check the audit chain; exit 0 when it holds, else name the first broken event
    VerifyAudit,
    /// Write years of realistic history (on top of seed-demo, which it runs first), for
    /// measuring the pages at scale
    SeedBulk {
        /// How many samples
        #[arg(long, value_name = "N")]
        samples: u64,
        /// Over how many years, ending now
        #[arg(long, value_name = "Y", default_value_t = 10)]
        years: u32,
    },
    /// Make a new certificate-signing key; it signs from now, or from --from while the
    /// current key signs until then. Older keys are retained: their tokens still verify
    RotateKeys {
        /// When the new key starts signing (RFC 3339, e.g. 2026-07-01T00:00:00Z); it is
        /// published at once so that verifiers hold it before its first token
        #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
        from: Option<DateTime<Utc>>,
    },
    /// Revoke a leaked signing key: unpublished, and no token it signed verifies. The key
    /// that signs now is refused: rotate first
    RevokeKey {
        /// The key's id, as list-keys shows it (base64url: it may begin with `-`)
        #[arg(allow_hyphen_values = true)]
        kid: String,
    },
    /// List the signing keys: kid, status, active from
    ListKeys,
    /// Write a consistent copy of the SQLite database to FILE (a new file) while the server
    /// runs. On PostgreSQL use pg_dump -Fc
    Backup {
        /// Where to write the copy; it must not exist yet
        file: std::path::PathBuf,
    },
    /// Replace the SQLite database by the backup FILE once it passes the integrity, migration
    /// and audit-chain checks. Stop the server first; the old file is kept beside the new
    Restore {
        /// The backup to put in place
        file: std::path::PathBuf,
    },
    /// Check a certificate token offline against a saved JWK Set (/.well-known/jwks.json) and
    /// revocation list (/.well-known/revocations.json); exit 0 only when it is VALID
    VerifyToken {
        /// The token: what follows /v/ in the certificate's QR code
        token: String,
        /// The saved JWK Set
        #[arg(long, value_name = "FILE")]
        jwks: std::path::PathBuf,
        /// The saved revocation list; without it a revoked certificate shows VALID
        #[arg(long, value_name = "FILE")]
        revocations: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, PartialEq, Eq, Args)]
pub struct NewUserArgs {
    #[arg(long, value_name = "E", value_parser = parse_email)]
    pub email: Email,
    /// admin, registrar, analyst, reviewer, certifier, exporter, inspector or auditor
    #[arg(long, value_name = "R", value_parser = parse_role)]
    pub role: Role,
    /// The lab side of a lab role
    #[arg(long, value_name = "kz|cn", value_parser = parse_side)]
    pub side: Option<Side>,
    /// The BIN of an exporter's company
    #[arg(long, value_name = "BIN", value_parser = parse_bin)]
    pub exporter: Option<Bin>,
    /// The border post of an inspector: NZH, ALT, DST, ALK or KLZ
    #[arg(long, value_name = "CODE")]
    pub post: Option<String>,
    /// The name shown in lists and the audit log [default: the e-mail's local part]
    #[arg(long, value_name = "NAME", value_parser = parse_name)]
    pub name: Option<DisplayName>,
    /// Read the password from the first line of standard input
    #[arg(long)]
    pub password_stdin: bool,
}

fn parse_email(s: &str) -> Result<Email, String> {
    Email::parse(s).map_err(|_| format!("invalid e-mail {s:?}"))
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| {
        let roles: Vec<&str> = Role::ALL.iter().map(Role::as_str).collect();
        format!("unknown role {s:?} (one of: {})", roles.join(", "))
    })
}

fn parse_side(s: &str) -> Result<Side, String> {
    Side::parse(s).ok_or_else(|| format!("unknown side {s:?} (kz or cn)"))
}

fn parse_bin(s: &str) -> Result<Bin, String> {
    Bin::parse(s).map_err(|_| format!("invalid BIN {s:?}"))
}

fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("not an RFC 3339 instant: {s:?} (e.g. 2026-07-01T00:00:00Z)"))
}

fn parse_name(s: &str) -> Result<DisplayName, String> {
    DisplayName::parse(s).map_err(|key| crate::i18n::t(Lang::En, key).to_owned())
}

impl Command {
    /// Parses the arguments that follow the program's name; no subcommand means `serve`.
    /// `help`, `--help` and every usage error come back as a [`clap::Error`]: print it with
    /// `Error::print` and exit with `Error::exit_code` (0 for help, 2 for a usage error).
    pub fn parse_args<I, T>(args: I) -> Result<Command, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let argv =
            std::iter::once(OsString::from("jointlab")).chain(args.into_iter().map(Into::into));
        let cli = Cli::try_parse_from(argv)?;
        Ok(cli.command.unwrap_or(Command::Serve))
    }
}

pub fn run(command: Command, settings: Settings) -> Result<(), String> {
    match command {
        Command::Serve => serve(settings),
        Command::Migrate => {
            let db = connect(&settings)?;
            let mut conn = db.get().map_err(|e| e.to_string())?;
            let applied = run_migrations(&mut conn).map_err(|e| e.to_string())?;
            for version in &applied {
                tracing::info!(version, "applied migration");
            }
            println!("{} migration(s) applied", applied.len());
            Ok(())
        }
        Command::VerifyAudit => {
            // Reading only: a missing SQLite file is an error, never created empty.
            let db = Db::open_existing(
                &settings.database.url,
                1,
                Duration::from_secs(settings.database.connect_timeout_seconds),
            )?;
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
        Command::RotateKeys { from } => {
            println!(
                "{}",
                signing::commands::rotate_keys(&settings.keys_file(), Utc::now(), from)?
            );
            Ok(())
        }
        Command::RevokeKey { kid } => {
            println!(
                "{}",
                signing::commands::revoke_key(&settings.keys_file(), &kid, Utc::now())?
            );
            Ok(())
        }
        Command::VerifyToken {
            token,
            jwks,
            revocations,
        } => {
            let read = |path: &std::path::Path| {
                std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))
            };
            let keys: serde_json::Value = serde_json::from_str(&read(&jwks)?)
                .map_err(|e| format!("{} is not a JWK Set: {e}", jwks.display()))?;
            let list = revocations.as_deref().map(read).transpose()?;
            // The token as scanned: the whole verification URL is accepted too.
            let token = token.rsplit("/v/").next().unwrap_or(&token);
            let checked = signing::offline::verify(token, &keys, list.as_deref(), Utc::now())?;
            println!("{}", checked.report);
            if checked.verdict.is_valid() {
                Ok(())
            } else {
                Err(format!(
                    "the certificate is not valid: {}",
                    checked.verdict.as_str().to_uppercase().replace('_', " ")
                ))
            }
        }
        Command::ListKeys => {
            println!(
                "{}",
                signing::commands::list_keys(&settings.keys_file(), Utc::now())?
            );
            Ok(())
        }
        Command::Backup { file } => {
            let summary = crate::db::backup::backup(&settings.database.url, &file)?;
            println!("backup written to {}: {summary}", file.display());
            Ok(())
        }
        Command::Restore { file } => {
            let (summary, kept) = crate::db::backup::restore(&settings.database.url, &file)?;
            println!("restored {}: {summary}", file.display());
            if let Some(kept) = kept {
                println!("the previous database is kept as {}", kept.display());
            }
            Ok(())
        }
        Command::CreateUser(args) => {
            let db = open_database(&settings)?;
            create_user(&db, args)
        }
        Command::SeedDemo { password } => {
            let db = open_database(&settings)?;
            let password = password.unwrap_or_else(|| crate::demo::DEFAULT_PASSWORD.to_owned());
            // The demo accounts share one password, so it is held to the policy without
            // an owner; the default `jointlab-demo` passes it.
            let nobody = PasswordOwner {
                email: "",
                display_name: "",
            };
            NewPassword::parse(&password, &password, &nobody)
                .map_err(|key| crate::i18n::t(Lang::En, key).to_owned())?;
            let keyring = crate::signing::SharedKeyring::open(settings.keys_file())
                .map_err(|e| format!("signing keys: {e}"))?;
            let issuing =
                crate::workflows::certificates::Issuing::from_settings(&settings, keyring);
            let rows =
                crate::demo::seed_demo(&db, &password, &issuing).map_err(|e| e.to_string())?;
            println!("{}", crate::demo::table(&rows));
            Ok(())
        }
        Command::SeedBulk { samples, years } => {
            let db = open_database(&settings)?;
            let keyring = crate::signing::SharedKeyring::open(settings.keys_file())
                .map_err(|e| format!("signing keys: {e}"))?;
            let issuing =
                crate::workflows::certificates::Issuing::from_settings(&settings, keyring);
            crate::demo::seed_demo(&db, crate::demo::DEFAULT_PASSWORD, &issuing)
                .map_err(|e| e.to_string())?;
            let started = std::time::Instant::now();
            let plan = crate::demo::bulk::BulkPlan { samples, years };
            let report =
                crate::demo::bulk::seed_bulk(&db, &plan, &issuing).map_err(|e| e.to_string())?;
            let documents: Vec<String> = report
                .certificates
                .iter()
                .map(|(status, n)| format!("{n} {status}"))
                .collect();
            println!(
                "{} samples, {} consignments, {} applications, {} exporters, {} tests, \
                 {} custody events, {} discrepancies, documents: {} ({} of them notices), \
                 {} border checks, {} GACC registrations, {} audit events in {:.1} s",
                report.samples,
                report.consignments,
                report.applications,
                report.exporters,
                report.tests,
                report.custody_events,
                report.discrepancies,
                documents.join(", "),
                report.notices,
                report.border_checks,
                report.gacc_registrations,
                report.audit_events,
                started.elapsed().as_secs_f64()
            );
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
        let user = accounts::create(conn, &Actor::system("first-start"), &account, &hash, true)?;
        Ok(Some((user.email, one_time)))
    })
}

fn create_user(db: &Db, args: NewUserArgs) -> Result<(), String> {
    let NewUserArgs {
        email,
        role,
        side,
        exporter,
        post,
        name,
        password_stdin,
    } = args;
    let name = match name {
        Some(name) => name,
        None => {
            let local = email.as_str().split('@').next().unwrap_or("");
            DisplayName::parse(local).map_err(|_| "invalid --name".to_owned())?
        }
    };
    let mut conn = db.get().map_err(|e| e.to_string())?;
    let exporter_id = match exporter {
        None => None,
        Some(bin) => {
            let company = Exporter::find_by_bin(&mut conn, &bin).map_err(|e| e.to_string())?;
            Some(
                company
                    .ok_or_else(|| format!("no exporter company with BIN {}", bin.as_str()))?
                    .id,
            )
        }
    };
    let border_post_id = match post.as_deref() {
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
    let (secret, must_change) = if password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        let line = line.trim_end_matches(['\r', '\n']);
        let owner = PasswordOwner {
            email: account.email.as_str(),
            display_name: account.display_name.as_str(),
        };
        let p = NewPassword::parse(line, line, &owner)
            .map_err(|key| crate::i18n::t(Lang::En, key).to_owned())?;
        (p.expose().to_owned(), false)
    } else {
        (token::readable_password(), true)
    };
    let hash = password::hash(&secret);
    let change = apply_on(&mut conn, |conn| {
        accounts::create(
            conn,
            &Actor::system("create-user"),
            &account,
            &hash,
            must_change,
        )
    })
    .map_err(|e| e.to_string())?;
    let user = match change {
        Change::Done(user) => user,
        Change::Stale | Change::Refused(_) => {
            return Err(format!(
                "an account with e-mail {} already exists",
                account.email.as_str()
            ));
        }
    };
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
    use clap::error::ErrorKind;

    use super::*;

    fn parse(line: &str) -> Result<Command, clap::Error> {
        Command::parse_args(line.split_whitespace())
    }

    fn refused(line: &str) -> clap::Error {
        let e = parse(line).expect_err(line);
        assert_eq!(e.exit_code(), 2, "{line}: a usage error exits 2");
        e
    }

    #[test]
    fn parses_every_command() {
        assert_eq!(parse("").unwrap(), Command::Serve);
        assert_eq!(parse("serve").unwrap(), Command::Serve);
        assert_eq!(parse("migrate").unwrap(), Command::Migrate);
        assert_eq!(parse("verify-audit").unwrap(), Command::VerifyAudit);
        assert_eq!(
            parse("rotate-keys").unwrap(),
            Command::RotateKeys { from: None }
        );
        assert_eq!(
            parse("rotate-keys --from 2026-07-01T05:00:00+05:00").unwrap(),
            Command::RotateKeys {
                from: Some("2026-07-01T00:00:00Z".parse().unwrap())
            }
        );
        assert_eq!(
            parse("revoke-key AbCdEfGhIjKl").unwrap(),
            Command::RevokeKey {
                kid: "AbCdEfGhIjKl".into()
            }
        );
        assert_eq!(
            parse("revoke-key -aoxCELu").unwrap(),
            Command::RevokeKey {
                kid: "-aoxCELu".into()
            },
            "a kid may begin with a dash"
        );
        assert_eq!(parse("list-keys").unwrap(), Command::ListKeys);
        assert_eq!(
            parse("backup /var/backups/jl.db").unwrap(),
            Command::Backup {
                file: "/var/backups/jl.db".into()
            }
        );
        assert_eq!(
            parse("restore jl.db").unwrap(),
            Command::Restore {
                file: "jl.db".into()
            }
        );
        assert_eq!(
            parse("seed-demo").unwrap(),
            Command::SeedDemo { password: None }
        );
        assert_eq!(
            parse("seed-demo --password Demo-2026").unwrap(),
            Command::SeedDemo {
                password: Some("Demo-2026".into())
            }
        );
        let Command::CreateUser(a) = parse(
            "create-user --email A@b.kz --role analyst --side kz --name Aigerim --password-stdin",
        )
        .unwrap() else {
            panic!("not create-user")
        };
        assert_eq!(
            (a.email.as_str(), a.role, a.side, a.password_stdin),
            ("a@b.kz", Role::Analyst, Some(Side::Kz), true)
        );
        assert_eq!(a.name, Some(DisplayName::parse("Aigerim").unwrap()));
        let Command::CreateUser(b) =
            parse("create-user --role inspector --post DST --email i@b.kz").unwrap()
        else {
            panic!("not create-user")
        };
        assert_eq!(
            (b.post.as_deref(), b.side, b.exporter, b.password_stdin),
            (Some("DST"), None, None, false)
        );
    }

    #[test]
    fn usage_errors_name_the_problem_and_exit_2() {
        let missing = refused("create-user --role admin");
        assert_eq!(missing.kind(), ErrorKind::MissingRequiredArgument);
        assert!(missing.to_string().contains("--email"), "{missing}");

        let unknown_flag = refused("create-user --email x@y.kz --role admin --bogus");
        assert_eq!(unknown_flag.kind(), ErrorKind::UnknownArgument);
        assert!(
            unknown_flag.to_string().contains("--bogus"),
            "{unknown_flag}"
        );

        let no_value = refused("seed-demo --password");
        assert_eq!(no_value.kind(), ErrorKind::InvalidValue);

        let unknown_command = refused("launch");
        assert_eq!(unknown_command.kind(), ErrorKind::InvalidSubcommand);
        assert!(unknown_command.to_string().contains("launch"));

        let role = refused("create-user --email x@y.kz --role chemist");
        assert_eq!(role.kind(), ErrorKind::ValueValidation);
        assert!(
            role.to_string().contains("unknown role \"chemist\""),
            "{role}"
        );
        let side = refused("create-user --email x@y.kz --role analyst --side ru");
        assert!(side.to_string().contains("unknown side \"ru\""), "{side}");
        let email = refused("create-user --email not-an-address --role admin");
        assert!(email.to_string().contains("invalid e-mail"), "{email}");
        let bin = refused("create-user --email x@y.kz --role exporter --exporter 123");
        assert!(bin.to_string().contains("invalid BIN"), "{bin}");

        let twice = refused("create-user --email x@y.kz --email z@y.kz --role admin");
        assert_eq!(twice.kind(), ErrorKind::ArgumentConflict);
        let extra = refused("verify-audit now");
        assert_eq!(extra.kind(), ErrorKind::UnknownArgument);

        let instant = refused("rotate-keys --from tomorrow");
        assert_eq!(instant.kind(), ErrorKind::ValueValidation);
        assert!(
            instant.to_string().contains("not an RFC 3339 instant"),
            "{instant}"
        );
        let no_kid = refused("revoke-key");
        assert_eq!(no_kid.kind(), ErrorKind::MissingRequiredArgument);
    }

    #[test]
    fn help_is_not_an_error_and_lists_every_command() {
        for line in ["help", "--help", "-h", "help create-user"] {
            let e = parse(line).expect_err(line);
            assert_eq!(e.kind(), ErrorKind::DisplayHelp, "{line}");
            assert_eq!(e.exit_code(), 0, "{line}");
        }
        let text = parse("help").unwrap_err().to_string();
        for command in [
            "serve",
            "migrate",
            "create-user",
            "seed-demo",
            "verify-audit",
            "rotate-keys",
            "revoke-key",
            "list-keys",
            "backup",
            "restore",
        ] {
            assert!(text.contains(command), "{command} missing from:\n{text}");
        }
        let create = parse("create-user --help").unwrap_err().to_string();
        for flag in [
            "--email",
            "--role",
            "--side",
            "--exporter",
            "--post",
            "--name",
            "--password-stdin",
        ] {
            assert!(create.contains(flag), "{flag} missing from:\n{create}");
        }
    }
}
