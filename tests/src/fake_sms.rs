//! A Twilio-style SMS API stand-in: a real HTTP server on a free port that takes
//! `POST /2010-04-01/Accounts/{sid}/Messages.json` (basic auth, form `To`, `From`, `Body`),
//! answers 201 with a message `sid`, and keeps what it was sent.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{Value, json};

pub const ACCOUNT_SID: &str = "AC_menuskart_test";
pub const AUTH_TOKEN: &str = "sms-test-token";

#[derive(Debug, Clone)]
pub struct Text {
    pub to: String,
    pub from: String,
    pub body: String,
}

#[derive(Clone, Default)]
pub struct FakeSms {
    texts: Arc<Mutex<Vec<Text>>>,
    pub base_url: String,
}

impl FakeSms {
    pub async fn start() -> Self {
        let mut fake = Self::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        fake.base_url = format!("http://{}", listener.local_addr().unwrap());
        let app = Router::new()
            .route("/2010-04-01/Accounts/{sid}/Messages.json", post(create))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        fake
    }

    pub fn texts(&self) -> Vec<Text> {
        self.texts.lock().unwrap().clone()
    }
}

async fn create(
    State(fake): State<FakeSms>,
    Path(sid): Path<String>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    use base64::Engine;
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"))
    );
    let authorized =
        headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(expected.as_str());
    if sid != ACCOUNT_SID || !authorized {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"code": 20003, "message": "Authenticate", "status": 401})),
        );
    }
    let text = Text {
        to: form.get("To").cloned().unwrap_or_default(),
        from: form.get("From").cloned().unwrap_or_default(),
        body: form.get("Body").cloned().unwrap_or_default(),
    };
    fake.texts.lock().unwrap().push(text);
    let id = format!("SM{}", uuid::Uuid::new_v4().simple());
    (
        StatusCode::CREATED,
        Json(json!({"sid": id, "status": "queued"})),
    )
}
