//! The JetStream keeper (`mk-jetstream`): the one component that creates streams and durable
//! consumers, and the only one connected to the account that holds them.
//!
//! Why a component of its own: nats-server does not check where a push consumer delivers, nor
//! what a stream republishes, against its creator's grants, and JetStream's API lives in the
//! account of its streams. A worker allowed to create its consumer could have it deliver onto
//! `$JS.API.STREAM.PURGE.<any>`; a worker in the same account as JetStream could aim
//! JetStream's answer to its pull or ack at that API. So the workers live in accounts of their
//! own (`nats/permissions.conf`) and ask the keeper, each on an endpoint of its own
//! (`mk.jetstream.<component>`, granted to that component alone), for what its declaration in
//! `menuskart_schemas::components` names. The keeper builds each configuration itself: streams
//! from the schemas, durables as pull consumers with the declared filter; the worker chooses
//! only its limits (deliveries, events in flight), within bounds.
//!
//! A worker asks at start-up and again when its durable vanished ([`crate::consumer`]).

use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::{self, consumer::pull, context::ConsumerInfoErrorKind, stream};
use menuskart_schemas::components::{self, Component};
use menuskart_schemas::jetstream::{ConsumerLimits, EnsureRequest, Ensured};
use menuskart_schemas::subjects::events::{MAX_EVENT_BYTES, Stream};
use menuskart_schemas::subjects::{Endpoint, jetstream as keeper};

use crate::domain::{Declaration, Domain, Nats};
use crate::events::DUPLICATE_WINDOW;
use crate::rpc::RpcError;
use crate::{Incoming, ReplyError, StartupError};

/// The most deliveries a durable may ask for.
const MAX_DELIVER: i64 = 1_000;
/// The most events a durable may have in flight.
const MAX_ACK_PENDING: i64 = 100_000;
/// The most streams, and durables, one request may name: a component declares a handful, and
/// each costs the keeper JetStream calls (and a write to disk), so a longer list is refused
/// rather than worked through.
const MAX_NAMES: usize = 16;

/// The keeper as a worker: one endpoint per component that uses JetStream.
pub struct Keeper;

#[derive(Debug, Clone)]
pub struct KeeperState {
    js: jetstream::Context,
    /// Copies of each stream: 1 on one machine, 3 on a cluster (`MK_JS_REPLICAS`).
    replicas: usize,
}

/// The keeper's own settings: none beyond every worker's.
#[derive(Debug, Default, serde::Deserialize)]
pub struct KeeperSettings {}

impl Domain for Keeper {
    const SERVICE: menuskart_schemas::subjects::Service = keeper::SERVICE;
    type Settings = KeeperSettings;
    type State = Arc<KeeperState>;

    async fn declare(
        _settings: KeeperSettings,
        nats: Nats,
    ) -> Result<Declaration<Self::State>, StartupError> {
        let state = Arc::new(KeeperState {
            js: jetstream::new(nats.client.clone()),
            replicas: nats.replicas(),
        });
        let serve = |declaration: Declaration<Self::State>,
                     endpoint: Endpoint<EnsureRequest, Ensured>,
                     component: &'static Component| {
            declaration.endpoint(
                endpoint,
                move |state: Arc<KeeperState>, request: Incoming<EnsureRequest>| async move {
                    state.ensure(component, request.body).await
                },
            )
        };
        let mut declaration = Declaration::new(state);
        // One endpoint per component, named after it (a schemas test checks each name is a
        // declared component that uses JetStream).
        for endpoint in keeper::ENDPOINTS {
            let Some(component) = components::named(endpoint.name) else {
                continue;
            };
            let typed: Endpoint<EnsureRequest, Ensured> =
                Endpoint::new(endpoint.group, endpoint.name, endpoint.subject);
            declaration = serve(declaration, typed, component);
        }
        Ok(declaration)
    }
}

