//! What makes a crate `init` writes an SDK crate: the options every type gets
//! (a lossless catch-all, `#[non_exhaustive]`, `serde` and `http` under the
//! crate's features of those names), chosen once by `init`'s flags and
//! recorded in `tables/SOURCES.toml`, so that `sync` gives each new type the
//! same. A crate written before they existed records none, and gets none.

use serde::{Deserialize, Serialize};

/// The options `init` gives every type.
// Four switches, each its own flag and line of SOURCES.toml, independent of
// the others: booleans say that best.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Defaults {
    /// `other = Other`: every code decodes; an undocumented one is kept.
    pub(crate) catch_all: bool,
    /// `non_exhaustive`: a code upstream adds is not a breaking change.
    pub(crate) non_exhaustive: bool,
    /// `serde = "serde"`: `Serialize`/`Deserialize` under the feature `serde`.
    pub(crate) serde: bool,
    /// `http = "http"`: `http::StatusCode` conversions under the feature `http`.
    pub(crate) http: bool,
}

/// The catch-all's names, in order of preference: the first no documented
/// code of the type has.
const CATCH_ALL: [&str; 3] = ["Other", "Undocumented", "OtherCode"];

impl Defaults {
    /// All on: what `init` writes unless told otherwise.
    #[cfg(test)]
    pub(crate) const SDK: Self = Self {
        catch_all: true,
        non_exhaustive: true,
        serde: true,
        http: true,
    };

    /// The options, as written after the others of an invocation, for a type
    /// whose variants are `names`.
    pub(crate) fn options(self, names: &[String]) -> String {
        let mut options = Vec::new();
        if self.catch_all {
            let name = CATCH_ALL
                .iter()
                .find(|n| !names.iter().any(|taken| taken == *n))
                .unwrap_or(&CATCH_ALL[0]);
            options.push(format!("other = {name}"));
        }
        if self.non_exhaustive {
            options.push("non_exhaustive".to_owned());
        }
        for (on, feature) in [(self.serde, "serde"), (self.http, "http")] {
            if on {
                options.push(format!("{feature} = \"{feature}\""));
            }
        }
        options.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catch_all_takes_a_name_no_code_has() {
        let sdk = Defaults::SDK;
        assert_eq!(
            sdk.options(&["Ok".to_owned()]),
            "other = Other, non_exhaustive, serde = \"serde\", http = \"http\""
        );
        assert_eq!(
            sdk.options(&["Other".to_owned()]),
            "other = Undocumented, non_exhaustive, serde = \"serde\", http = \"http\""
        );
        let plain = Defaults {
            catch_all: false,
            non_exhaustive: false,
            serde: false,
            http: true,
        };
        assert_eq!(plain.options(&[]), "http = \"http\"");
    }
}
