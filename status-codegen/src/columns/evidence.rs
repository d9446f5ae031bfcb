//! One column's own evidence: its header word first, confirmed or overruled
//! by its cells, then the text introducing its table and the kind the
//! invocation asks for. The result is the roles the column can take, first
//! choice first, with why.

use std::fmt::Write as _;

use crate::cells::{Profile, Shape};
use crate::model::{Kind, Role, Text};
use crate::vocabulary;

/// Columns of unknown words whose cells are HTTP statuses come after every
/// column whose header names a role.
pub(super) const DEFERRED: usize = 10_000;

/// The roles a column can take, first choice first, its rank among the
/// table's columns, and why.
#[derive(Debug)]
pub(super) struct Candidates {
    pub(super) rank: usize,
    pub(super) roles: Vec<Role>,
    pub(super) because: String,
}

/// What a column's roles are decided from, besides its header and cells.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context<'a> {
    /// The kind the invocation asks for.
    pub(super) kind: Option<Kind>,
    /// The system the text introducing the table names (`Error codes`), and
    /// that text.
    pub(super) heading: Option<(Kind, &'a str)>,
}

/// The roles a column can take: from its header word, confirmed or overruled
/// by its cells when the word names codes; `None` when neither says anything.
pub(super) fn candidates(
    header: &str,
    profile: &Profile,
    context: Context<'_>,
) -> Option<Candidates> {
    let word = vocabulary::read_header(header).word;
    let dominant = profile.dominant();
    let Some((rank, roles, because)) = vocabulary::header_roles(&word) else {
        return from_cells(&word, profile);
    };
    if vocabulary::names_a_state(&word) && dominant != Some(Shape::Status) {
        return Some(states(&word, profile));
    }
    let mut found = Candidates {
        rank,
        roles,
        because,
    };
    if matches!(found.roles.first(), Some(Role::Code | Role::Status))
        && let Some(shape) = dominant
    {
        found.cells_decide(shape, profile, &word);
    }
    let settled = found.heading_decides(context.heading, dominant);
    found.kind_decides(context.kind, settled);
    Some(found)
}

/// A header of unknown words: a status column when two or more cells are
/// HTTP statuses (one number in a table of limits is no evidence).
fn from_cells(word: &str, profile: &Profile) -> Option<Candidates> {
    let statuses = profile.count(Shape::Status);
    (profile.dominant() == Some(Shape::Status) && statuses >= 2).then(|| Candidates {
        rank: DEFERRED,
        roles: vec![Role::Status],
        because: format!(
            "header `{word}` is not a word for a role, but its cells are HTTP statuses (`{}`)",
            profile.sample(Shape::Status)
        ),
    })
}

/// `Status` over `accepted`, `serviceIdle`: states, not codes; no role.
fn states(word: &str, profile: &Profile) -> Candidates {
    let cells = profile.dominant().map_or_else(String::new, |shape| {
        format!(" are {} (`{}`)", shape.described(), profile.sample(shape))
    });
    Candidates {
        rank: DEFERRED,
        roles: Vec::new(),
        because: format!("header word `{word}` names a state; its cells{cells}, not HTTP statuses"),
    }
}

