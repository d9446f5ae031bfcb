//! Prints the model and diagnostics of a document (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump <document>");
    let bytes = std::fs::read(&path).expect("readable document");
    let expansion = status_codegen::expand(&path, &bytes, &status_codegen::Options::default());
    for e in &expansion.table.entries {
        println!(
            "{} {} {:?} {:?} line {}",
            e.code, e.name, e.description, e.section, e.line
        );
    }
    for d in &expansion.diagnostics {
        println!("{d}");
    }
}
