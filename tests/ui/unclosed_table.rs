status_table::status_table!("tests/documents/fixtures/ui/unclosed_table.md");

fn main() {}
