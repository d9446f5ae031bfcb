status_table::status_table!("tests/documents/fixtures/ui/not_a_number.md");

fn main() {}
