status_table::status_table!("tests/ui/fixtures/not_utf8.md");

fn main() {}
