status_table::status_table!("tests/documents/fixtures/ui/no_description_column.md");

fn main() {}
