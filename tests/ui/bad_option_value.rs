status_table::status_table!(
    "tables/evs_04_0039.md",
    name = "EvsStatus",
    vis = private,
    rename(1000 = Big)
);

fn main() {}
