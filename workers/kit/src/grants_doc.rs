//! `docs/grants.md`: what each NATS credential may do, generated from the same declarations as
//! `nats/permissions.conf` (`mk-grants --doc`; `scripts/test` fails when the committed page
//! differs). The judgement of what a stolen key costs stays in `docs/security.md`, by hand.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use menuskart_schemas::components;

use crate::grants::{COMMAND, account, grants, publishes, subscribes};

/// The command that writes the page.
pub const DOC_COMMAND: &str =
    "cargo run -q -p menuskart-kit --bin mk-grants -- --doc > docs/grants.md";

/// The whole page.
pub fn grants_md() -> String {
    let grants = grants();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!-- GENERATED from schemas/src/components.rs by `{DOC_COMMAND}`: do not edit. -->\n"
    );
    out.push_str("# What each NATS credential may do\n\n");
    let _ = writeln!(
        out,
        "Generated from the components' declarations (`schemas/src/components.rs`), as \
         `nats/permissions.conf` is (`{COMMAND}`). Every component is a NATS user in an account \
         of its own; it reaches another account only through what that account exports to it. \
         What a stolen key would cost is in [security.md](security.md).\n"
    );
    for component in components::ALL {
        let name = account(component);
        let _ = writeln!(out, "## `{}` (account `{name}`)\n", component.name);
        let _ = writeln!(out, "- **may publish:** {}", listed(&publishes(component)));
        let _ = writeln!(
            out,
            "- **may subscribe:** {}",
            listed(&subscribes(component))
        );
        let reaches: BTreeSet<String> = grants
            .iter()
            .filter(|g| g.importer == name)
            .map(|g| format!("{} (from `{}`)", code(g.link.subject()), g.exporter))
            .collect();
        let _ = writeln!(out, "- **reaches in other accounts:** {}", joined(reaches));
        let reached: BTreeSet<String> = grants
            .iter()
            .filter(|g| g.exporter == name)
            .map(|g| g.importer.clone())
            .collect();
        let _ = writeln!(
            out,
            "- **reached by:** {}\n",
            joined(reached.into_iter().map(|a| format!("`{a}`")).collect())
        );
    }
    out
}

fn code(subject: &str) -> String {
    format!("`{subject}`")
}

fn listed(subjects: &[String]) -> String {
    joined(subjects.iter().map(|s| code(s)).collect())
}

fn joined(items: BTreeSet<String>) -> String {
    if items.is_empty() {
        return "nothing".to_owned();
    }
    items.into_iter().collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_names_every_component_and_what_the_edge_reaches() {
        let page = super::grants_md();
        for component in menuskart_schemas::components::ALL {
            assert!(page.contains(&format!("## `{}`", component.name)));
        }
        assert!(page.contains("`mk.orders.get` (from `ORDERS`)"));
    }
}
