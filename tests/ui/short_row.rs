status_table::status_table!("tests/ui/fixtures/short_row.md");

fn main() {}
