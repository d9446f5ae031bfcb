//! Generates `EvsStatus` from the seed document into `OUT_DIR`.

fn main() {
    if let Err(error) = status_codegen::build_script::Generator::new("tables/evs_04_0039.md")
        .name("EvsStatus")
        .generate()
    {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
