// The document has one bad row; the type is still generated with the rows that
// could be read, so the only error is the document's own.
status_table::status_table!("tests/documents/fixtures/ui/not_a_number.md");

fn main() {
    let ok: StatusCode = StatusCode::Ok;
    assert_eq!(ok.code(), 200);
    assert_eq!(StatusCode::from_code(201), None);
    let _: Result<StatusCode, UnknownStatusCode> = StatusCode::try_from(201);
}
