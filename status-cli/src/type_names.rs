//! The names of a crate's types after their pages, for `init` and `sync`: a
//! page's title (or its translation's, or its path) made a Rust type name.
//! Names are ASCII, as the engine takes them; the words of Chinese titles
//! that API documentation uses for its pages are read through one table
//! ([`WORDS`]), and Chinese words it does not know are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use status_codegen::Kind;

use crate::pages::{Page, Reading};
use crate::pairing::Type;

/// Names, per module and kind. The page whose title is the kind's plain name
/// (`错误码`, `Error Codes`), else the first, is `StatusCode` or `ErrorCode`;
/// a translation kept apart is its primary's name and language
/// (`ErrorCodeEn`). Every other type is named after its page
/// ([`after_page`]). `apart` maps each twin kept apart to its primary page.
pub(crate) fn name_types(types: &mut [Type], reading: &Reading, apart: &BTreeMap<usize, usize>) {
    let holders = holders(types, reading, apart);
    let clues: Vec<Clues> = types
        .iter()
        .map(|ty| {
            let title = &reading.pages[ty.page].title;
            Clues {
                shared_title: title.is_some()
                    && types.iter().any(|other| {
                        other.module == ty.module
                            && other.page != ty.page
                            && reading.pages[other.page].title == *title
                    }),
                both_kinds: types
                    .iter()
                    .any(|other| other.page == ty.page && other.kind != ty.kind),
            }
        })
        .collect();
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (i, ty) in types.iter_mut().enumerate() {
        if holders.contains(&i) {
            base_name(ty.kind).clone_into(&mut ty.name);
            let taken = used.entry(ty.module.clone()).or_default();
            taken.insert(ty.name.clone());
        }
    }
    let mut named: BTreeMap<(usize, &'static str), String> = BTreeMap::new();
    for (i, ty) in types.iter_mut().enumerate() {
        let taken = used.entry(ty.module.clone()).or_default();
        if !holders.contains(&i) {
            let primary = apart
                .get(&ty.page)
                .and_then(|p| named.get(&(*p, ty.kind.as_str())));
            let page = &reading.pages[ty.page];
            let name = if let Some(primary) = primary {
                with_language(primary, page.lang)
            } else {
                let twin = ty.translation.map(|t| &reading.pages[t]);
                let root = &reading.roots[page.root].path;
                after_page(page, twin, root, ty.kind, clues[i], |n| taken.contains(n))
            };
            ty.name = if taken.contains(&name) {
                numbered(&name, |n| taken.contains(n))
            } else {
                name
            };
            taken.insert(ty.name.clone());
        }
        named.insert((ty.page, ty.kind.as_str()), ty.name.clone());
    }
}

/// The types named `StatusCode` or `ErrorCode`, one per module and kind: a
/// page titled as the kind (`错误码` for errors), else as a kind (`返回码`),
/// else the first; of those, one of the first ROOT given (the primary, as
/// for translations), then the least deep in its tree (a user guide's copy
/// of the API reference's page is not the page); never a translation kept
/// apart.
fn holders(types: &[Type], reading: &Reading, apart: &BTreeMap<usize, usize>) -> BTreeSet<usize> {
    let rank = |ty: &Type| {
        let title = reading.pages[ty.page].title.as_deref().unwrap_or_default();
        match identifier(title) {
            Some(name) if is_plain(&name) && name.contains(base_name(ty.kind)) => 0,
            Some(name) if is_plain(&name) => 1,
            _ => 2,
        }
    };
    let depth = |ty: &Type| reading.pages[ty.page].source.matches('/').count();
    let mut best: BTreeMap<(&str, &str), (u8, usize, usize, usize)> = BTreeMap::new();
    for (i, ty) in types.iter().enumerate() {
        if apart.contains_key(&ty.page) {
            continue;
        }
        let key = (ty.module.as_str(), ty.kind.as_str());
        let candidate = (rank(ty), reading.pages[ty.page].root, depth(ty), i);
        best.entry(key)
            .and_modify(|b| *b = (*b).min(candidate))
            .or_insert(candidate);
    }
    best.into_values().map(|(.., i)| i).collect()
}

/// What the other types of a module say of a type's page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clues {
    /// Another page of the module has the same title.
    pub(crate) shared_title: bool,
    /// The page is typed as both kinds.
    pub(crate) both_kinds: bool,
}

/// The name of a translation kept apart: `ErrorCodeEn`.
pub(crate) fn with_language(name: &str, lang: &str) -> String {
    format!("{name}{}", heck::AsUpperCamelCase(lang))
}

/// `{base}2`, `{base}3`, …: the first that is not taken.
pub(crate) fn numbered(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut n = 2usize;
    loop {
        let name = format!("{base}{n}");
        if !taken(&name) {
            return name;
        }
        n += 1;
    }
}

/// `StatusCode` or `ErrorCode`.
pub(crate) fn base_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Status => "StatusCode",
        Kind::Error => "ErrorCode",
    }
}

/// Whether a name is only what its kind is called (`ErrorCodes`,
/// `HttpStatusCode`): a page with that title says nothing more of itself.
pub(crate) fn is_plain(name: &str) -> bool {
    let name = name.strip_prefix("Http").unwrap_or(name);
    let name = name.strip_suffix('s').unwrap_or(name);
    ["StatusCode", "ErrorCode", "ReturnCode"].contains(&name)
}

