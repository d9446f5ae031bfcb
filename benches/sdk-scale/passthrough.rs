//! Three ways for a proc macro to hand rustc a module's committed expansion,
//! for benches/sdk-scale.sh: what token handover costs, apart from the engine.
//! Each takes the path of an expansion (relative to the invoking crate).
//!
//! - `include!`: expands to `include!("…")`, so that rustc reads and parses the
//!   file as source, exactly as the plain crate's module (the floor of a macro
//!   that would cache its expansion in a file);
//! - `text!`: the file's text, lexed into tokens by rustc in one call;
//! - `tokens!`: the same tokens, rebuilt one at a time across the proc-macro
//!   bridge, as a macro that builds its output with `quote!` hands it over (here
//!   about two calls a token, reading and making it, where `quote!` makes one).

use proc_macro::{Group, Ident, Literal, Punct, TokenStream, TokenTree};

fn path_of(input: TokenStream) -> String {
    let literal = input.to_string();
    let relative = literal.trim().trim_matches('"');
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    format!("{dir}/{relative}")
}

fn read(input: TokenStream) -> TokenStream {
    let path = path_of(input);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .parse()
        .expect("the expansion lexes")
}

#[proc_macro]
pub fn include(input: TokenStream) -> TokenStream {
    format!("include!({:?});", path_of(input)).parse().expect("include!")
}

#[proc_macro]
pub fn text(input: TokenStream) -> TokenStream {
    read(input)
}

#[proc_macro]
pub fn tokens(input: TokenStream) -> TokenStream {
    rebuild(read(input))
}

fn rebuild(stream: TokenStream) -> TokenStream {
    stream
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), rebuild(g.stream()));
                group.set_span(g.span());
                TokenTree::Group(group)
            }
            TokenTree::Ident(i) => {
                let name = i.to_string();
                TokenTree::Ident(match name.strip_prefix("r#") {
                    Some(raw) => Ident::new_raw(raw, i.span()),
                    None => Ident::new(&name, i.span()),
                })
            }
            TokenTree::Punct(p) => TokenTree::Punct(Punct::new(p.as_char(), p.spacing())),
            TokenTree::Literal(l) => TokenTree::Literal(l.to_string().parse::<Literal>().expect("a literal")),
        })
        .collect()
}
