//! `status-table expand`: the code the macro generates for one document,
//! formatted; the document's problems (and the options') located, and no code
//! when there are any, as a compiler does.

use std::io::Write;
use std::path::Path;

use status_codegen::load;

use crate::arguments::{current_dir, invocation_of, option_error};
use crate::committed::format_tokens;

/// Runs `expand`.
pub(crate) fn run(
    document: &Path,
    options: &str,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let (path, invocation) = invocation_of(document, options)?;
    if !invocation.errors().is_empty() {
        for error in invocation.errors() {
            let _ = writeln!(stderr, "error: {}", option_error(error));
        }
        return Ok(2);
    }
    let loaded = load::load(&path, invocation.options(), &current_dir()?);
    let expansion = loaded.expansion();
    for diagnostic in expansion.diagnostics() {
        let _ = writeln!(stderr, "error: {diagnostic}\n");
    }
    for error in expansion.invocation_errors() {
        let _ = writeln!(stderr, "error: {}\n", option_error(error));
    }
    if !expansion.is_ok() {
        // Like a compiler: no output when there are errors (the stand-in type
        // the macro emits then is for rustc's sake, not a reader's).
        return Ok(1);
    }
    let code = format_tokens(expansion.tokens())?;
    stdout
        .write_all(code.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(0)
}
