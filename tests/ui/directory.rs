status_table::status_table!("tests/ui/fixtures/directory.md");

fn main() {}
