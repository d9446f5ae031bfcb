//! `tests/codes.rs` of a crate `init` writes: a module of tests per type,
//! from what the pages document (every code, as written, and the HTTP status
//! of each code's first row): every code round-trips; a code the pages do
//! not list is kept by the catch-all (or refused without one); with the
//! features, every code through serde and `http`. Written again by `sync`.

use std::fmt::Write as _;

use status_codegen::{Interop, Kind};

use crate::crate_files::{self, TypeInfo};

/// The whole file.
pub(crate) fn test_file(crate_ident: &str, types: &[TypeInfo]) -> String {
    let mut text = String::from(
        "//! Every code the pages document round-trips through its type; a code they\n\
         //! do not list is kept (or refused, without a catch-all); with the features\n\
         //! `serde` and `http`, every code goes through them too.\n\
         //!\n\
         //! Written by `status-table init` from the pages, and again by every\n\
         //! `status-table sync`: edits here are overwritten.\n",
    );
    for ty in types {
        text.push('\n');
        text.push_str(&type_tests(crate_ident, ty));
    }
    text
}

/// The module of tests of one type.
fn type_tests(crate_ident: &str, ty: &TypeInfo) -> String {
    let module = format!(
        "{}_{}",
        ty.module.trim_start_matches("r#"),
        heck::AsSnakeCase(&ty.name)
    )
    .trim_start_matches('_')
    .to_owned();
    let status = ty.kind == Kind::Status;
    let (element, literal): (&str, fn(&str) -> String) = if status {
        ("u16", str::to_owned)
    } else {
        ("&str", |code| format!("{code:?}"))
    };
    let codes: Vec<String> = ty.variants.iter().map(|v| literal(&v.0)).collect();
    let undocumented = literal(&undocumented(ty));
    let mut text = format!(
        "/// `{path}`, from {pages}.\n\
         mod {module} {{\n    \
             use {crate_ident}::{path} as T;\n\n    \
             /// Every code the pages list, as written.\n    \
             const DOCUMENTED: &[{element}] = &[{codes}];\n    \
             /// A code they do not list.\n    \
             const UNDOCUMENTED: {element} = {undocumented};\n\n    \
             #[test]\n    \
             fn every_documented_code_round_trips() {{\n        \
                 for &code in DOCUMENTED {{\n            \
                     let variant = T::from_code(code).unwrap_or_else(|| panic!(\"{{code}} is documented but has no variant\"));\n            \
                     assert_eq!(variant.code(), code);\n            \
                     assert_eq!(code.to_string().parse::<T>().ok(), Some(variant));\n        \
                 }}\n        \
                 assert_eq!(T::ALL.len(), DOCUMENTED.len(), \"every variant is a documented code\");\n    \
             }}\n",
        path = ty.path(),
        pages = ty.documents.join(" and "),
        codes = codes.join(", "),
    );
    text.push_str(&undocumented_test(ty));
    if let Some(condition) = ty.options.interop(Interop::Serde) {
        text.push_str(&serde_test(ty, crate_files::feature(condition)));
    }
    if let Some(condition) = ty.options.interop(Interop::Http) {
        text.push_str(&http_test(ty, crate_files::feature(condition)));
    }
    text.push_str("}\n");
    text
}

/// `#[cfg(feature = "…")]` for a test under a feature.
fn gate(feature: Option<&str>) -> String {
    feature.map_or_else(String::new, |f| format!("\n    #[cfg(feature = {f:?})]"))
}

/// The catch-all keeps an undocumented code; without one, it is refused.
fn undocumented_test(ty: &TypeInfo) -> String {
    match ty.catch_all() {
        Some(other) => format!(
            "\n    #[test]\n    \
             fn an_undocumented_code_is_kept() {{\n        \
                 assert_eq!(T::from_code(UNDOCUMENTED), None, \"not documented\");\n        \
                 let code = T::from(UNDOCUMENTED);\n        \
                 assert!(matches!(code, T::{other}(_)), \"{{code:?}}\");\n        \
                 assert_eq!(code.code(), UNDOCUMENTED);\n        \
                 assert_eq!(code.to_string().parse::<T>().ok(), Some(code));\n    \
             }}\n"
        ),
        None => "\n    #[test]\n    \
                 fn an_undocumented_code_is_refused() {\n        \
                     assert_eq!(T::from_code(UNDOCUMENTED), None);\n        \
                     assert!(T::try_from(UNDOCUMENTED).is_err());\n    \
                 }\n"
        .to_owned(),
    }
}

