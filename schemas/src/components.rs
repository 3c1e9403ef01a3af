//! Who talks to whom over NATS: every component's declaration of what it serves, calls,
//! publishes and consumes. It is the one source of the NATS grants: `mk-grants` generates
//! `nats/permissions.conf` from it (`scripts/test` fails when the committed file differs), the
//! JetStream keeper creates streams and durable consumers only as declared here, and the kit
//! refuses to start a worker whose consumers are not declared. A call that is not declared has
//! no grant, so it fails in every test that makes it; a grant exists only for a declared call.
//!
//! Each component lives in a NATS account of its own (the server's isolation: nothing crosses
//! between accounts but what one exports and the other imports), and JetStream lives in an
//! account of its own that only the keeper connects to. A component reaches another's endpoints
//! and JetStream only through imports made from this declaration, so whatever a component's key
//! makes the server or JetStream answer lands in that component's own account, where it can
//! reach no more than the key itself.

use crate::subjects::events::{self, Stream};
use crate::subjects::{self, EndpointName, Service};

/// A durable JetStream consumer: the stream it reads, its name (`<owner>-<what>`: the owner's
/// `replay` endpoint takes its dead letters) and the subjects it takes from the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consumer {
    pub stream: Stream,
    pub durable: &'static str,
    pub filter: &'static str,
}

impl Consumer {
    /// The dead-letter subject of its failed events (`mk.dlq.<durable>`).
    pub fn dead_letter_subject(&self) -> String {
        format!("mk.dlq.{}", self.durable)
    }
}

/// The dead-letter stream every consumer's failures end in.
pub const DEAD_LETTERS: Stream = Stream {
    name: "DEADLETTER",
    subjects: "mk.dlq.>",
    // Until an operator replays or drops them.
    max_age: events::FOREVER,
    max_bytes: 512 * 1024 * 1024,
    keeps_history: false,
};

/// The dead letters each durable's subject (`mk.dlq.<durable>`) keeps at the most: every
/// consumer writes its own subject, so one that floods the stream drops only its own oldest
/// letters, never another's.
pub const DEAD_LETTERS_PER_CONSUMER: i64 = 1_000;

/// One component's part in the NATS traffic.
#[derive(Debug, Clone, Copy)]
pub struct Component {
    /// Its name: its NATS user (`MK_NATS_<NAME>_NKEY`), account and inbox prefix.
    pub name: &'static str,
    /// The service it serves (a worker), whose endpoints it answers in its queue group.
    pub serves: Option<(Service, &'static [EndpointName])>,
    /// The endpoints of other components it calls.
    pub calls: &'static [EndpointName],
    /// The stream its own events go to (`mk.evt.<domain>.>`).
    pub publishes: Option<Stream>,
    /// The durable consumers it reads.
    pub consumes: &'static [Consumer],
    /// Core subjects it publishes for another component to subscribe to.
    pub feeds: &'static [&'static str],
    /// Core subjects it subscribes to: another component's feed, or its own events.
    pub hears: &'static [&'static str],
    /// The operators' extras: the service API of every worker (`$SRV.>`) and JetStream's
    /// read-only API under [`JS_API_PREFIX`].
    pub operates: bool,
}

impl Component {
    const fn worker(
        name: &'static str,
        service: Service,
        endpoints: &'static [EndpointName],
    ) -> Self {
        Self {
            name,
            serves: Some((service, endpoints)),
            calls: &[],
            publishes: None,
            consumes: &[],
            feeds: &[],
            hears: &[],
            operates: false,
        }
    }

    /// The streams it has the keeper ensure: its own, those it consumes and, when it consumes
    /// any, the dead letters.
    pub fn streams(&self) -> Vec<Stream> {
        let mut streams: Vec<Stream> = self.publishes.into_iter().collect();
        for consumer in self.consumes {
            if !streams.contains(&consumer.stream) {
                streams.push(consumer.stream);
            }
        }
        if !self.consumes.is_empty() {
            streams.push(DEAD_LETTERS);
        }
        streams
    }

    /// Its durable consumer named `durable`, if it declared one.
    pub fn consumer(&self, durable: &str) -> Option<&'static Consumer> {
        self.consumes.iter().find(|c| c.durable == durable)
    }
}

/// The prefix under which every account but JetStream's own sees the part of JetStream's API it
/// imports (an operator: `nats --js-api-prefix JS.MK.API stream ls`). Not `$JS.API` itself: in
/// an account without JetStream the server answers that at once with "JetStream not enabled",
/// racing the imported answer.
pub const JS_API_PREFIX: &str = "JS.MK.API";

