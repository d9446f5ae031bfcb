status_table::status_table!("tests/ui/fixtures/empty_description.md");

fn main() {}
