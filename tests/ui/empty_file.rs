status_table::status_table!("tests/documents/fixtures/ui/empty.md");

fn main() {}
