status_table::status_table!("tests/ui/fixtures/does_not_exist.md");

fn main() {}
