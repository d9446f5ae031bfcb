status_table::status_table!("tables/evs_04_0038.en.md", rename("EVS.0010" = Tenant));

fn main() {}
