// status-core's row structs are `#[non_exhaustive]` too: a column that a
// document gains is a field, and not a breaking change.
use status_core::evs::{StatusCode, StatusCodeRow};

fn main() {
    // Every field a row has today.
    let StatusCodeRow { line, statuses, description, section } = StatusCode::Ok.rows()[0];
    let _ = (line, statuses, description, section);
}
