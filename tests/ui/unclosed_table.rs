status_table::status_table!("tests/ui/fixtures/unclosed_table.md");

fn main() {}
