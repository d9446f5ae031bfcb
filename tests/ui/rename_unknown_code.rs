status_table::status_table!("tables/evs_04_0039.md", rename(418 = Teapot));

fn main() {}
