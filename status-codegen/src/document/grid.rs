//! A table's rows as a grid: `rowspan` and `colspan` spread out, so that every
//! row has one cell per column, and each row marked as a title, header, label
//! or body row.

use super::Table;

/// Columns past this are not read: no real code table is wider, and it bounds
/// the work hostile spans can cause.
pub(crate) const MAX_COLUMNS: usize = 64;

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Above the header: empty, or one cell across every column.
    Title,
    /// A header row (`<thead>`, else the first row that is not a title).
    Header,
    /// A body row that is empty or one cell across every column: a label
    /// between groups of rows, not a row of the table.
    Label,
    /// A row of the table.
    Body,
}

/// One row of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Byte offset of the row.
    pub offset: usize,
    /// What the row is.
    pub kind: RowKind,
    /// One cell per column, spanned cells repeated.
    pub cells: Vec<Cell>,
}

/// One cell's visible text, where it is, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The visible text, whitespace collapsed.
    pub text: String,
    /// Byte offset of the cell's text (of the cell when it is empty).
    pub offset: usize,
    /// Which written cell this is: cells spread from one `rowspan`/`colspan`
    /// share it. Unique within the table.
    pub origin: usize,
    /// Whether the cell was written: false for cells that fill a short row.
    pub written: bool,
    /// Whether the cell is one pulldown-cmark adds to fill a short pipe row
    /// (shown empty, as GitHub shows it; `written` stays true for it).
    pub padded: bool,
    /// Whether all its text is bold (`**Authentication**`): a label, in a
    /// row whose other cells are empty.
    pub bold: bool,
}

/// A column's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderCell {
    /// The texts of the header rows for this column, top to bottom, joined by
    /// a space (a repeated text once).
    pub text: String,
    /// Byte offset of the lowest header cell's text.
    pub offset: usize,
}

/// A written cell, before spreading.
pub(crate) struct Written {
    pub text: String,
    pub offset: usize,
    pub rowspan: usize,
    pub colspan: usize,
    /// Not written in the source: a pipe row's missing cell.
    pub padded: bool,
    /// All its text is bold.
    pub bold: bool,
}

/// A written row, before spreading.
pub(crate) struct WrittenRow {
    pub offset: usize,
    pub in_head: bool,
    /// Its row group (`thead`, `tbody`, `tfoot`): rowspans end with it.
    pub group: usize,
    pub cells: Vec<Written>,
}

/// Spreads the spans of `written` into a grid and marks each row's kind;
/// returns the rows and the width.
pub(crate) fn spread(written: Vec<WrittenRow>) -> (Vec<Row>, usize) {
    let mut rows: Vec<Row> = Vec::with_capacity(written.len());
    let mut spreader = Spreader::default();
    // Per row: whether it is one written cell across every column so far.
    let mut single: Vec<bool> = Vec::with_capacity(written.len());
    let mut head: Vec<bool> = Vec::with_capacity(written.len());
    let mut header_span = Vec::with_capacity(written.len());
    let mut group = None;
    for row in written {
        if group != Some(row.group) {
            spreader.carried.clear();
            group = Some(row.group);
        }
        let mut cells: Vec<Cell> = Vec::with_capacity(row.cells.len());
        let written_cells = row.cells.len();
        let mut tallest = 1;
        for cell in row.cells {
            carry(&mut cells, &mut spreader.carried);
            if cells.len() >= MAX_COLUMNS {
                break;
            }
            tallest = tallest.max(cell.rowspan);
            spreader.place(&mut cells, cell);
        }
        carry(&mut cells, &mut spreader.carried);
        spreader.fill_spanned(&mut cells, row.offset);
        single.push(written_cells == 1);
        head.push(row.in_head);
        header_span.push(tallest);
        rows.push(Row {
            offset: row.offset,
            kind: RowKind::Body,
            cells,
        });
    }
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for row in &mut rows {
        while row.cells.len() < width {
            let offset = row.cells.last().map_or(row.offset, |c| c.offset);
            row.cells.push(spreader.empty(offset));
        }
    }
    mark_kinds(&mut rows, &single, &head, &header_span, width);
    (rows, width)
}

/// What spreading carries from row to row.
#[derive(Default)]
struct Spreader {
    /// Per column: the cell carried down by a rowspan, how many more rows,
    /// and the overlapping cell that takes the column over after it.
    carried: Vec<Option<Carried>>,
    /// The next written cell's number.
    origin: usize,
}

