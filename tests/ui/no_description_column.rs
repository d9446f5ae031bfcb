status_table::status_table!("tests/ui/fixtures/no_description_column.md");

fn main() {}
