status_table::status_table!("tests/ui/fixtures/same_variant_name.md");

fn main() {}