impl Spreader {
    /// Places one written cell, across its `colspan`, carrying it down its
    /// `rowspan`.
    fn place(&mut self, cells: &mut Vec<Cell>, cell: Written) {
        let colspan = cell.colspan.clamp(1, MAX_COLUMNS - cells.len());
        let spread = Cell {
            text: cell.text,
            offset: cell.offset,
            origin: self.origin,
            written: true,
            padded: cell.padded,
            bold: cell.bold,
        };
        self.origin += 1;
        for _ in 0..colspan {
            let column = cells.len();
            // A slot a rowspan from above already covers keeps that cell
            // (a table model error: the first occupant is the one shown).
            if let Some(Some(occupant)) = self.carried.get_mut(column) {
                // It takes the slot over, in later rows, once the occupant
                // ends: the occupant has `occupant.1` rows left, this one
                // included, and the cell `rowspan`.
                if cell.rowspan > occupant.1 && occupant.2.is_none() {
                    occupant.2 = Some((spread.clone(), cell.rowspan - occupant.1));
                }
                carry_one(cells, &mut self.carried);
                continue;
            }
            if cell.rowspan > 1 {
                if self.carried.len() <= column {
                    self.carried.resize(column + 1, None);
                }
                self.carried[column] = Some((spread.clone(), cell.rowspan - 1, None));
            }
            cells.push(spread.clone());
        }
    }

    /// Spans from earlier rows further right, past columns this row leaves
    /// empty: the empty slots stay empty, the spanned ones are filled.
    fn fill_spanned(&mut self, cells: &mut Vec<Cell>, row_offset: usize) {
        while self
            .carried
            .get(cells.len()..)
            .is_some_and(|rest| rest.iter().any(Option::is_some))
        {
            if self.carried[cells.len()].is_some() {
                carry(cells, &mut self.carried);
            } else {
                let offset = cells.last().map_or(row_offset, |c| c.offset);
                let empty = self.empty(offset);
                cells.push(empty);
            }
        }
    }

    /// A cell nobody wrote, shown empty.
    fn empty(&mut self, offset: usize) -> Cell {
        let cell = Cell {
            text: String::new(),
            offset,
            origin: self.origin,
            written: false,
            padded: false,
            bold: false,
        };
        self.origin += 1;
        cell
    }
}

/// Copies into `cells` the cells of earlier rows whose rowspan covers the next
/// column onwards, until a column that no span covers.
fn carry(cells: &mut Vec<Cell>, carried: &mut [Option<Carried>]) {
    while carry_one(cells, carried) {}
}

/// Copies the cell a rowspan carries into the next column, if one does.
fn carry_one(cells: &mut Vec<Cell>, carried: &mut [Option<Carried>]) -> bool {
    let Some(slot) = carried.get_mut(cells.len()) else {
        return false;
    };
    let Some((cell, left, then)) = slot else {
        return false;
    };
    cells.push(cell.clone());
    *left -= 1;
    if *left == 0 {
        *slot = then.take().map(|(cell, left)| (cell, left, None));
    }
    true
}

/// A cell carried down by a rowspan: the cell, the rows it has left, and the
/// overlapping cell (with its rows) that takes its column over after it.
type Carried = (Cell, usize, Option<(Cell, usize)>);

/// Empty, or one written cell across every column (of a table wider than one).
fn is_banner(row: &Row, single: bool, width: usize) -> bool {
    row.cells.iter().all(|c| c.text.is_empty())
        || (width > 1 && single && row.cells.iter().all(|c| c.origin == row.cells[0].origin))
}

fn mark_kinds(rows: &mut [Row], single: &[bool], head: &[bool], span: &[usize], width: usize) {
    let has_head = head.iter().any(|h| *h);
    let mut index = 0;
    // Title rows first, then the header: the `<thead>` rows, or the first row
    // and those its rowspans cover.
    while index < rows.len() && is_banner(&rows[index], single[index], width) {
        if has_head && !head[index] {
            break;
        }
        rows[index].kind = RowKind::Title;
        index += 1;
    }
    if has_head {
        while index < rows.len() && head[index] {
            rows[index].kind = RowKind::Header;
            index += 1;
        }
    } else if index < rows.len() {
        let end = (index + span[index]).min(rows.len());
        for row in &mut rows[index..end] {
            row.kind = RowKind::Header;
        }
        index = end;
    }
    for i in index..rows.len() {
        if is_banner(&rows[i], single[i], width) {
            rows[i].kind = RowKind::Label;
        }
    }
}

