status_table::status_table!("tests/ui/fixtures/no_table.md");

fn main() {}
