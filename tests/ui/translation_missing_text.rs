status_table::status_table!(
    "tests/documents/fixtures/translations/orders.zh.md",
    lang = "zh",
    translation(en = "tests/documents/fixtures/translations/orders.partial.en.md"),
);

fn main() {}
