status_table::status_table!("tests/documents/fixtures/ui/out_of_range.md");

fn main() {}
