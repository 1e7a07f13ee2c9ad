use std::process::ExitCode;

fn main() -> ExitCode {
    let command = match jointlab::cli::Command::parse_args(std::env::args_os().skip(1)) {
        Ok(command) => command,
        // Help goes to stdout with exit 0; a usage error to stderr with exit 2.
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    jointlab::telemetry::init();
    let settings = match jointlab::config::Settings::load() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("error: configuration: {e}");
            return ExitCode::FAILURE;
        }
    };
    match jointlab::cli::run(command, settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
