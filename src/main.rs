use std::process::ExitCode;

fn main() -> ExitCode {
    return_large_blocks();
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

/// Each password check takes 19 MiB (Argon2id, OWASP's parameters) and frees it. glibc would
/// raise its mmap threshold after the first such free and keep every later block in its heaps:
/// a few sign-ins held the server at 100 MB. A fixed threshold of 4 MiB returns them to the
/// system at once (measured: 36–61 MB instead of 79–102 MB over the benchmark at 100 000
/// samples).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_blocks() {
    // SAFETY: mallopt only sets an allocator parameter; called first thing, on one thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_blocks() {}
