//! `nats/permissions.conf`, generated from the components' declarations
//! (`menuskart_schemas::components`): one NATS account per component, the exports and imports
//! that connect exactly the declared calls, feeds and JetStream uses, and each user's grants
//! inside its account. `mk-grants` prints it; `scripts/test` fails when the committed file
//! differs from what it prints.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use menuskart_schemas::components::{self, Component, JETSTREAM, JS_API_PREFIX};

use crate::nats::inbox_prefix;

/// The command that writes the file (its first line says so).
pub const COMMAND: &str = "cargo run -q -p menuskart-kit --bin mk-grants > nats/permissions.conf";

/// JetStream's read-only API, as the operators see it (under [`JS_API_PREFIX`]).
const OPS_JS_READS: &[&str] = &[
    "INFO",
    "STREAM.NAMES",
    "STREAM.LIST",
    "STREAM.INFO.*",
    "CONSUMER.NAMES.*",
    "CONSUMER.LIST.*",
    "CONSUMER.INFO.*.*",
    "STREAM.MSG.GET.*",
    "DIRECT.GET.*",
    "DIRECT.GET.*.>",
    // Deleting a dead letter once it has been dealt with.
    "STREAM.MSG.DELETE.DEADLETTER",
];

/// What the keeper does with JetStream: look up and create the declared streams, and look up,
/// create and update the declared durables, each by name. Nothing else: a stolen keeper key
/// can make no stream of its own (one capturing `mk.jetstream.>` would answer the workers'
/// requests, one republishing onto `$JS.API.…` would delete streams) and change no stream.
fn keeper_js_api() -> Vec<String> {
    let mut streams = BTreeSet::new();
    let mut api = Vec::new();
    for component in components::ALL {
        for stream in component.streams() {
            if streams.insert(stream.name) {
                api.push(format!("$JS.API.STREAM.INFO.{}", stream.name));
                api.push(format!("$JS.API.STREAM.CREATE.{}", stream.name));
            }
        }
        for consumer in component.consumes {
            let (stream, durable) = (consumer.stream.name, consumer.durable);
            api.push(format!("$JS.API.CONSUMER.INFO.{stream}.{durable}"));
            api.push(format!("$JS.API.CONSUMER.CREATE.{stream}.{durable}"));
            api.push(format!("$JS.API.CONSUMER.CREATE.{stream}.{durable}.>"));
        }
    }
    api
}

/// `api` (`CONSUMER.INFO.<stream>.<durable>`) where an importer sees it: under [`JS_API_PREFIX`].
fn prefixed(api: &str) -> String {
    format!("{JS_API_PREFIX}.{api}")
}

/// An account's name: its component's, in capitals.
pub(crate) fn account(component: &Component) -> String {
    component.name.to_ascii_uppercase()
}

/// An export or import line of an account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Link {
    /// A request subject (`service`), answered once or, with `stream`, many times.
    Service { subject: String, stream: bool },
    /// Messages flowing one way (`stream`).
    Stream { subject: String },
}

impl Link {
    fn service(subject: impl Into<String>) -> Self {
        Self::Service {
            subject: subject.into(),
            stream: false,
        }
    }

    pub(crate) fn subject(&self) -> &str {
        match self {
            Self::Service { subject, .. } | Self::Stream { subject } => subject,
        }
    }
}

/// What `component` reaches in `exporter`'s account (an import of its, an export of theirs).
pub(crate) struct Grant {
    pub(crate) exporter: String,
    pub(crate) importer: String,
    pub(crate) link: Link,
    /// Seen under another name in the importer's account (`to:`).
    local: Option<String>,
}

/// Every cross-account link the declarations make.
pub(crate) fn grants() -> Vec<Grant> {
    let mut grants = Vec::new();
    let mut add =
        |exporter: &Component, importer: &Component, link: Link, local: Option<String>| {
            grants.push(Grant {
                exporter: account(exporter),
                importer: account(importer),
                link,
                local,
            });
        };
    for component in components::ALL {
        for call in component.calls {
            let server =
                components::server_of(call).expect("every call has a server (schemas test)");
            add(server, component, Link::service(call.subject), None);
        }
        for heard in component.hears {
            if let Some(feeder) = components::ALL
                .iter()
                .find(|c| c.name != component.name && c.feeds.contains(heard))
            {
                add(
                    feeder,
                    component,
                    Link::Stream {
                        subject: (*heard).to_owned(),
                    },
                    None,
                );
            }
        }
        if let Some(stream) = component.publishes {
            add(&JETSTREAM, component, Link::service(stream.subjects), None);
        }
        let mut read_streams = BTreeSet::new();
        for consumer in component.consumes {
            let (stream, durable) = (consumer.stream.name, consumer.durable);
            add(
                &JETSTREAM,
                component,
                Link::service(format!("$JS.API.CONSUMER.INFO.{stream}.{durable}")),
                Some(prefixed(&format!("CONSUMER.INFO.{stream}.{durable}"))),
            );
            add(
                &JETSTREAM,
                component,
                Link::Service {
                    subject: format!("$JS.API.CONSUMER.MSG.NEXT.{stream}.{durable}"),
                    stream: true,
                },
                Some(prefixed(&format!("CONSUMER.MSG.NEXT.{stream}.{durable}"))),
            );
            add(
                &JETSTREAM,
                component,
                Link::service(format!("$JS.ACK.{stream}.{durable}.>")),
                None,
            );
            add(
                &JETSTREAM,
                component,
                Link::service(consumer.dead_letter_subject()),
                None,
            );
            read_streams.insert(stream);
        }
        // Replaying a dead letter reads the event its stream holds.
        for stream in read_streams {
            add(
                &JETSTREAM,
                component,
                Link::service(format!("$JS.API.STREAM.MSG.GET.{stream}")),
                Some(prefixed(&format!("STREAM.MSG.GET.{stream}"))),
            );
        }
        if component.operates {
            for server in components::ALL.iter().filter(|c| c.serves.is_some()) {
                add(
                    server,
                    component,
                    Link::Service {
                        subject: "$SRV.>".to_owned(),
                        stream: true,
                    },
                    None,
                );
            }
            for api in OPS_JS_READS {
                add(
                    &JETSTREAM,
                    component,
                    Link::service(format!("$JS.API.{api}")),
                    Some(format!("{JS_API_PREFIX}.{api}")),
                );
            }
        }
    }
    grants
}

