//! A Stripe stand-in: a real HTTP server on a free port speaking Stripe's wire format for the
//! calls the adapter makes (form-encoded `POST /v1/payment_intents` and `/v1/refunds`, Bearer
//! secret key, `Idempotency-Key` replays, card errors as HTTP 402). Test card tokens follow
//! Stripe's: `pm_card_visa` succeeds, `pm_card_chargeDeclined` and
//! `pm_card_chargeDeclinedInsufficientFunds` are declined, `pm_card_authenticationRequired`
//! needs action, and [`PROCESSING_METHOD`] stays `processing` (a bank debit) until
//! [`FakeStripe::confirm`] captures it.
//!
//! [`FakeStripe::stall_replies`] makes it do the work and then hold its answer, as when the
//! network drops a reply after Stripe took the money. [`FakeStripe::slow_work`] makes the work
//! itself take time: while a request is being worked on, another with the same
//! `Idempotency-Key` gets 409 `idempotency_error`, as Stripe answers (the first one may still
//! succeed). [`FakeStripe::break_next_answer`] spoils one answer on its way back after the work
//! was done ([`Fault`]).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{Value, json};

pub const SECRET_KEY: &str = "sk_test_menuskart_fake";
/// A payment method whose intent stays `processing` until [`FakeStripe::confirm`].
pub const PROCESSING_METHOD: &str = "pm_sepaDebit_processing";

/// How an answer is spoilt on its way back, after Stripe did the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// A gateway in front of Stripe answers 502 instead.
    BadGateway,
    /// The connection drops half-way through the answer's body.
    CutOff,
}

/// One call the fake received.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub path: String,
    pub idempotency_key: Option<String>,
    pub form: HashMap<String, String>,
}

#[derive(Default)]
struct Ledger {
    calls: Vec<Recorded>,
    /// Idempotency key -> the first answer, replayed as Stripe does.
    replies: HashMap<String, (StatusCode, Value)>,
    /// Payment intent -> (amount, refunded).
    intents: HashMap<String, (i64, i64)>,
    /// Intents waiting for the bank (`processing`) -> amount.
    processing: HashMap<String, i64>,
    /// How long to hold each answer after doing the work.
    stall: Option<Duration>,
    /// How long the work of each new request takes; its key is in flight meanwhile.
    work: Option<Duration>,
    /// Idempotency keys of requests being worked on.
    in_flight: HashSet<String>,
    /// What spoils the next answer.
    fault: Option<Fault>,
}

#[derive(Clone, Default)]
pub struct FakeStripe {
    ledger: Arc<Mutex<Ledger>>,
    pub base_url: String,
}

impl FakeStripe {
    pub async fn start() -> Self {
        let mut fake = Self::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        fake.base_url = format!("http://{}", listener.local_addr().unwrap());
        let app = Router::new()
            .route("/v1/payment_intents", post(payment_intent))
            .route("/v1/refunds", post(refund))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        fake
    }

    pub fn calls(&self) -> Vec<Recorded> {
        self.ledger.lock().unwrap().calls.clone()
    }

    /// From now on each answer comes `stall` late (after the work is done); `None` answers at
    /// once again.
    pub fn stall_replies(&self, stall: Option<Duration>) {
        self.ledger.lock().unwrap().stall = stall;
    }

    /// From now on the work of each new request takes `work` (a capture at the bank), during
    /// which a request with the same key is answered 409; `None` works at once again.
    pub fn slow_work(&self, work: Option<Duration>) {
        self.ledger.lock().unwrap().work = work;
    }

    /// The next answer is spoilt by `fault` after the work is done (and recorded for replays).
    pub fn break_next_answer(&self, fault: Fault) {
        self.ledger.lock().unwrap().fault = Some(fault);
    }

