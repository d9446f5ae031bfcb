//! Just enough TOML to read a `Cargo.toml` as cargo does: tables and arrays of
//! tables, dotted and quoted keys, basic and literal strings (multi-line too),
//! arrays over several lines, inline tables, comments anywhere TOML allows
//! them. Numbers, booleans and dates are kept as [`Value::Other`].
//!
//! Not a validator: a manifest cargo accepts reads as cargo reads it; one it
//! rejects may read anyway. The `toml` crates would do it all, but cost more
//! to build than the 5% of the macro's dependency build that issue 20 allows
//! (`toml_parser` 1.0 s of CPU, `toml` with `parse` only 1.6 s, against 0.6 s).

/// A value, as far as a manifest's reader needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string, escapes resolved.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An inline table (its entries are also in [`Manifest`] under its key).
    Table,
    /// A number, a boolean or a date, as written.
    Other(String),
}

/// Every table and key of a manifest, with its full dotted path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// The `[header]`s and `[[header]]`s, in order.
    tables: Vec<Vec<String>>,
    /// Every `key = value`, its path starting with its table's.
    entries: Vec<(Vec<String>, Value)>,
}

impl Manifest {
    /// Reads a manifest; the error names the line and what was expected.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut reader = Reader { text, at: 0 };
        let mut manifest = Self::default();
        reader.document(&mut manifest).map_err(|message| {
            let line = text[..reader.at.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        })?;
        Ok(manifest)
    }

    /// Whether the manifest has the top-level table `name`, by a header
    /// (`[workspace]`, `[workspace.package]`) or a dotted key (`workspace.members = …`).
    pub fn has_table(&self, name: &str) -> bool {
        let first = |path: &Vec<String>| path.first().is_some_and(|p| p == name);
        self.tables.iter().any(first) || self.entries.iter().any(|(path, _)| first(path))
    }

    /// The value at `path` (`["workspace", "members"]`).
    pub fn get(&self, path: &[&str]) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(p, _)| p.iter().map(String::as_str).eq(path.iter().copied()))
            .map(|(_, v)| v)
    }

    /// The strings of the array at `path` (none when it is not an array).
    pub fn strings(&self, path: &[&str]) -> Vec<&str> {
        match self.get(path) {
            Some(Value::Array(values)) => values
                .iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Every path the manifest names: its headers and its keys.
    pub fn paths(&self) -> impl Iterator<Item = &[String]> {
        self.tables
            .iter()
            .map(Vec::as_slice)
            .chain(self.entries.iter().map(|(p, _)| p.as_slice()))
    }
}

struct Reader<'t> {
    text: &'t str,
    at: usize,
}

type Read<T> = Result<T, String>;

