// A BOM and CRLF line endings are read, and the error is still on line 6.
status_table::status_table!("tests/documents/fixtures/ui/bom_crlf.md");

fn main() {}