/// What `component`'s user may publish inside its account.
pub(crate) fn publishes(component: &Component) -> Vec<String> {
    let mut subjects = vec![format!("{}.>", inbox_prefix(component.name))];
    if component.name == JETSTREAM.name {
        subjects.extend(keeper_js_api());
    }
    let imported = grants()
        .into_iter()
        .filter(|g| g.importer == account(component))
        .map(|g| g.local.unwrap_or_else(|| g.link.subject().to_owned()));
    let mut seen = BTreeSet::new();
    subjects.extend(imported.filter(|s| seen.insert(s.clone())));
    subjects.extend(component.feeds.iter().map(|s| (*s).to_owned()));
    subjects
}

/// What `component`'s user may subscribe to inside its account.
pub(crate) fn subscribes(component: &Component) -> Vec<String> {
    let mut subjects = vec![format!("{}.>", inbox_prefix(component.name))];
    if let Some((service, _)) = component.serves {
        subjects.push(format!("{}.>", service.group));
        subjects.push("$SRV.>".to_owned());
    }
    subjects.extend(component.hears.iter().map(|s| (*s).to_owned()));
    subjects
}

fn quoted(subjects: &[String]) -> String {
    subjects
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole file.
pub fn permissions_conf() -> String {
    let grants = grants();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# GENERATED from schemas/src/components.rs by `{COMMAND}`: do not edit; change the declarations.\n#"
    );
    out.push_str(HEADER);
    out.push_str("\naccounts {\n");
    for component in components::ALL {
        let name = account(component);
        let _ = writeln!(out, "  {name} {{");
        if component.name == JETSTREAM.name {
            out.push_str("    jetstream: enabled\n");
        }
        let _ = writeln!(
            out,
            "    users = [ {{ nkey: $MK_NATS_{name}_NKEY, permissions: {{\n      publish = {{ allow = [{}] }}\n      subscribe = {{ allow = [{}] }}{}\n    }} }} ]",
            quoted(&publishes(component)),
            quoted(&subscribes(component)),
            if component.serves.is_some() {
                "\n      allow_responses = true"
            } else {
                ""
            },
        );
        // Exports: each subject once, with every account that imports it.
        let mut exports: Vec<(Link, BTreeSet<String>)> = Vec::new();
        for grant in grants.iter().filter(|g| g.exporter == name) {
            match exports.iter_mut().find(|(link, _)| *link == grant.link) {
                Some((_, importers)) => {
                    importers.insert(grant.importer.clone());
                }
                None => {
                    exports.push((grant.link.clone(), BTreeSet::from([grant.importer.clone()])))
                }
            }
        }
        exports.sort();
        if !exports.is_empty() {
            out.push_str("    exports = [\n");
            for (link, importers) in &exports {
                let accounts = importers.iter().cloned().collect::<Vec<_>>().join(", ");
                let line = match link {
                    Link::Service {
                        subject,
                        stream: true,
                    } => {
                        format!(
                            "{{ service: \"{subject}\", response_type: stream, accounts: [{accounts}] }}"
                        )
                    }
                    Link::Service { subject, .. } => {
                        format!("{{ service: \"{subject}\", accounts: [{accounts}] }}")
                    }
                    Link::Stream { subject } => {
                        format!("{{ stream: \"{subject}\", accounts: [{accounts}] }}")
                    }
                };
                let _ = writeln!(out, "      {line}");
            }
            out.push_str("    ]\n");
        }
        let imports: Vec<&Grant> = grants.iter().filter(|g| g.importer == name).collect();
        if !imports.is_empty() {
            out.push_str("    imports = [\n");
            for grant in imports {
                let (kind, subject) = match &grant.link {
                    Link::Service { subject, .. } => ("service", subject),
                    Link::Stream { subject } => ("stream", subject),
                };
                let to = grant
                    .local
                    .as_ref()
                    .map(|local| format!(", to: \"{local}\""))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "      {{ {kind}: {{ account: {}, subject: \"{subject}\" }}{to} }}",
                    grant.exporter
                );
            }
            out.push_str("    ]\n");
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

const HEADER: &str = "\
# Who may do what on NATS: every connection is one of the users below, identified by its NKey
# (Ed25519: the client proves it holds the seed by signing the server's challenge, so no secret
# crosses the wire and this file holds only public keys). There is no anonymous user.
#
# The public keys come from the environment (MK_NATS_<COMPONENT>_NKEY; the server refuses to
# start when one is missing); each component holds only its own seed (MK_<COMPONENT>_NATS_SEED).
# `scripts/dev` generates both, compose and Nomad read them from their secrets, and the tests
# generate a set per test server. dev.conf, cluster.conf and the tests' servers include this file.
#
# One account per component (an account is a separate subject space: nothing crosses between
# accounts but what one exports and the other imports). A component reaches exactly the
# endpoints it declares it calls, in the account of the worker that serves them; a reply it
# names, and whatever the server or JetStream sends there, stays in its own account. So no key
# can aim another component's answer, or JetStream's own answer to a pull or an ack, at an API
# it was not given: the server guarantees this, not our code.
#
# JETSTREAM holds every stream and only the keeper (`mk-jetstream`) connects to it. The others
# import from it exactly: publishing their own events (`mk.evt.<domain>.>`, acknowledged by
# JetStream), pulling, acknowledging and looking up their own durable consumers, writing those
# consumers' dead letters, reading the streams they consume by sequence (replaying a dead
# letter), and asking the keeper (`mk.jetstream.<component>`) for the streams and consumers they
# declare. No component but the keeper can create a consumer, so none can make one that delivers
# into another's subjects. OPS imports every worker's service API (`$SRV.>`), the replay and
# seeding calls, and JetStream's read-only API. Every account sees the JetStream API it imports
# under the prefix `JS.MK.API` (the server answers `$JS.API.…` itself in an account without
# JetStream, racing the imported answer).
#
# Inside its account each user is granted only what it declares: its inbox (`_INBOX_<name>.>`,
# where its replies arrive), the subjects it imports, its own feeds; it subscribes to its own
# service (`mk.<domain>.>`, queue group) and `$SRV.>`, and answers through `allow_responses`.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edge_imports_each_call_from_the_worker_that_serves_it() {
        let conf = permissions_conf();
        assert!(conf.contains(r#"{ service: { account: ORDERS, subject: "mk.orders.get" } }"#));
        assert!(conf.contains(r#"{ stream: { account: ORDERS, subject: "mk.live.orders.>" } }"#));
    }

    #[test]
    fn the_kits_components_are_the_declared_ones() {
        let declared: BTreeSet<&str> = components::ALL.iter().map(|c| c.name).collect();
        let kit: BTreeSet<&str> = crate::nats::COMPONENTS.iter().copied().collect();
        assert_eq!(declared, kit);
    }

    #[test]
    fn the_keeper_may_make_only_declared_streams_and_durables_by_name() {
        let keeper = publishes(&JETSTREAM);
        assert!(keeper.contains(&"$JS.API.STREAM.CREATE.ORDERS".to_owned()));
        assert!(keeper.contains(&"$JS.API.CONSUMER.CREATE.ORDERS.payments-refunds.>".to_owned()));
        for subject in keeper.iter().filter(|s| s.starts_with("$JS.API.")) {
            let api = subject.trim_end_matches(".>");
            assert!(!api.contains('*') && !api.contains('>'), "{subject}");
            assert!(!api.contains("DELETE") && !api.contains("UPDATE") && !api.contains("PURGE"));
        }
    }

    #[test]
    fn only_the_keeper_may_create_consumers() {
        for component in components::ALL {
            let may = publishes(component)
                .iter()
                .any(|s| s.contains("CONSUMER.CREATE"));
            assert_eq!(may, component.name == JETSTREAM.name, "{}", component.name);
        }
        let conf = permissions_conf();
        let exported_creates = conf
            .lines()
            .filter(|l| l.contains("service:") && l.contains("CONSUMER.CREATE"))
            .count();
        assert_eq!(exported_creates, 0, "consumer creation is never exported");
    }

    #[test]
    fn a_consumer_is_pulled_with_streamed_answers_and_acked_by_its_owner_only() {
        let conf = permissions_conf();
        assert!(conf.contains(
            r#"{ service: "$JS.API.CONSUMER.MSG.NEXT.PAYMENTS.orders-payments", response_type: stream, accounts: [ORDERS] }"#
        ));
        assert!(conf.contains(
            r#"{ service: { account: JETSTREAM, subject: "$JS.API.CONSUMER.MSG.NEXT.PAYMENTS.orders-payments" }, to: "JS.MK.API.CONSUMER.MSG.NEXT.PAYMENTS.orders-payments" }"#
        ));
        assert!(
            conf.contains(
                r#"{ service: "$JS.ACK.ORDERS.payments-refunds.>", accounts: [PAYMENTS] }"#
            )
        );
    }
}