/// The component that owns JetStream: the keeper, which creates the streams and durable
/// consumers the others declare (`mk.jetstream.<component>`), and nobody else.
pub const JETSTREAM: Component = Component {
    calls: &[],
    ..Component::worker(
        "jetstream",
        subjects::jetstream::SERVICE,
        subjects::jetstream::ENDPOINTS,
    )
};

pub const AUTH: Component = Component {
    publishes: Some(events::auth::STREAM),
    calls: &[subjects::jetstream::AUTH.untyped()],
    ..Component::worker("auth", subjects::auth::SERVICE, subjects::auth::ENDPOINTS)
};

pub const CATALOG: Component = Component {
    calls: &[
        subjects::inventory::GET.untyped(),
        subjects::auth::PROFILE_GET.untyped(),
        subjects::orders::PURCHASED.untyped(),
        subjects::jetstream::CATALOG.untyped(),
    ],
    consumes: &[Consumer {
        stream: events::inventory::STREAM,
        durable: "catalog-stock",
        filter: events::inventory::STOCK_CHANGED.subject,
    }],
    ..Component::worker(
        "catalog",
        subjects::catalog::SERVICE,
        subjects::catalog::ENDPOINTS,
    )
};

pub const INVENTORY: Component = Component {
    publishes: Some(events::inventory::STREAM),
    calls: &[subjects::jetstream::INVENTORY.untyped()],
    ..Component::worker(
        "inventory",
        subjects::inventory::SERVICE,
        subjects::inventory::ENDPOINTS,
    )
};

pub const CART: Component = Component {
    calls: &[
        subjects::catalog::GET.untyped(),
        subjects::catalog::GET_MANY.untyped(),
    ],
    ..Component::worker("cart", subjects::cart::SERVICE, subjects::cart::ENDPOINTS)
};

pub const ORDERS: Component = Component {
    calls: &[
        subjects::cart::GET.untyped(),
        subjects::cart::CLEAR.untyped(),
        subjects::auth::PROFILE_GET.untyped(),
        subjects::inventory::RESERVE.untyped(),
        subjects::inventory::RELEASE.untyped(),
        subjects::inventory::COMMIT.untyped(),
        // The shop's standard tax rate, which delivery carries.
        subjects::catalog::SHOP.untyped(),
        subjects::jetstream::ORDERS.untyped(),
    ],
    publishes: Some(events::orders::STREAM),
    consumes: &[
        Consumer {
            stream: events::payments::STREAM,
            durable: "orders-payments",
            filter: events::payments::STREAM.subjects,
        },
        Consumer {
            stream: events::orders::STREAM,
            durable: "orders-stock",
            filter: events::orders::STREAM.subjects,
        },
    ],
    // Live order status: every instance hears each status change and forwards it to the
    // watches it holds, on the edge's `mk.live.orders.<watch>`.
    feeds: &[subjects::orders::LIVE_SUBJECTS],
    hears: &[events::orders::STATUS_SUBJECTS],
    ..Component::worker(
        "orders",
        subjects::orders::SERVICE,
        subjects::orders::ENDPOINTS,
    )
};

pub const PAYMENTS: Component = Component {
    calls: &[
        subjects::orders::GET.untyped(),
        subjects::orders::LOOKUP.untyped(),
        subjects::jetstream::PAYMENTS.untyped(),
    ],
    publishes: Some(events::payments::STREAM),
    consumes: &[Consumer {
        stream: events::orders::STREAM,
        durable: "payments-refunds",
        filter: events::orders::CANCELLED.subject,
    }],
    ..Component::worker(
        "payments",
        subjects::payments::SERVICE,
        subjects::payments::ENDPOINTS,
    )
};

