status_table::status_table!("tests/documents/fixtures/ui/directory.md");

fn main() {}
