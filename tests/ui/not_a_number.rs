status_table::status_table!("tests/ui/fixtures/not_a_number.md");

fn main() {}
