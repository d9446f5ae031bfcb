status_table::status_table!(
    "tables/evs_04_0039.md",
    accessor(grpc =)
);

fn main() {}
