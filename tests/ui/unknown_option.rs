status_table::status_table!("tables/evs_04_0039.md", colour = "blue");

fn main() {}
