status_table::status_table!("tests/documents/fixtures/ui/empty_description.md");

fn main() {}
