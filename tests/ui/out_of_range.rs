status_table::status_table!("tests/ui/fixtures/out_of_range.md");

fn main() {}
