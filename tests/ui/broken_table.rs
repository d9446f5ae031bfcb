status_table::status_table!("tests/ui/fixtures/broken_table.md");

fn main() {}
