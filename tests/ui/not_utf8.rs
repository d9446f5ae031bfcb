status_table::status_table!("tests/documents/fixtures/ui/not_utf8.md");

fn main() {}
