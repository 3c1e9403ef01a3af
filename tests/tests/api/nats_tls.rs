//! TLS on NATS is configuration: a server with a certificate (made here with rcgen, signed by a
//! CA of the test's own) and components that trust that CA (`MK_NATS_TLS_CA`). A client that
//! does not trust it gets no connection.

use std::path::Path;
use std::time::Duration;

use futures::StreamExt;

use menuskart_e2e::workers::inventory_settings;
use menuskart_e2e::{NatsServer, ServerTls, TestRedis, WorkerInstance};
use menuskart_kit::nats::{NatsSettings, connect};
use menuskart_kit::service_api::{Verb, discover};

/// A certificate authority of the test's own.
struct TestCa {
    issuer: rcgen::Issuer<'static, rcgen::KeyPair>,
    pem: String,
}

impl TestCa {
    fn new(name: &str) -> Self {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        let pem = params.self_signed(&key).unwrap().pem();
        Self {
            issuer: rcgen::Issuer::new(params, key),
            pem,
        }
    }

    /// A certificate for 127.0.0.1 it signed, and its key: `<name>.pem`, `<name>-key.pem` in
    /// `dir`; and the CA itself as `<name>-ca.pem`.
    fn issue(&self, dir: &Path, name: &str) -> ServerTls {
        let key = rcgen::KeyPair::generate().unwrap();
        let cert =
            rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
                .unwrap()
                .signed_by(&key, &self.issuer)
                .unwrap();
        let tls = ServerTls {
            cert: dir.join(format!("{name}.pem")),
            key: dir.join(format!("{name}-key.pem")),
            ca: dir.join(format!("{name}-ca.pem")),
        };
        std::fs::write(&tls.cert, cert.pem()).unwrap();
        std::fs::write(&tls.key, key.serialize_pem()).unwrap();
        std::fs::write(&tls.ca, &self.pem).unwrap();
        tls
    }
}

fn temp_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mk-tls-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn components_reach_a_tls_server_through_its_ca_and_others_are_refused() {
    let dir = temp_dir();
    let nats = NatsServer::start_tls(TestCa::new("MenusKart test CA").issue(&dir, "server")).await;

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

/// A cluster node's configuration in `dir`: routes over TLS through the repository's
/// `nats/route-tls.conf` (copied beside it: nats-server includes relative paths only), and
/// the repository's users and grants.
fn node_config(dir: &Path, name: &str, route_to: Option<&str>) -> std::path::PathBuf {
    let nats_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../nats");
    for file in ["route-tls.conf", "permissions.conf"] {
        std::fs::copy(nats_dir.join(file), dir.join(file)).unwrap();
    }
    let routes = route_to.map_or(String::new(), |url| format!("  routes: [{url}]\n"));
    let config = dir.join(format!("{name}.conf"));
    std::fs::write(
        &config,
        format!(
            "server_name: {name}\ncluster {{\n  name: menuskart\n  listen: 127.0.0.1:-1\n{routes}  include ./route-tls.conf\n}}\ninclude ./permissions.conf\n"
        ),
    )
    .unwrap();
    config
}

fn route_env(tls: &ServerTls) -> Vec<(&'static str, String)> {
    vec![
        ("MK_NATS_ROUTE_CERT", tls.cert.display().to_string()),
        ("MK_NATS_ROUTE_KEY", tls.key.display().to_string()),
        ("MK_NATS_ROUTE_CA", tls.ca.display().to_string()),
    ]
}

/// Whether a message published on `from` reaches a subscriber on `to` within `wait`.
async fn crosses(from: &NatsServer, to: &NatsServer, wait: Duration) -> bool {
    let listener = to.client_as("auth").await;
    let mut inbox = listener.subscribe("mk.auth.login").await.unwrap();
    listener.flush().await.unwrap();
    let sender = from.client_as("edge").await;
    let deadline = tokio::time::Instant::now() + wait;
    while tokio::time::Instant::now() < deadline {
        sender.publish("mk.auth.login", "{}".into()).await.unwrap();
        sender.flush().await.unwrap();
        if let Ok(Some(_)) = tokio::time::timeout(Duration::from_millis(200), inbox.next()).await {
            return true;
        }
    }
    false
}

#[tokio::test]
async fn cluster_routes_run_over_tls_between_nodes_the_ca_signed() {
    let dir = temp_dir();
    let ca = TestCa::new("MenusKart cluster CA");
    let a_tls = ca.issue(&dir, "a");
    let a = NatsServer::start_node(&node_config(&dir, "a", None), &route_env(&a_tls), None).await;
    let route = a.route_url().expect("node a listens for routes");

    // A node whose certificate the same CA signed joins, and messages cross the route.
    let b_tls = ca.issue(&dir, "b");
    let b = NatsServer::start_node(
        &node_config(&dir, "b", Some(&route)),
        &route_env(&b_tls),
        Some(&a),
    )
    .await;
    assert!(
        crosses(&a, &b, Duration::from_secs(10)).await,
        "no route between a and b; a: {}\nb: {}",
        a.log(),
        b.log()
    );

    // A node with a certificate from another CA is refused: nothing reaches it.
    let stranger_tls = TestCa::new("Someone else's CA").issue(&dir, "c");
    let c = NatsServer::start_node(
        &node_config(&dir, "c", Some(&route)),
        &route_env(&stranger_tls),
        Some(&a),
    )
    .await;
    assert!(
        !crosses(&a, &c, Duration::from_secs(3)).await,
        "a node with a foreign certificate joined the cluster"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