impl Reader<'_> {
    fn document(&mut self, manifest: &mut Manifest) -> Read<()> {
        let mut table: Vec<String> = Vec::new();
        loop {
            self.skip_blank_lines();
            let Some(next) = self.peek() else {
                return Ok(());
            };
            if next == b'[' {
                let double = self.rest().starts_with("[[");
                self.at += if double { 2 } else { 1 };
                self.skip_space();
                table = self.key()?;
                self.skip_space();
                self.expect(if double { "]]" } else { "]" })?;
                manifest.tables.push(table.clone());
            } else {
                let mut path = table.clone();
                path.extend(self.key()?);
                self.skip_space();
                self.expect("=")?;
                self.skip_space();
                let value = self.value(&path, &mut manifest.entries)?;
                manifest.entries.push((path, value));
            }
            self.end_of_line()?;
        }
    }

    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn expect(&mut self, token: &str) -> Read<()> {
        if self.rest().starts_with(token) {
            self.at += token.len();
            Ok(())
        } else {
            Err(format!("expected `{token}`"))
        }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some(b'#') {
            self.at += self.rest().find('\n').unwrap_or(self.rest().len());
        }
    }

    /// Spaces, newlines and comments: between lines, and inside arrays.
    fn skip_blank_lines(&mut self) {
        loop {
            self.skip_space();
            self.skip_comment();
            match self.peek() {
                Some(b'\n') => self.at += 1,
                Some(b'\r') if self.rest().starts_with("\r\n") => self.at += 2,
                _ => return,
            }
        }
    }

    fn end_of_line(&mut self) -> Read<()> {
        self.skip_space();
        self.skip_comment();
        match self.peek() {
            None | Some(b'\n') => Ok(()),
            Some(b'\r') if self.rest().starts_with("\r\n") => Ok(()),
            Some(_) => Err("expected the end of the line".to_owned()),
        }
    }

    /// `a.b."c d".'e'`: dotted parts, spaces allowed around the dots.
    fn key(&mut self) -> Read<Vec<String>> {
        let mut parts = vec![self.simple_key()?];
        loop {
            let before = self.at;
            self.skip_space();
            if self.peek() == Some(b'.') {
                self.at += 1;
                self.skip_space();
                parts.push(self.simple_key()?);
            } else {
                self.at = before;
                return Ok(parts);
            }
        }
    }

    fn simple_key(&mut self) -> Read<String> {
        match self.peek() {
            Some(b'"') => self.basic_string(),
            Some(b'\'') => self.literal_string(),
            _ => {
                let bare = self
                    .rest()
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .unwrap_or(self.rest().len());
                if bare == 0 {
                    return Err("expected a key".to_owned());
                }
                let key = self.rest()[..bare].to_owned();
                self.at += bare;
                Ok(key)
            }
        }
    }

    /// A value; an inline table's entries go to `entries` under `path`.
    fn value(&mut self, path: &[String], entries: &mut Vec<(Vec<String>, Value)>) -> Read<Value> {
        match self.peek() {
            Some(b'"') => self.basic_string().map(Value::String),
            Some(b'\'') => self.literal_string().map(Value::String),
            Some(b'[') => {
                self.at += 1;
                let mut values = Vec::new();
                loop {
                    self.skip_blank_lines();
                    if self.peek() == Some(b']') {
                        self.at += 1;
                        return Ok(Value::Array(values));
                    }
                    // Inline tables inside arrays keep no entries: nothing reads them.
                    values.push(self.value(path, &mut Vec::new())?);
                    self.skip_blank_lines();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {}
                        _ => return Err("expected `,` or `]` in an array".to_owned()),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                loop {
                    self.skip_space();
                    if self.peek() == Some(b'}') {
                        self.at += 1;
                        return Ok(Value::Table);
                    }
                    let mut inner = path.to_vec();
                    inner.extend(self.key()?);
                    self.skip_space();
                    self.expect("=")?;
                    self.skip_space();
                    let value = self.value(&inner, entries)?;
                    entries.push((inner, value));
                    self.skip_space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {}
                        _ => return Err("expected `,` or `}` in an inline table".to_owned()),
                    }
                }
            }
            _ => {
                let end = self
                    .rest()
                    .find([',', ']', '}', '#', '\n', '\r'])
                    .unwrap_or(self.rest().len());
                let written = self.rest()[..end].trim_end().to_owned();
                if written.is_empty() {
                    return Err("expected a value".to_owned());
                }
                self.at += written.len();
                Ok(Value::Other(written))
            }
        }
    }

    /// `'…'` or `'''…'''`: no escapes.
    fn literal_string(&mut self) -> Read<String> {
        let multi = self.rest().starts_with("'''");
        let quote = if multi { "'''" } else { "'" };
        self.at += quote.len();
        if multi {
            self.skip_first_newline();
        }
        let end = self
            .rest()
            .find(quote)
            .ok_or("unterminated literal string")?;
        let text = &self.rest()[..end];
        if !multi && text.contains('\n') {
            return Err("unterminated literal string".to_owned());
        }
        let text = text.to_owned();
        self.at += end + quote.len();
        Ok(text)
    }

    /// `"…"` or `"""…"""`, with TOML's escapes.
    fn basic_string(&mut self) -> Read<String> {
        let multi = self.rest().starts_with("\"\"\"");
        self.at += if multi { 3 } else { 1 };
        if multi {
            self.skip_first_newline();
        }
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' if !multi => {
                    self.at += i + 1;
                    return Ok(out);
                }
                '"' if self.rest()[i..].starts_with("\"\"\"") => {
                    self.at += i + 3;
                    return Ok(out);
                }
                '\n' if !multi => break,
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((_, 'r')) => out.push('\r'),
                    Some((_, 'b')) => out.push('\u{8}'),
                    Some((_, 'f')) => out.push('\u{c}'),
                    Some((_, 'e')) => out.push('\u{1b}'),
                    Some((_, '"')) => out.push('"'),
                    Some((_, '\\')) => out.push('\\'),
                    Some((j, kind @ ('u' | 'U'))) => {
                        let digits = if kind == 'u' { 4 } else { 8 };
                        let hex = self.rest().get(j + 1..j + 1 + digits).unwrap_or("");
                        let c = u32::from_str_radix(hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or("expected a Unicode escape")?;
                        out.push(c);
                        for _ in 0..digits {
                            chars.next();
                        }
                    }
                    // A line-ending backslash joins the lines.
                    Some((_, c)) if multi && c.is_whitespace() => {
                        while chars.clone().next().is_some_and(|(_, c)| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    _ => return Err("unknown escape in a string".to_owned()),
                },
                c => out.push(c),
            }
        }
        Err("unterminated string".to_owned())
    }

    fn skip_first_newline(&mut self) {
        if self.rest().starts_with('\n') {
            self.at += 1;
        } else if self.rest().starts_with("\r\n") {
            self.at += 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Manifest, Value};

    fn strings(manifest: &str, path: &[&str]) -> Vec<String> {
        let manifest = Manifest::parse(manifest).unwrap();
        manifest
            .strings(path)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_header_with_a_comment_is_a_table() {
        let manifest = Manifest::parse("[workspace] # the members\nmembers = [\"a\"]\n").unwrap();
        assert!(manifest.has_table("workspace"));
        assert_eq!(manifest.strings(&["workspace", "members"]), ["a"]);
    }

    #[test]
    fn dotted_keys_at_the_top_level_make_tables() {
        let manifest =
            Manifest::parse("package.name = \"x\"\nworkspace.members = [\"core\", 'crates/*']\n")
                .unwrap();
        assert!(manifest.has_table("workspace"));
        assert!(manifest.has_table("package"));
        assert_eq!(
            manifest.get(&["package", "name"]),
            Some(&Value::String("x".to_owned()))
        );
        assert_eq!(
            manifest.strings(&["workspace", "members"]),
            ["core", "crates/*"]
        );
        // `[package] workspace = "…"` is a key of `package`, not a workspace.
        assert!(
            !Manifest::parse("[package]\nworkspace = \"..\"\n")
                .unwrap()
                .has_table("workspace")
        );
    }

    #[test]
    fn arrays_over_several_lines_with_comments() {
        let manifest = "[workspace]\nmembers = [\n  \"core\", # the engine\n  # \"old\",\n  'lit\\eral', \"a]b\",\n\n  \"esc\\\"aped\\u00e9\",\n]\nexclude = [] # none\n";
        assert_eq!(
            strings(manifest, &["workspace", "members"]),
            ["core", "lit\\eral", "a]b", "esc\"apedé"]
        );
        assert!(strings(manifest, &["workspace", "exclude"]).is_empty());
    }

    #[test]
    fn quoted_keys_inline_tables_and_other_values() {
        let manifest = Manifest::parse(
            "[target.'cfg(unix)'.dependencies]\nhttp = { version = \"1\", optional = true }\n[\"quoted key\"]\nn = 1979-05-27 07:32:00Z\nb = true # yes\n",
        )
        .unwrap();
        assert_eq!(
            manifest.get(&["target", "cfg(unix)", "dependencies", "http", "version"]),
            Some(&Value::String("1".to_owned()))
        );
        assert_eq!(
            manifest.get(&["target", "cfg(unix)", "dependencies", "http"]),
            Some(&Value::Table)
        );
        assert_eq!(
            manifest.get(&["quoted key", "n"]),
            Some(&Value::Other("1979-05-27 07:32:00Z".to_owned()))
        );
        assert_eq!(
            manifest.get(&["quoted key", "b"]),
            Some(&Value::Other("true".to_owned()))
        );
    }

    #[test]
    fn multi_line_strings_and_arrays_of_tables() {
        let manifest = Manifest::parse(
            "[package]\ndescription = \"\"\"\nOne \\\n   line.\"\"\"\nreadme = '''\nraw \\n'''\n[[bin]]\nname = \"a\"\n[[bin]]\nname = \"b\"\r\n",
        )
        .unwrap();
        assert_eq!(
            manifest.get(&["package", "description"]),
            Some(&Value::String("One line.".to_owned()))
        );
        assert_eq!(
            manifest.get(&["package", "readme"]),
            Some(&Value::String("raw \\n".to_owned()))
        );
        assert_eq!(manifest.paths().filter(|p| p == &["bin"]).count(), 2);
    }

    #[test]
    fn a_broken_manifest_is_an_error_with_its_line() {
        for (text, line) in [
            ("[workspace\n", "line 1"),
            ("[a]\nmembers = [\"x\"\n", "line 3"),
            ("a = \"open\n", "line 1"),
            ("a = \"x\" b\n", "line 1"),
            ("[a]\n= 1\n", "line 2"),
        ] {
            let error = Manifest::parse(text).unwrap_err();
            assert!(error.starts_with(line), "{text:?}: {error}");
        }
    }
}
