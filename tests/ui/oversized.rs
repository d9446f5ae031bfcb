// The fixture is written by tests/ui.rs before the cases run (16 MiB is too
// large to commit).
status_table::status_table!("target/ui-fixtures/oversized.md");

fn main() {}
