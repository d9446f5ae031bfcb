status_table::status_table!("tests/ui/fixtures/fallback_collision.md");

fn main() {}