pub const NOTIFY: Component = Component {
    calls: &[
        subjects::auth::PROFILE_OF.untyped(),
        subjects::auth::MARKETING_OPT_OUT.untyped(),
        subjects::auth::MARKETING_AUDIENCE.untyped(),
        subjects::auth::LINK_TOKEN.untyped(),
        subjects::orders::LOOKUP.untyped(),
        subjects::orders::AWAITING_PAYMENT.untyped(),
        subjects::jetstream::NOTIFY.untyped(),
    ],
    publishes: Some(events::notify::STREAM),
    consumes: &[
        Consumer {
            stream: events::orders::STREAM,
            durable: "notify-orders",
            filter: events::orders::STREAM.subjects,
        },
        // Apart from `notify-orders`: its events wait (deferred) until a reminder is due, and
        // must not hold up receipts.
        Consumer {
            stream: events::orders::STREAM,
            durable: "notify-reminders",
            filter: events::orders::PLACED.subject,
        },
        Consumer {
            stream: events::payments::STREAM,
            durable: "notify-payments",
            filter: events::payments::STREAM.subjects,
        },
        Consumer {
            stream: events::auth::STREAM,
            durable: "notify-accounts",
            filter: events::auth::STREAM.subjects,
        },
        Consumer {
            stream: events::notify::STREAM,
            durable: "notify-campaigns",
            filter: events::notify::CAMPAIGN_MESSAGE.subject,
        },
    ],
    ..Component::worker(
        "notify",
        subjects::notify::SERVICE,
        subjects::notify::ENDPOINTS,
    )
};

/// The gateway: the requests it routes for HTTP clients, and the live order status of the
/// orders it watches for a customer.
pub const EDGE: Component = Component {
    name: "edge",
    serves: None,
    calls: &[
        subjects::auth::REGISTER.untyped(),
        subjects::auth::LOGIN.untyped(),
        subjects::auth::VALIDATE.untyped(),
        subjects::auth::REFRESH.untyped(),
        subjects::auth::LOGOUT.untyped(),
        subjects::auth::PROFILE_GET.untyped(),
        subjects::auth::PROFILE_UPDATE.untyped(),
        subjects::auth::USERS_LIST.untyped(),
        subjects::auth::PASSWORD_RESET.untyped(),
        subjects::auth::PASSWORD_RESET_CONFIRM.untyped(),
        subjects::auth::PASSWORD_RESET_CHECK.untyped(),
        subjects::auth::VERIFY_EMAIL.untyped(),
        subjects::auth::VERIFY_EMAIL_RESEND.untyped(),
        subjects::catalog::LIST.untyped(),
        subjects::catalog::ATTRIBUTES.untyped(),
        subjects::catalog::GET.untyped(),
        subjects::catalog::SEARCH.untyped(),
        subjects::catalog::CREATE.untyped(),
        subjects::catalog::UPDATE.untyped(),
        subjects::catalog::DELETE.untyped(),
        subjects::catalog::CATEGORIES.untyped(),
        subjects::catalog::CATEGORY_CREATE.untyped(),
        subjects::catalog::CATEGORY_UPDATE.untyped(),
        subjects::catalog::CATEGORY_DELETE.untyped(),
        subjects::catalog::SHOP.untyped(),
        subjects::catalog::SITEMAP.untyped(),
        subjects::catalog::REVIEW_ADD.untyped(),
        subjects::catalog::REVIEWS.untyped(),
        subjects::catalog::REVIEW_DELETE.untyped(),
        subjects::inventory::GET.untyped(),
        subjects::inventory::UPDATE.untyped(),
        subjects::cart::GET.untyped(),
        subjects::cart::ADD.untyped(),
        subjects::cart::SET_QUANTITY.untyped(),
        subjects::cart::REMOVE.untyped(),
        subjects::cart::CLEAR.untyped(),
        subjects::cart::MERGE.untyped(),
        subjects::orders::PLACE.untyped(),
        subjects::orders::GET.untyped(),
        subjects::orders::BY_USER.untyped(),
        subjects::orders::LIST.untyped(),
        subjects::orders::EXPORT.untyped(),
        subjects::orders::OVERVIEW.untyped(),
        subjects::orders::CANCEL.untyped(),
        subjects::orders::SET_STATUS.untyped(),
        subjects::orders::WATCH.untyped(),
        subjects::orders::DELIVERY_METHODS.untyped(),
        subjects::orders::DELIVERY_METHOD_CREATE.untyped(),
        subjects::orders::DELIVERY_METHOD_UPDATE.untyped(),
        subjects::payments::CHARGE.untyped(),
        subjects::payments::GET.untyped(),
        subjects::payments::BY_ORDER.untyped(),
        subjects::payments::REFUND.untyped(),
        subjects::payments::WEBHOOK.untyped(),
        subjects::notify::CAMPAIGN_CREATE.untyped(),
        subjects::notify::CAMPAIGN_GET.untyped(),
        subjects::notify::UNSUBSCRIBE.untyped(),
        // The audit log, merged (`edge/src/audit_log.rs`), with actors' and products' names.
        subjects::auth::ROLES_SET.untyped(),
        subjects::auth::EMAILS_OF.untyped(),
        subjects::auth::AUDIT.untyped(),
        subjects::catalog::AUDIT.untyped(),
        subjects::catalog::GET_MANY.untyped(),
        subjects::inventory::AUDIT.untyped(),
        subjects::payments::AUDIT.untyped(),
        subjects::orders::AUDIT.untyped(),
    ],
    publishes: None,
    consumes: &[],
    feeds: &[],
    hears: &[subjects::orders::LIVE_SUBJECTS],
    operates: false,
};

