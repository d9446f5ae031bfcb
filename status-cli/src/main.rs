//! `status-table`: expand a document, write the committed expansions, or check
//! them. All the work is in the library, where the tests call it.

fn main() -> std::process::ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    status_cli::run(std::env::args_os(), &mut stdout, &mut stderr)
}