impl Candidates {
    /// The cells of a column whose header names codes confirm or overrule it.
    fn cells_decide(&mut self, shape: Shape, profile: &Profile, word: &str) {
        let cells = format!(
            "; its cells are {} (`{}`)",
            shape.described(),
            profile.sample(shape)
        );
        match shape {
            // `HTTP error code` over `301 Moved Permanently`: the header
            // names HTTP, and the cells are statuses.
            Shape::Status if self.roles.contains(&Role::Code) && word.contains("http") => {
                self.because.push_str(&cells);
                self.first(Role::Status);
            }
            // A word for either over statuses and numbers no HTTP status has
            // (`Code`: 487, 603, 0): the service's own codes.
            Shape::Status
                if self.roles.contains(&Role::Code)
                    && self.roles.contains(&Role::Status)
                    && profile.count(Shape::Number) >= 2 =>
            {
                let _ = write!(
                    self.because,
                    "; its cells are HTTP statuses and numbers no HTTP status has (`{}`), read as error codes",
                    profile.sample(Shape::Number)
                );
                self.first(Role::Code);
            }
            Shape::Code => self.words(&cells),
            Shape::Number => {
                self.because.push_str(&cells);
                self.because.push_str(", read as error codes");
                self.roles = vec![Role::Code];
            }
            // Phrases among code-shaped words under a word for error codes
            // are codes as written (`Not Found` beside `SymlinkTargetNotExist`);
            // phrases alone are the reason.
            Shape::Phrase
                if profile.count(Shape::Code) > 0 && self.roles.first() == Some(&Role::Code) =>
            {
                self.because.push_str(&cells);
                let _ = write!(
                    self.because,
                    " among code-shaped words (`{}`), read as error codes as written",
                    profile.sample(Shape::Code)
                );
                self.roles = vec![Role::Code];
            }
            Shape::Phrase => {
                self.because.push_str(&cells);
                self.roles = vec![Role::Reason];
            }
            // Codes among the sentences (a note row, a shifted row) keep a
            // column of codes: sentences decide only when codes are few.
            Shape::Prose
                if profile.count(Shape::Code) + profile.count(Shape::Number)
                    < profile.total() / 5 + 1 =>
            {
                self.because.push_str(&cells);
                self.roles.retain(|r| Text::of_role(*r).is_some());
                if self.roles.is_empty() {
                    self.roles.push(Role::Description);
                }
            }
            _ => {}
        }
    }

    /// Words are no HTTP statuses, whatever the header says (`Response code`
    /// over `Succeeded`): error codes. A header that names only statuses
    /// stays a status column when another column is the codes' (`状态码`
    /// beside `错误码`, its cells shifted by a lost `rowspan`).
    fn words(&mut self, cells: &str) {
        if self.roles[0] != Role::Code {
            self.because.push_str(cells);
            self.because.push_str(", read as error codes");
        }
        let forced = !self.roles.contains(&Role::Code) && self.roles.contains(&Role::Status);
        self.first(Role::Code);
        self.roles.retain(|r| *r != Role::Status);
        if forced {
            self.roles.insert(1, Role::Status);
        }
    }

    /// A word that can name either (`Code` over 101, 201) is read as the text
    /// introducing the table says: `Error codes` (the body's `code` field) is
    /// another system than the HTTP statuses. Returns whether it decided.
    fn heading_decides(&mut self, heading: Option<(Kind, &str)>, dominant: Option<Shape>) -> bool {
        let either = self.roles.contains(&Role::Code) && self.roles.contains(&Role::Status);
        let (true, Some((system, text)), Some(Shape::Status)) = (either, heading, dominant) else {
            return false;
        };
        let (first, name) = match system {
            Kind::Error => (Role::Code, "error"),
            Kind::Status => (Role::Status, "status"),
        };
        self.first(first);
        let _ = write!(
            self.because,
            "; the table is under `{text}`, which names {name} codes"
        );
        true
    }

    /// The kind the invocation asks for. Asked for statuses: a word that can
    /// also name error codes (`Code`) does not; an error-code word (`Error
    /// Code`) still makes the table an error table, which is then skipped.
    /// Asked for error codes: a word that can name them does, unless the
    /// table's own heading settled that they are HTTP statuses.
    fn kind_decides(&mut self, kind: Option<Kind>, settled: bool) {
        match kind {
            Some(Kind::Status) if self.roles.first() != Some(&Role::Code) => {
                self.roles.retain(|r| *r != Role::Code);
            }
            Some(Kind::Error) if self.roles.contains(&Role::Code) && !settled => {
                self.first(Role::Code);
            }
            _ => {}
        }
    }

    /// `role` first, the others after it in their order.
    fn first(&mut self, role: Role) {
        self.roles.retain(|r| *r != role);
        self.roles.insert(0, role);
    }
}
