status_table::status_table!(
    "tests/documents/fixtures/ui/same_variant_name.md",
    rename(201 = Ok),
);

fn main() {}
