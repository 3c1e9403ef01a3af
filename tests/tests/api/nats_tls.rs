//! TLS on NATS is configuration: a server with a certificate (made here with rcgen, signed by a
//! CA of the test's own) and components that trust that CA (`MK_NATS_TLS_CA`). A client that
//! does not trust it gets no connection.

use std::path::Path;
use std::time::Duration;

use menuskart_e2e::workers::inventory_settings;
use menuskart_e2e::{NatsServer, ServerTls, TestRedis, WorkerInstance};
use menuskart_kit::nats::{NatsSettings, connect};
use menuskart_kit::service_api::{Verb, discover};

/// A CA, and a certificate for 127.0.0.1 it signed, as PEM files in `dir`.
fn certificate(dir: &Path) -> ServerTls {
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(rcgen::DnType::CommonName, "MenusKart test CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = rcgen::Issuer::new(ca, ca_key);
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .unwrap()
        .signed_by(&key, &issuer)
        .unwrap();
    let tls = ServerTls {
        cert: dir.join("server.pem"),
        key: dir.join("server-key.pem"),
        ca: dir.join("ca.pem"),
    };
    std::fs::write(&tls.cert, cert.pem()).unwrap();
    std::fs::write(&tls.key, key.serialize_pem()).unwrap();
    std::fs::write(&tls.ca, ca_cert.pem()).unwrap();
    tls
}

#[tokio::test]
async fn components_reach_a_tls_server_through_its_ca_and_others_are_refused() {
    let dir = std::env::temp_dir().join(format!("mk-tls-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let nats = NatsServer::start_tls(certificate(&dir)).await;

    // A worker connects through the kit, as in production, and serves over TLS.
    let redis = TestRedis::new();
    let _inventory =
        WorkerInstance::start::<menuskart_inventory::Inventory>(&nats, inventory_settings(&redis))
            .await;
    let ops = nats.client_as("ops").await;
    let pings = discover(
        &ops,
        Verb::Ping,
        Some("inventory"),
        Duration::from_millis(500),
    )
    .await
    .unwrap();
    assert_eq!(
        pings.len(),
        1,
        "the inventory worker answers over TLS: {pings:?}"
    );

    // The right key without the CA: the server's certificate is not trusted, no connection.
    let without_ca = NatsSettings::new(nats.url()).with_seed(nats.seed("ops"));
    assert!(connect(&without_ca, "ops").await.is_err());
    let _ = std::fs::remove_dir_all(&dir);
}
