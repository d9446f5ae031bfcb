status_table::status_table!("tests/documents/fixtures/ui/fallback_collision.md");

fn main() {}
