status_table::status_table!("tests/ui/fixtures/empty.md");

fn main() {}
