status_table::status_table!("tests/documents/fixtures/ui/broken_table.md");

fn main() {}
