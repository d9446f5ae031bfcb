status_table::status_table!("tests/documents/fixtures/ui/no_table.md");

fn main() {}