/// The name of a page's type, the first of these that is not plain nor
/// `taken`: its title (unless another page of the module has it); its
/// translation's title; its title and kind, when the page is typed as both;
/// its path, from the file name up, a folder at a time (into its `root`'s,
/// when its path in the root says nothing more). Numbered only when the
/// page gives none.
pub(crate) fn after_page(
    page: &Page,
    twin: Option<&Page>,
    root: &Path,
    kind: Kind,
    clues: Clues,
    taken: impl Fn(&str) -> bool,
) -> String {
    let title = |page: &Page| page.title.as_deref().and_then(identifier);
    let parts: Vec<String> = root
        .join(&page.source)
        .with_extension("")
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let suffixes = (1..=parts.len())
        .rev()
        .filter_map(|from| identifier(&parts[from - 1..].join(" ")));
    let with_kind = title(page)
        .filter(|_| clues.both_kinds)
        .map(|t| format!("{t}{}", base_name(kind)));
    title(page)
        .filter(|_| !clues.shared_title)
        .into_iter()
        .chain(twin.and_then(title))
        .chain(with_kind)
        .chain(suffixes)
        .find(|name| !is_plain(name) && !taken(name))
        .unwrap_or_else(|| numbered(base_name(kind), &taken))
}

/// Words of Chinese page titles and folders, and their English: generic
/// words of API documentation, longest first where one holds another.
const WORDS: &[(&str, &str)] = &[
    ("错误代码", "ErrorCode"),
    ("错误码", "ErrorCode"),
    ("状态码", "StatusCode"),
    ("返回码", "ReturnCode"),
    ("返回值", "ReturnValue"),
    ("响应码", "ResponseCode"),
    ("管理面", "ManagementPlane"),
    ("业务面", "ServicePlane"),
    ("数据面", "DataPlane"),
    ("控制面", "ControlPlane"),
    ("服务端", "Server"),
    ("客户端", "Client"),
    ("密钥对", "KeyPair"),
    ("安全组", "SecurityGroup"),
    ("说明", "Description"),
    ("描述", "Description"),
    ("参考", "Reference"),
    ("接口", "Api"),
    ("指南", "Guide"),
    ("用户", "User"),
    ("开发", "Developer"),
    ("历史", "History"),
    ("公共", "Common"),
    ("通用", "General"),
    ("加密", "Encryption"),
    ("密钥", "Key"),
    ("证书", "Certificate"),
    ("默认", "Default"),
    ("规则", "Rules"),
    ("云", "Cloud"),
    ("和", "And"),
    ("与", "And"),
];

/// A text as an ASCII type name: its words in upper camel case (`Error Code
/// Reference` → `ErrorCodeReference`), Chinese words through [`WORDS`]
/// (`SSH密钥对错误码` → `SshKeyPairErrorCode`), digits of two words kept apart
/// (`v2.0` → `V2_0`); `None` when no name is left.
pub(crate) fn identifier(text: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for chunk in text.split(|c: char| !c.is_alphanumeric()) {
        let mut rest = chunk;
        while let Some(c) = rest.chars().next() {
            if c.is_ascii_alphanumeric() {
                let end = rest
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(rest.len());
                words.push(heck::AsUpperCamelCase(&rest[..end]).to_string());
                rest = &rest[end..];
            } else if let Some((word, english)) = WORDS.iter().find(|(w, _)| rest.starts_with(w)) {
                words.push((*english).to_owned());
                rest = &rest[word.len()..];
            } else {
                rest = &rest[c.len_utf8()..];
            }
        }
        // A chunk ends a word: `v2.0` is `V2` then `0`.
        words.push(String::new());
    }
    let mut name = String::new();
    let mut apart = false;
    for word in words {
        if word.is_empty() {
            apart = true;
            continue;
        }
        let digits = name.ends_with(|c: char| c.is_ascii_digit())
            && word.starts_with(|c: char| c.is_ascii_digit());
        if apart && digits {
            name.push('_');
        }
        name.push_str(&word);
        apart = false;
    }
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name != "Self"
        && syn::parse_str::<syn::Ident>(&name).is_ok();
    valid.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_names_skip_the_taken_ones() {
        let taken = ["ErrorCode2", "ErrorCode3"];
        assert_eq!(numbered("ErrorCode", |n| taken.contains(&n)), "ErrorCode4");
    }

    #[test]
    fn titles_become_type_names() {
        assert_eq!(
            identifier("Error Code Reference").as_deref(),
            Some("ErrorCodeReference")
        );
        assert_eq!(
            identifier("DCS Error Codes").as_deref(),
            Some("DcsErrorCodes")
        );
        assert_eq!(
            identifier("SSH密钥对错误码").as_deref(),
            Some("SshKeyPairErrorCode")
        );
        assert_eq!(
            identifier("错误码说明 v2.0").as_deref(),
            Some("ErrorCodeDescriptionV2_0")
        );
        assert_eq!(
            identifier("错误码说明 v2").as_deref(),
            Some("ErrorCodeDescriptionV2")
        );
        assert_eq!(
            identifier(r"OBS服务端错误码\(Java SDK\)").as_deref(),
            Some("ObsServerErrorCodeJavaSdk")
        );
        assert_eq!(
            identifier("api-reference-(s3) error-codes").as_deref(),
            Some("ApiReferenceS3ErrorCodes")
        );
        // Nothing it knows: no name.
        assert_eq!(identifier("手游"), None);
        assert_eq!(identifier("2xx"), None);
        assert!(is_plain("ErrorCodes") && is_plain("HttpStatusCode") && !is_plain("ErrorCodeList"));
    }
}
