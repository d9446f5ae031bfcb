#!/usr/bin/env python3
"""The crates of benches/sdk-dependent.sh, from the crate `status-table init` wrote
(which is the SDK crate measured, as written: the committed form of
`status_table!` unless its feature `regenerate` is on).

    convert.py plain DIR  every invocation an `include!` of its committed file,
                          and no dependency on status-table: the baseline
    convert.py app DIR    prints a main.rs that uses every type of the crate
"""
import pathlib
import re
import sys

# init writes one invocation a statement, the path first and always a `name`.
INVOCATION = re.compile(r'status_table::status_table!\("([^"]+)", name = (\w+)[^;]*\);')


def plain(crate):
    count = 0
    for source in sorted((crate / "src").glob("*.rs")):
        text = source.read_text()
        # The committed file's name: the path as written, then `-Name` (status_codegen::committed::file_name).
        new, n = INVOCATION.subn(
            lambda m: 'include!(concat!(env!("CARGO_MANIFEST_DIR"), "/generated/%s-%s.rs"));' % (m.group(1), m.group(2)),
            text)
        source.write_text(new)
        count += n
    for match in re.finditer(r'"/generated/([^"]+)"', "".join(p.read_text() for p in (crate / "src").glob("*.rs"))):
        assert (crate / "generated" / match.group(1)).is_file(), match.group(1)
    manifest = crate / "Cargo.toml"
    text = manifest.read_text()
    for line in (r'^status-table = .*\n', r'^regenerate = \["status-table/macros"\]\n'):
        text, n = re.subn(line, "", text, flags=re.M)
        assert n == 1, line
    manifest.write_text(text)
    print(f"{count} invocation(s) replaced by include!", file=sys.stderr)


def app(crate):
    modules = dict(
        (name.removeprefix("r#"), name)
        for name in re.findall(r'^pub mod ([\w#]+);', (crate / "src/lib.rs").read_text(), re.M))
    uses = []
    for source in sorted((crate / "src").glob("*.rs")):
        for match in INVOCATION.finditer(source.read_text()):
            uses.append(f"famcrate::{modules[source.stem]}::{match.group(2)}::ALL.len()")
    print("//! Uses every type of the crate.\n\nfn main() {")
    print("    let codes = " + "\n        + ".join(uses) + ";")
    print('    println!("{codes} codes in %d types");\n}' % len(uses))


if __name__ == "__main__":
    command, directory = sys.argv[1], pathlib.Path(sys.argv[2])
    {"plain": plain, "app": app}[command](directory)
