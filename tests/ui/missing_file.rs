status_table::status_table!("tests/documents/fixtures/ui/does_not_exist.md");

fn main() {}
