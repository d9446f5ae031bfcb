status_table::status_table!("tests/ui/fixtures/duplicate_code.md");

fn main() {}