/// Every code through JSON and back; an undocumented one too with a
/// catch-all, else refused.
fn serde_test(ty: &TypeInfo, feature: Option<&str>) -> String {
    let (codes, undocumented) = if ty.catch_all().is_some() {
        ("DOCUMENTED.iter().chain(&[UNDOCUMENTED])", "")
    } else {
        (
            "DOCUMENTED",
            "\n        let json = serde_json::to_string(&UNDOCUMENTED).unwrap();\n        \
             assert!(serde_json::from_str::<T>(&json).is_err(), \"{json} is not documented\");",
        )
    };
    format!(
        "{}\n    #[test]\n    \
         fn every_code_goes_through_serde() {{\n        \
             for &code in {codes} {{\n            \
                 let json = serde_json::to_string(&code).unwrap();\n            \
                 let decoded: T = serde_json::from_str(&json).unwrap();\n            \
                 assert_eq!(decoded.code(), code);\n            \
                 assert_eq!(serde_json::to_string(&decoded).unwrap(), json);\n        \
             }}{undocumented}\n    \
         }}\n",
        gate(feature)
    )
}

/// `http::StatusCode` in and out: a status type's own codes; an error type's
/// status, as its first row gives it.
fn http_test(ty: &TypeInfo, feature: Option<&str>) -> String {
    let body = match (ty.kind, ty.catch_all().is_some()) {
        (Kind::Status, true) => {
            "        for &code in DOCUMENTED {\n            \
                 let status = http::StatusCode::from_u16(code).expect(\"a documented code is from 100 to 999\");\n            \
                 let variant = T::from(code);\n            \
                 assert_eq!(variant.http_status_code(), Some(status));\n            \
                 assert_eq!(T::from(status), variant);\n        \
             }\n"
            .to_owned()
        }
        (Kind::Status, false) => {
            "        for &code in DOCUMENTED {\n            \
                 let status = http::StatusCode::from_u16(code).expect(\"a documented code is from 100 to 999\");\n            \
                 let variant = T::from_code(code).unwrap();\n            \
                 assert_eq!(http::StatusCode::from(variant), status);\n            \
                 assert_eq!(T::try_from(status).ok(), Some(variant));\n        \
             }\n"
            .to_owned()
        }
        (Kind::Error, _) if !ty.has_status => return String::new(),
        (Kind::Error, _) => {
            let statuses: Vec<String> = ty
                .variants
                .iter()
                .map(|(code, _, status)| match status {
                    Some(status) => format!("({code:?}, Some({status}))"),
                    None => format!("({code:?}, None)"),
                })
                .collect();
            let got = if ty.status_optional {
                "T::from_code(code).unwrap().http_status_code()"
            } else {
                "Some(T::from_code(code).unwrap().http_status_code())"
            };
            let mut body = format!(
                "        // Each code's HTTP status, as the first row of the code gives it.\n        \
                 let statuses: &[(&str, Option<u16>)] = &[{}];\n        \
                 for &(code, status) in statuses {{\n            \
                     let expected = status.map(|s| http::StatusCode::from_u16(s).unwrap());\n            \
                     assert_eq!({got}, expected, \"{{code}}\");\n        \
                 }}\n",
                statuses.join(", ")
            );
            if ty.catch_all().is_some() {
                let _ = writeln!(
                    body,
                    "        assert_eq!(T::from(UNDOCUMENTED).http_status_code(), None);"
                );
            }
            body
        }
    };
    format!(
        "{}\n    #[test]\n    fn http_status_codes() {{\n{body}    }}\n",
        gate(feature)
    )
}

/// A code of the type's form that it does not list: a status from 599 down;
/// an error code with its last digits made nines (`EVS.0001` → `EVS.9999`),
/// and lower until free.
pub(crate) fn undocumented(ty: &TypeInfo) -> String {
    let listed = |code: &str| ty.variants.iter().any(|v| v.0 == code);
    if ty.kind == Kind::Status {
        return (100..=599u16)
            .rev()
            .map(|n| n.to_string())
            .find(|c| !listed(c))
            .unwrap_or_else(|| "999".to_owned());
    }
    let first = ty.variants.first().map_or("", |v| v.0.as_str());
    let digits_end = first
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(0, |at| at + 1);
    let digits_start = first[..digits_end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |at| at + 1);
    let width = digits_end - digits_start;
    if width == 0 {
        return (0..1000)
            .map(|n| {
                format!(
                    "{first}Undocumented{}",
                    if n == 0 { String::new() } else { n.to_string() }
                )
            })
            .find(|c| !listed(c))
            .unwrap_or_default();
    }
    let top = 10u64.saturating_pow(u32::try_from(width.min(18)).unwrap_or(18)) - 1;
    (0..=top)
        .rev()
        .map(|n| {
            format!(
                "{}{n:0width$}{}",
                &first[..digits_start],
                &first[digits_end..]
            )
        })
        .find(|c| !listed(c))
        .unwrap_or_else(|| format!("{first}Undocumented"))
}
