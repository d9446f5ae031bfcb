//! The one printer of an invocation's options: `Options` as written after
//! the path, which `status_table!` parses back into the same options. `init`,
//! `sync`, fixes and committed headers all print through it.

use super::{Condition, Options, TableSelector};

/// The options as written after the path, the one printer of an invocation
/// (`name = EvsStatus, kind = "status", translation(en = "a.en.md")`): what
/// `status_table!` parses back into the same options. Options given by default
/// are not written; spans are not part of it.
impl std::fmt::Display for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        self.write_type(&mut parts);
        self.write_tables(&mut parts);
        self.write_texts(&mut parts);
        self.write_corrections(&mut parts);
        f.write_str(&parts.join(", "))
    }
}

impl Options {
    /// The options about the type itself: its name, visibility, derives,
    /// attributes, variant names.
    fn write_type(&self, parts: &mut Vec<String>) {
        parts.extend(self.type_name.iter().map(|name| format!("name = {name}")));
        let visibility = self.visibility.to_string();
        if visibility != "pub" {
            parts.push(format!("vis = {visibility}"));
        }
        // A path's tokens print spaced (`serde :: Serialize`); a path holds
        // no literal, so the spaces can go.
        list(
            parts,
            "derive",
            self.derives.iter().map(|d| d.to_string().replace(' ', "")),
        );
        list(
            parts,
            "attr",
            self.attributes.iter().map(ToString::to_string),
        );
        if self.non_exhaustive {
            parts.push("non_exhaustive".to_owned());
        }
        list(
            parts,
            "rename",
            self.renames
                .iter()
                .map(|r| format!("{} = {}", code_key(&r.code), r.name)),
        );
    }

    /// The options choosing tables and columns.
    fn write_tables(&self, parts: &mut Vec<String>) {
        parts.extend(self.kind.map(|kind| format!("kind = {:?}", kind.as_str())));
        parts.extend(self.tables.iter().map(TableSelector::written));
        for (role, header) in &self.columns.columns {
            parts.push(format!("{}_column = {header:?}", role.as_str()));
        }
        for (index, choice) in &self.table_columns {
            let columns: Vec<String> = choice
                .columns
                .iter()
                .map(|(role, header)| format!("{}_column = {header:?}", role.as_str()))
                .collect();
            parts.push(format!("table({index}, {})", columns.join(", ")));
        }
        list(
            parts,
            "accessor",
            self.accessors
                .iter()
                .map(|a| format!("{} = {:?}", a.name, a.header)),
        );
    }

    /// The options about texts and the code around the type: docs, interop,
    /// languages, the catch-all.
    fn write_texts(&self, parts: &mut Vec<String>) {
        for line in self.doc.iter().flat_map(|doc| doc.split('\n')) {
            parts.push(format!("doc = {line:?}"));
        }
        for (name, condition) in [("http", &self.http), ("serde", &self.serde)] {
            parts.extend(condition.as_ref().map(|condition| match condition {
                Condition::Always => name.to_owned(),
                Condition::Feature(feature) => format!("{name} = {feature:?}"),
            }));
        }
        parts.extend(self.lang.iter().map(|lang| format!("lang = {lang:?}")));
        for translation in &self.translations {
            let tag = &translation.lang;
            let identifier = tag.starts_with(|c: char| c.is_ascii_alphabetic())
                && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let tag = if identifier {
                tag.clone()
            } else {
                format!("{tag:?}")
            };
            parts.push(format!("translation({tag} = {:?})", translation.path));
        }
        if self.fallback {
            parts.push("fallback".to_owned());
        }
        parts.extend(self.other.iter().map(|(name, _)| format!("other = {name}")));
    }

    /// The corrections of rows: `skip`, `status`, `code`.
    fn write_corrections(&self, parts: &mut Vec<String>) {
        list(parts, "skip", self.skips.iter().map(|s| code_key(&s.code)));
        list(
            parts,
            "status",
            self.statuses
                .iter()
                .map(|s| format!("{} = {}", code_key(&s.code), s.value)),
        );
        list(
            parts,
            "code",
            self.codes
                .iter()
                .map(|c| format!("{:?} = {:?}", c.code, c.value)),
        );
    }
}

/// A list option (`rename(413 = A, "EVS.0001" = B)`), when it has items.
fn list(parts: &mut Vec<String>, name: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if !items.is_empty() {
        parts.push(format!("{name}({})", items.join(", ")));
    }
}

/// A code as an option's key: a number as a number when it reads back the
/// same (`413`), anything else as a string (`"EVS.0001"`, `"0413"`).
fn code_key(code: &str) -> String {
    if code.parse::<u64>().is_ok_and(|n| n.to_string() == code) {
        code.to_owned()
    } else {
        format!("{code:?}")
    }
}
