status_table::status_table!("tests/documents/fixtures/ui/no_code_column.md");

fn main() {}
