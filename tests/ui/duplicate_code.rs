status_table::status_table!("tests/documents/fixtures/ui/duplicate_code.md");

fn main() {}