impl KeeperState {
    /// Makes what `component` asks for, if it declared it.
    async fn ensure(
        &self,
        component: &'static Component,
        mut request: EnsureRequest,
    ) -> Result<Ensured, ReplyError> {
        check_request(&mut request)?;
        let declared = component.streams();
        for name in &request.streams {
            let stream = declared
                .iter()
                .find(|s| s.name == name)
                .ok_or_else(|| undeclared(component, "stream", name))?;
            self.ensure_stream(*stream).await?;
        }
        let mut created_consumers = Vec::new();
        for limits in &request.consumers {
            let consumer = component
                .consumer(&limits.durable)
                .ok_or_else(|| undeclared(component, "consumer", &limits.durable))?;
            check_limits(limits)?;
            self.ensure_stream(consumer.stream).await?;
            self.ensure_stream(components::DEAD_LETTERS).await?;
            if self.ensure_consumer(consumer, limits).await? {
                tracing::info!(
                    component = component.name,
                    consumer = consumer.durable,
                    "durable consumer created"
                );
                created_consumers.push(consumer.durable.to_owned());
            }
        }
        Ok(Ensured { created_consumers })
    }

    /// Creates the stream if it does not exist. An existing stream is left as its operators
    /// configured it.
    async fn ensure_stream(&self, stream: Stream) -> Result<(), ReplyError> {
        self.js
            .get_or_create_stream(stream::Config {
                name: stream.name.to_owned(),
                subjects: vec![stream.subjects.to_owned()],
                storage: stream::StorageType::File,
                num_replicas: self.replicas.max(1),
                duplicate_window: DUPLICATE_WINDOW,
                max_age: stream.max_age,
                max_bytes: stream.max_bytes,
                max_message_size: MAX_EVENT_BYTES,
                discard: if stream.keeps_history {
                    stream::DiscardPolicy::New
                } else {
                    stream::DiscardPolicy::Old
                },
                max_messages_per_subject: if stream == components::DEAD_LETTERS {
                    components::DEAD_LETTERS_PER_CONSUMER
                } else {
                    0
                },
                ..Default::default()
            })
            .await
            .map_err(|e| ReplyError::unavailable("JetStream", e))?;
        Ok(())
    }

    /// Creates or updates the durable as a pull consumer; whether it did not exist before.
    ///
    /// No server-side `backoff`: nats-server replaces `ack_wait` with its first step, so a
    /// 1-second step would redeliver any message not acked within a second to another instance
    /// while it is still being handled. Retry delays are the naks' own ([`crate::consumer`]),
    /// and `ack_wait` is only for crashes.
    async fn ensure_consumer(
        &self,
        consumer: &components::Consumer,
        limits: &ConsumerLimits,
    ) -> Result<bool, ReplyError> {
        let stream = self
            .js
            .get_stream(consumer.stream.name)
            .await
            .map_err(|e| ReplyError::unavailable("JetStream", e))?;
        let existed = match stream.consumer_info(consumer.durable).await {
            Ok(_) => true,
            Err(e) if e.kind() == ConsumerInfoErrorKind::NotFound => false,
            Err(e) => return Err(ReplyError::unavailable("JetStream", e)),
        };
        let config = pull::Config {
            durable_name: Some(consumer.durable.to_owned()),
            filter_subject: consumer.filter.to_owned(),
            ack_wait: crate::consumer::ACK_WAIT,
            max_deliver: limits.max_deliver,
            max_ack_pending: limits.max_ack_pending.unwrap_or_default(),
            ..Default::default()
        };
        stream
            .create_consumer(config)
            .await
            .map_err(|e| ReplyError::unavailable("JetStream", e))?;
        Ok(!existed)
    }
}

fn undeclared(component: &Component, what: &str, name: &str) -> ReplyError {
    tracing::warn!(
        component = component.name,
        what,
        name,
        "refused: not in the component's declaration"
    );
    ReplyError::forbidden(format!("{} does not declare {what} {name}", component.name))
}

