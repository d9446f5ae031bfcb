status_table::status_table!(
    "tests/documents/fixtures/rows/typos.md",
    code("DCS. 4855" = "DCS.4855"),
    status("DCS.4856" = 400),
    skip("DCS.9999"),
);

fn main() {}
