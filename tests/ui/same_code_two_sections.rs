status_table::status_table!("tests/ui/fixtures/same_code_two_sections.md");

fn main() {}