/// The operators' tools: the service API, reading JetStream (never pulling from a consumer),
/// having a consumer's own worker replay a dead letter (`mk-dead-letters`), and seeding the
/// catalog (`mk-seed`, which logs in as the shop's admin).
pub const OPS: Component = Component {
    name: "ops",
    serves: None,
    calls: &[
        subjects::catalog::REPLAY.untyped(),
        subjects::orders::REPLAY.untyped(),
        subjects::payments::REPLAY.untyped(),
        subjects::notify::REPLAY.untyped(),
        subjects::auth::LOGIN.untyped(),
        subjects::catalog::CREATE.untyped(),
        subjects::catalog::CATEGORY_CREATE.untyped(),
        subjects::inventory::UPDATE.untyped(),
    ],
    publishes: None,
    consumes: &[],
    feeds: &[],
    hears: &[],
    operates: true,
};

/// Every component with a NATS user, in the order `nats/permissions.conf` lists them.
pub const ALL: &[Component] = &[
    JETSTREAM, AUTH, CATALOG, INVENTORY, CART, ORDERS, PAYMENTS, NOTIFY, EDGE, OPS,
];

/// The component named `name`.
pub fn named(name: &str) -> Option<&'static Component> {
    ALL.iter().find(|c| c.name == name)
}

/// The worker that serves `endpoint`.
pub fn server_of(endpoint: &EndpointName) -> Option<&'static Component> {
    ALL.iter().find(|c| {
        c.serves
            .is_some_and(|(service, _)| service.group == endpoint.group)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_has_a_server_that_serves_it() {
        for component in ALL {
            for call in component.calls {
                let server = server_of(call).unwrap_or_else(|| {
                    panic!(
                        "{} calls {}, which nobody serves",
                        component.name, call.subject
                    )
                });
                let (_, endpoints) = server.serves.expect("a server");
                assert!(
                    endpoints.contains(call),
                    "{} calls {}, which {} does not serve",
                    component.name,
                    call.subject,
                    server.name
                );
                assert_ne!(
                    server.name, component.name,
                    "{} calls itself",
                    component.name
                );
            }
        }
    }

    #[test]
    fn consumers_are_named_after_their_owner_and_filter_inside_their_stream() {
        for component in ALL {
            for consumer in component.consumes {
                assert!(
                    consumer
                        .durable
                        .starts_with(&format!("{}-", component.name)),
                    "{}",
                    consumer.durable
                );
                let stream_prefix = consumer.stream.subjects.trim_end_matches('>');
                assert!(
                    consumer.filter.starts_with(stream_prefix),
                    "{}",
                    consumer.durable
                );
            }
        }
    }

    #[test]
    fn a_component_publishes_only_its_own_events() {
        for component in ALL {
            if let Some(stream) = component.publishes {
                assert_eq!(stream.subjects, format!("mk.evt.{}.>", component.name));
            }
        }
    }

    #[test]
    fn each_keeper_endpoint_is_named_after_a_component_that_uses_jetstream() {
        for endpoint in subjects::jetstream::ENDPOINTS {
            let component = named(endpoint.name)
                .unwrap_or_else(|| panic!("{} names no component", endpoint.subject));
            assert!(!component.streams().is_empty(), "{}", endpoint.subject);
        }
    }

    #[test]
    fn every_jetstream_user_may_ask_the_keeper_for_its_streams() {
        for component in ALL {
            let asks = component
                .calls
                .iter()
                .any(|c| c.group == subjects::jetstream::SERVICE.group && c.name == component.name);
            assert_eq!(
                asks,
                !component.streams().is_empty(),
                "{}: the keeper's endpoint is called exactly when there are streams",
                component.name
            );
        }
    }
}
