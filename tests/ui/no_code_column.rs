status_table::status_table!("tests/ui/fixtures/no_code_column.md");

fn main() {}