    /// The bank confirms a `processing` intent: it captures its amount (Stripe would now send
    /// `payment_intent.succeeded`). Panics if the intent is not processing.
    pub fn confirm(&self, intent_id: &str) {
        let mut ledger = self.ledger.lock().unwrap();
        let amount = ledger
            .processing
            .remove(intent_id)
            .unwrap_or_else(|| panic!("{intent_id} is not processing"));
        ledger.intents.insert(intent_id.to_owned(), (amount, 0));
    }

    /// How many calls went to `path`.
    pub fn calls_to(&self, path: &str) -> usize {
        let ledger = self.ledger.lock().unwrap();
        ledger.calls.iter().filter(|call| call.path == path).count()
    }

    /// The answer given to the call with this idempotency key (our transaction or refund id).
    pub fn reply_to(&self, idempotency_key: &str) -> Option<Value> {
        let ledger = self.ledger.lock().unwrap();
        ledger
            .replies
            .get(idempotency_key)
            .map(|(_, body)| body.clone())
    }

    /// How many payment intents captured money.
    pub fn captured_intents(&self) -> usize {
        self.ledger.lock().unwrap().intents.len()
    }

    /// How much was refunded, over every payment intent.
    pub fn refunded_total(&self) -> i64 {
        let ledger = self.ledger.lock().unwrap();
        ledger.intents.values().map(|(_, refunded)| refunded).sum()
    }

    /// Waits as configured by [`FakeStripe::stall_replies`].
    async fn stall(&self) {
        let stall = self.ledger.lock().unwrap().stall;
        if let Some(stall) = stall {
            tokio::time::sleep(stall).await;
        }
    }
}

fn error(status: StatusCode, body: Value) -> (StatusCode, Value) {
    (status, json!({ "error": body }))
}

/// Authenticates, records, and replays by idempotency key; `answer` makes a new reply, after
/// the configured work time, while the key is in flight.
async fn handle(
    fake: &FakeStripe,
    path: &str,
    headers: &HeaderMap,
    form: HashMap<String, String>,
    answer: impl FnOnce(&mut Ledger, &HashMap<String, String>) -> (StatusCode, Value) + Send + 'static,
) -> Response {
    let authorized = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bearer {SECRET_KEY}"));
    if !authorized {
        let (status, body) = error(
            StatusCode::UNAUTHORIZED,
            json!({"type": "invalid_request_error", "message": "Invalid API Key provided"}),
        );
        return (status, Json(body)).into_response();
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let work = {
        let mut ledger = fake.ledger.lock().unwrap();
        ledger.calls.push(Recorded {
            path: path.into(),
            idempotency_key: key.clone(),
            form: form.clone(),
        });
        if let Some(reply) = key.as_ref().and_then(|k| ledger.replies.get(k)).cloned() {
            return spoilt(&mut ledger, reply);
        }
        if let Some(key) = &key {
            // Stripe keeps no result for this answer: a later retry gets the first one's.
            if !ledger.in_flight.insert(key.clone()) {
                let (status, body) = error(
                    StatusCode::CONFLICT,
                    json!({"type": "idempotency_error", "message": format!(
                        "There is currently another in-progress request using this \
                         Idempotent Key (that probably means you submitted twice, and the \
                         other request is still going through): {key}. Please try again later."
                    )}),
                );
                return (status, Json(body)).into_response();
            }
        }
        ledger.work
    };
    // Done to the end even when the caller hangs up, as Stripe does.
    let fake = fake.clone();
    let done = tokio::spawn(async move {
        if let Some(work) = work {
            tokio::time::sleep(work).await;
        }
        let mut ledger = fake.ledger.lock().unwrap();
        let reply = answer(&mut ledger, &form);
        if let Some(key) = key {
            ledger.in_flight.remove(&key);
            ledger.replies.insert(key, reply.clone());
        }
        spoilt(&mut ledger, reply)
    });
    done.await.expect("the fake's work")
}

/// The answer as it reaches the caller: spoilt by the pending [`Fault`], if any.
fn spoilt(ledger: &mut Ledger, (status, body): (StatusCode, Value)) -> Response {
    match ledger.fault.take() {
        None => (status, Json(body)).into_response(),
        Some(Fault::BadGateway) => (StatusCode::BAD_GATEWAY, "502 Bad Gateway").into_response(),
        Some(Fault::CutOff) => {
            let text = body.to_string();
            let half = text.as_bytes()[..text.len() / 2].to_vec();
            let chunks: Vec<Result<Vec<u8>, std::io::Error>> = vec![
                Ok(half),
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "connection reset",
                )),
            ];
            Response::builder()
                .status(status)
                .header("content-type", "application/json")
                .body(axum::body::Body::from_stream(futures::stream::iter(chunks)))
                .expect("a response")
        }
    }
}

