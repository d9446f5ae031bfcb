status_table::status_table!("tests/documents/fixtures/ui/same_code_two_sections.md");

fn main() {}