/// One header per column, from the header rows.
pub(crate) fn header(table: &Table) -> Vec<HeaderCell> {
    let mut headers: Vec<HeaderCell> = (0..table.width)
        .map(|_| HeaderCell {
            text: String::new(),
            offset: table.offset,
        })
        .collect();
    let mut last_origin: Vec<Option<usize>> = vec![None; table.width];
    for row in table.rows.iter().filter(|r| r.kind == RowKind::Header) {
        for (column, cell) in row.cells.iter().enumerate() {
            let header = &mut headers[column];
            if last_origin[column] == Some(cell.origin) || cell.text.is_empty() {
                continue;
            }
            last_origin[column] = Some(cell.origin);
            if !header.text.is_empty() {
                header.text.push(' ');
            }
            header.text.push_str(&cell.text);
            header.offset = cell.offset;
        }
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(rows: &[&[(&str, usize, usize)]]) -> Vec<WrittenRow> {
        rows.iter()
            .enumerate()
            .map(|(i, cells)| WrittenRow {
                offset: i * 100,
                in_head: false,
                group: 0,
                cells: cells
                    .iter()
                    .enumerate()
                    .map(|(j, (text, rowspan, colspan))| Written {
                        text: (*text).to_owned(),
                        offset: i * 100 + j,
                        rowspan: *rowspan,
                        colspan: *colspan,
                        padded: false,
                        bold: false,
                    })
                    .collect(),
            })
            .collect()
    }

    fn texts(rows: &[Row]) -> Vec<(RowKind, Vec<&str>)> {
        rows.iter()
            .map(|r| (r.kind, r.cells.iter().map(|c| c.text.as_str()).collect()))
            .collect()
    }

    #[test]
    fn spans_spread_and_title_rows_are_not_headers() {
        let (rows, width) = spread(written(&[
            &[("Codes", 1, 3)],
            &[("Module", 1, 1), ("Code", 1, 1), ("Text", 1, 1)],
            &[("core", 2, 1), ("200", 1, 1), ("OK", 1, 1)],
            &[("201", 1, 1), ("Created", 1, 1)],
            &[("More", 1, 3)],
            &[("x", 1, 1)],
        ]));
        assert_eq!(width, 3);
        assert_eq!(
            texts(&rows),
            [
                (RowKind::Title, vec!["Codes", "Codes", "Codes"]),
                (RowKind::Header, vec!["Module", "Code", "Text"]),
                (RowKind::Body, vec!["core", "200", "OK"]),
                (RowKind::Body, vec!["core", "201", "Created"]),
                (RowKind::Label, vec!["More", "More", "More"]),
                (RowKind::Body, vec!["x", "", ""]),
            ]
        );
        assert_eq!(rows[2].cells[0].origin, rows[3].cells[0].origin);
        assert!(!rows[5].cells[1].written);
    }

    #[test]
    fn a_span_past_an_empty_slot_still_fills_its_column() {
        let (rows, _) = spread(written(&[
            &[("200", 1, 1), ("OK", 1, 1), ("core", 2, 1)],
            &[("201", 1, 1)],
        ]));
        assert_eq!(texts(&rows)[1].1, ["201", "", "core"]);
        let (rows, _) = spread(written(&[&[("200", 1, 1), ("core", 2, 1)], &[]]));
        assert_eq!(texts(&rows)[1].1, ["", "core"]);
    }

    #[test]
    fn an_overlapping_cell_takes_its_slots_over_when_the_first_occupant_ends() {
        // The HTML table algorithm: `wide` covers columns 0 and 1 of its two
        // rows; column 1 of its first row is also `tall`'s last (a table model
        // error, where `tall` is shown), so in the next row `c` goes to column 2.
        let (rows, _) = spread(written(&[
            &[("a", 1, 1), ("tall", 3, 1)],
            &[("b", 1, 1)],
            &[("wide", 2, 2)],
            &[("c", 1, 1)],
        ]));
        assert_eq!(texts(&rows)[2].1, ["wide", "tall", ""]);
        assert_eq!(texts(&rows)[3].1, ["wide", "wide", "c"]);
    }

    #[test]
    fn a_header_over_two_rows_joins_its_texts() {
        let (rows, width) = spread(written(&[
            &[("Code", 2, 1), ("Description", 1, 2)],
            &[("English", 1, 1), ("中文", 1, 1)],
            &[("200", 1, 1), ("OK", 1, 1), ("成功", 1, 1)],
        ]));
        let table = Table {
            index: 0,
            offset: 0,
            section: None,
            caption: None,
            rows,
            width,
            unclosed: false,
        };
        let headers: Vec<String> = table.header().into_iter().map(|h| h.text).collect();
        assert_eq!(headers, ["Code", "Description English", "Description 中文"]);
        assert_eq!(table.body().count(), 1);
    }
}