async fn payment_intent(
    State(fake): State<FakeStripe>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let response = handle(
        &fake,
        "/v1/payment_intents",
        &headers,
        form,
        |ledger, form| {
            let id = format!("pi_{}", uuid::Uuid::new_v4().simple());
            let amount: i64 = form.get("amount").and_then(|a| a.parse().ok()).unwrap_or(0);
            let intent = |status: &str| {
                json!({"id": id, "object": "payment_intent", "amount": amount,
            "currency": form.get("currency"), "status": status})
            };
            let decline = |decline_code: &str| {
                error(
                    StatusCode::PAYMENT_REQUIRED,
                    json!({"type": "card_error", "code": "card_declined",
                "decline_code": decline_code, "message": "Your card was declined.",
                "payment_intent": intent("requires_payment_method")}),
                )
            };
            match form.get("payment_method").map(String::as_str) {
                Some("pm_card_visa") => {
                    ledger.intents.insert(id.clone(), (amount, 0));
                    (StatusCode::OK, intent("succeeded"))
                }
                Some(PROCESSING_METHOD) => {
                    ledger.processing.insert(id.clone(), amount);
                    (StatusCode::OK, intent("processing"))
                }
                Some("pm_card_authenticationRequired") => {
                    let mut waiting = intent("requires_action");
                    waiting["client_secret"] = json!(format!("{id}_secret_fake"));
                    waiting["next_action"] =
                        json!({"type": "use_stripe_sdk", "use_stripe_sdk": {}});
                    (StatusCode::OK, waiting)
                }
                Some("pm_card_chargeDeclined") => decline("generic_decline"),
                Some("pm_card_chargeDeclinedInsufficientFunds") => decline("insufficient_funds"),
                _ => error(
                    StatusCode::BAD_REQUEST,
                    json!({"type": "invalid_request_error",
                "code": "resource_missing", "message": "No such PaymentMethod"}),
                ),
            }
        },
    )
    .await;
    fake.stall().await;
    response
}

async fn refund(
    State(fake): State<FakeStripe>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let response = handle(&fake, "/v1/refunds", &headers, form, |ledger, form| {
        let intent = form.get("payment_intent").cloned().unwrap_or_default();
        let amount: i64 = form.get("amount").and_then(|a| a.parse().ok()).unwrap_or(0);
        let Some((captured, refunded)) = ledger.intents.get_mut(&intent) else {
            return error(
                StatusCode::BAD_REQUEST,
                json!({"type": "invalid_request_error", "message": "No such payment_intent"}),
            );
        };
        if *refunded + amount > *captured {
            return error(
                StatusCode::BAD_REQUEST,
                json!({"type": "invalid_request_error",
                "code": "amount_too_large", "message": "Refund amount is greater than unrefunded amount"}),
            );
        }
        *refunded += amount;
        (
            StatusCode::OK,
            json!({"id": format!("re_{}", uuid::Uuid::new_v4().simple()), "object": "refund",
            "amount": amount, "payment_intent": intent, "status": "succeeded"}),
        )
    })
    .await;
    fake.stall().await;
    response
}