/// At most [`MAX_NAMES`] of each, each name once.
fn check_request(request: &mut EnsureRequest) -> Result<(), ReplyError> {
    if request.streams.len() > MAX_NAMES {
        return Err(ReplyError::invalid_field(
            "streams",
            format!("at most {MAX_NAMES}"),
        ));
    }
    if request.consumers.len() > MAX_NAMES {
        return Err(ReplyError::invalid_field(
            "consumers",
            format!("at most {MAX_NAMES}"),
        ));
    }
    request.streams.sort();
    request.streams.dedup();
    let mut seen = std::collections::BTreeSet::new();
    if !request
        .consumers
        .iter()
        .all(|c| seen.insert(c.durable.clone()))
    {
        return Err(ReplyError::invalid_field(
            "consumers",
            "a durable named twice",
        ));
    }
    Ok(())
}

fn check_limits(limits: &ConsumerLimits) -> Result<(), ReplyError> {
    if !(1..=MAX_DELIVER).contains(&limits.max_deliver) {
        return Err(ReplyError::invalid_field(
            "max_deliver",
            format!("must be 1 to {MAX_DELIVER}"),
        ));
    }
    if limits
        .max_ack_pending
        .is_some_and(|pending| !(1..=MAX_ACK_PENDING).contains(&pending))
    {
        return Err(ReplyError::invalid_field(
            "max_ack_pending",
            format!("must be 1 to {MAX_ACK_PENDING}"),
        ));
    }
    Ok(())
}

/// How long a worker waits for the keeper at start-up (it may start after the workers).
const KEEPER_WAIT: Duration = Duration::from_secs(60);
const KEEPER_TIMEOUT: Duration = Duration::from_secs(5);

/// Asks the keeper, as `component`, for `request`; waits for the keeper to come up.
pub async fn ask(
    client: &async_nats::Client,
    component: &str,
    request: &EnsureRequest,
) -> Result<Ensured, RpcError> {
    let endpoint = keeper::ENDPOINTS
        .iter()
        .find(|e| e.name == component)
        .copied()
        .ok_or(RpcError::NoResponders(keeper::SERVICE.group))?;
    let deadline = tokio::time::Instant::now() + KEEPER_WAIT;
    loop {
        let outcome = crate::rpc::request_raw(
            client,
            endpoint,
            async_nats::HeaderMap::new(),
            request,
            KEEPER_TIMEOUT,
        )
        .await;
        match outcome {
            Err(RpcError::NoResponders(_) | RpcError::Timeout(_))
                if tokio::time::Instant::now() < deadline =>
            {
                tracing::info!(component, "waiting for the JetStream keeper");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            outcome => return outcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(durable: &str) -> ConsumerLimits {
        ConsumerLimits {
            durable: durable.to_owned(),
            max_deliver: 5,
            max_ack_pending: None,
        }
    }

    #[test]
    fn a_request_names_few_things_each_once() {
        let mut repeated = EnsureRequest {
            streams: vec!["ORDERS".into(); 3],
            consumers: vec![limits("orders-stock")],
        };
        check_request(&mut repeated).unwrap();
        assert_eq!(repeated.streams, ["ORDERS"]);

        let mut flood = EnsureRequest {
            streams: vec!["ORDERS".into(); 70_000],
            consumers: Vec::new(),
        };
        assert!(check_request(&mut flood).is_err());
        let mut twice = EnsureRequest {
            streams: Vec::new(),
            consumers: vec![limits("orders-stock"), limits("orders-stock")],
        };
        assert!(check_request(&mut twice).is_err());
    }

    #[test]
    fn limits_stay_within_bounds() {
        assert!(check_limits(&limits("x")).is_ok());
        for max_deliver in [0, -1, MAX_DELIVER + 1] {
            assert!(
                check_limits(&ConsumerLimits {
                    max_deliver,
                    ..limits("x")
                })
                .is_err()
            );
        }
        let pending = ConsumerLimits {
            max_ack_pending: Some(MAX_ACK_PENDING + 1),
            ..limits("x")
        };
        assert!(check_limits(&pending).is_err());
    }
}
