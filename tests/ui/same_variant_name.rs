status_table::status_table!("tests/documents/fixtures/ui/same_variant_name.md");

fn main() {}
