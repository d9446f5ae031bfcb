status_table::status_table!("tests/documents/fixtures/ui/short_row.md");

fn main() {}
