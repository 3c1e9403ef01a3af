//! compose.yaml and the Nomad jobs cannot run here (no Docker engine, no Nomad binary), so they
//! are parsed and checked: every service, port, dependency and setting they name must exist.

use std::collections::BTreeMap;
use std::path::Path;

use menuskart_kit::settings::WorkerSettings;
use secrecy::ExposeSecret;
use serde_norway::Value;

#[path = "deploy/credentials.rs"]
mod credentials;
#[path = "deploy/stores.rs"]
mod stores;

fn repo_file(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every worker crate (each directory under `workers/` with a `Cargo.toml`, but the kit), by
/// binary name: what each deployment must run. A new domain that is not deployed somewhere
/// fails the tests below.
fn worker_binaries() -> Vec<String> {
    let workers = Path::new(env!("CARGO_MANIFEST_DIR")).join("../workers");
    let mut binaries: Vec<String> = std::fs::read_dir(&workers)
        .expect("workers/")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|dir| dir.join("Cargo.toml").is_file())
        .filter_map(|dir| Some(dir.file_name()?.to_str()?.to_owned()))
        .filter(|name| name != "kit")
        .map(|name| format!("menuskart-{name}"))
        .collect();
    binaries.sort();
    assert!(binaries.len() >= 7, "found the workers: {binaries:?}");
    binaries
}

/// The workers `scripts/dev` starts, as it says itself (`scripts/dev workers`).
fn dev_script_binaries() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // A set environment of its own: other tests here rewrite the process's (figment's `Jail`),
    // and the script's state goes to a scratch HOME.
    let output = std::process::Command::new("bash")
        .arg(root.join("scripts/dev"))
        .arg("workers")
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", "/tmp/menuskart-deploy-test")
        .output()
        .expect("bash runs scripts/dev");
    assert!(output.status.success(), "scripts/dev workers: {output:?}");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|worker| format!("menuskart-{worker}"))
        .collect()
}

/// Whether the image carries `binary`: it builds every binary of the workspace and copies each
/// `menuskart-*` one.
fn image_carries(dockerfile: &str, binary: &str) -> bool {
    binary.starts_with("menuskart-")
        && dockerfile.contains("cargo build --release --locked --bins")
        && dockerfile.contains("-name 'menuskart-*'")
        && dockerfile.contains("COPY --from=build /out/ /usr/local/bin/")
}

#[test]
fn every_worker_is_run_by_scripts_dev_the_image_compose_and_nomad() {
    let dev = dev_script_binaries();
    let dockerfile = repo_file("Dockerfile");
    let compose = compose();
    let compose_commands: Vec<&str> = compose["services"]
        .as_mapping()
        .expect("services")
        .values()
        .filter_map(|service| service["command"][0].as_str())
        .collect();
    let nomad_commands = nomad_commands();
    for binary in worker_binaries() {
        assert!(dev.contains(&binary), "scripts/dev does not start {binary}");
        assert!(
            image_carries(&dockerfile, &binary),
            "the image lacks {binary}"
        );
        assert!(
            compose_commands.contains(&binary.as_str()),
            "compose.yaml does not run {binary}"
        );
        assert!(
            nomad_commands.contains(&binary),
            "nomad/menuskart.nomad.hcl does not run {binary}"
        );
    }
}

fn compose() -> Value {
    let mut doc: Value = serde_norway::from_str(&repo_file("compose.yaml")).expect("valid YAML");
    doc.apply_merge().expect("merge keys resolve");
    doc
}

/// `KEY: value` pairs of a compose environment, `${VAR:?...}` and `${VAR:-default}` filled in.
fn environment(service: &Value) -> BTreeMap<String, String> {
    let env = service["environment"]
        .as_mapping()
        .cloned()
        .unwrap_or_default();
    env.into_iter()
        .map(|(k, v)| {
            let key = k.as_str().unwrap().to_owned();
            let value = v
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{v:?}"));
            (key, interpolate(&value))
        })
        .collect()
}

/// A value for a variable the operator must set, shaped as the binaries parse it: the token
/// keys are one generated pair, anything else 40 characters or more (secret-length rules),
/// different for each variable (so a test can tell whose password a service holds) and
/// URL-safe (passwords go into URLs).
fn stand_in(variable: &str) -> String {
    static TOKEN_KEY: std::sync::LazyLock<menuskart_kit::jwt::SigningKey> =
        std::sync::LazyLock::new(|| menuskart_kit::jwt::SigningKey::generate("deploy").unwrap());
    match variable {
        "MK_JWT_SIGNING_KEY" => TOKEN_KEY.expose_secret(),
        "MK_JWT_PUBLIC_KEYS" => TOKEN_KEY.public_key().to_string(),
        "MK_PAYMENTS_PROVIDER" => "stripe".into(),
        _ => format!("{}-{}", variable.to_ascii_lowercase(), "x".repeat(40)),
    }
}

/// Fills in compose's `${VAR:-default}` with the default, and `${VAR}` / `${VAR:?message}`
/// (secrets the operator must set) with a [`stand_in`].
fn interpolate(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').expect("closed ${") + start;
        let inner = &rest[start + 2..end];
        match inner.split_once(":-") {
            Some((_, default)) => out.push_str(default),
            None => out.push_str(&stand_in(inner.split(":?").next().unwrap_or(inner))),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Loads a binary's settings from a compose environment exactly as the binary does: from
/// process environment variables (set inside a figment `Jail`, which restores them after).
// figment's `Jail` API fixes the closure's (large) error type.
#[allow(clippy::result_large_err)]
fn load_settings<T: serde::de::DeserializeOwned>(
    service: &str,
    env: &BTreeMap<String, String>,
) -> T {
    let mut loaded = None;
    figment::Jail::expect_with(|jail| {
        jail.clear_env();
        for (key, value) in env {
            jail.set_env(key, value);
        }
        loaded = Some(
            menuskart_kit::settings::load_for::<T>(service)
                .expect("the environment configures the binary"),
        );
        Ok(())
    });
    loaded.expect("loaded in the jail")
}

#[test]
fn compose_names_every_service_and_only_existing_dependencies() {
    let doc = compose();
    let services = doc["services"].as_mapping().expect("services");
    let names: Vec<&str> = services.keys().map(|k| k.as_str().unwrap()).collect();
    for expected in [
        "nats-1",
        "nats-2",
        "nats-3",
        "postgres",
        "redis",
        "redis-stock",
        "auth",
        "edge",
    ] {
        assert!(names.contains(&expected), "{expected} is missing");
    }
    for (name, service) in services {
        if let Some(deps) = service["depends_on"].as_mapping() {
            for dep in deps.keys() {
                assert!(
                    names.contains(&dep.as_str().unwrap()),
                    "{name:?} depends on unknown {dep:?}"
                );
            }
        }
    }
    assert_eq!(doc["services"]["edge"]["ports"][0], "8080-8081:8080");
    assert_eq!(
        doc["services"]["edge"]["environment"]["MK_HTTP_ADDR"],
        "0.0.0.0:8080"
    );
}

#[test]
fn compose_configures_the_binaries_it_runs() {
    let doc = compose();
    let dockerfile = repo_file("Dockerfile");
    for binary in worker_binaries()
        .iter()
        .map(String::as_str)
        .chain(["menuskart-edge"])
    {
        let service = binary.trim_start_matches("menuskart-");
        assert_eq!(doc["services"][service]["command"][0], binary);
        assert!(
            image_carries(&dockerfile, binary),
            "the image lacks {binary}"
        );
    }
    let auth: menuskart_auth::Settings =
        load_settings("auth", &environment(&doc["services"]["auth"]));
    assert!(
        auth.postgres
            .database_url
            .expose_secret()
            .ends_with("/menuskart_auth"),
        "auth owns a database"
    );
    let auth_worker: WorkerSettings = load_settings("auth", &environment(&doc["services"]["auth"]));
    assert_eq!(
        auth_worker.nats.nats_url.split(',').count(),
        3,
        "auth knows all three NATS nodes"
    );
    let inventory: WorkerSettings =
        load_settings("inventory", &environment(&doc["services"]["inventory"]));
    assert_eq!(
        inventory.js_replicas, 3,
        "streams are replicated on the cluster"
    );
    let catalog: menuskart_catalog::Settings =
        load_settings("catalog", &environment(&doc["services"]["catalog"]));
    assert!(
        catalog
            .surreal
            .db_url
            .is_some_and(|url| url.starts_with("ws://")),
        "several catalog instances need a server"
    );
    assert!(catalog.surreal.db_password.is_some());
    let cart: menuskart_cart::Settings =
        load_settings("cart", &environment(&doc["services"]["cart"]));
    assert!(
        cart.surreal
            .db_url
            .is_some_and(|url| url.starts_with("ws://"))
            && cart.surreal.db_password.is_some(),
        "several cart instances share a server"
    );
    let orders: menuskart_orders::Settings =
        load_settings("orders", &environment(&doc["services"]["orders"]));
    assert!(
        orders
            .postgres
            .database_url
            .expose_secret()
            .ends_with("/menuskart_orders"),
        "orders own a database"
    );
    let payments: menuskart_payments::Settings =
        load_settings("payments", &environment(&doc["services"]["payments"]));
    // A real shop: the operator must name the provider, and the sandbox would be refused.
    assert_eq!(payments.payments_provider, "stripe");
    assert_eq!(
        payments.environment,
        menuskart_kit::settings::Environment::Production
    );
    assert!(
        payments
            .postgres
            .database_url
            .expose_secret()
            .ends_with("/menuskart_payments")
    );
    let notify: menuskart_notify::Settings =
        load_settings("notify", &environment(&doc["services"]["notify"]));
    assert_eq!(
        (notify.smtp_port, notify.smtp_tls.as_str()),
        (587, "starttls")
    );
    let edge: menuskart_edge::Settings =
        load_settings("edge", &environment(&doc["services"]["edge"]));
    assert_eq!(edge.http_addr, "0.0.0.0:8080");
    // The edges share their rate limits through the one Redis, as their user there.
    assert!(
        edge.rate_redis_url.starts_with("redis://edge:")
            && edge.rate_redis_url.ends_with("@redis:6379/"),
        "{}",
        edge.rate_redis_url
    );
}

#[test]
fn compose_creates_every_database_a_worker_is_given() {
    let doc = compose();
    let postgres = environment(&doc["services"]["postgres"]);
    // deploy/postgres/databases.sh: menuskart_<worker> for each worker listed.
    let created: Vec<String> = postgres["MK_DATABASES"]
        .split_whitespace()
        .map(|worker| format!("menuskart_{worker}"))
        .collect();
    let mut given = 0;
    for service in doc["services"].as_mapping().expect("services").values() {
        for (key, url) in environment(service) {
            if key.ends_with("_DATABASE_URL") {
                let database = url.rsplit('/').next().expect("a database name");
                assert!(
                    created.iter().any(|made| made == database),
                    "{key}: {database} is never created"
                );
                given += 1;
            }
        }
    }
    assert!(
        given >= 4,
        "auth, orders, payments and notify have databases"
    );
}

#[test]
fn compose_runs_a_three_node_jetstream_cluster_that_fsyncs() {
    let doc = compose();
    for node in ["nats-1", "nats-2", "nats-3"] {
        assert_eq!(
            doc["services"][node]["command"][1],
            "/etc/nats/cluster.conf"
        );
        let routes = doc["services"][node]["environment"]["NATS_ROUTES"]
            .as_str()
            .unwrap();
        assert_eq!(
            routes.split(',').count(),
            2,
            "{node} routes to the other two"
        );
    }
    let conf = repo_file("nats/cluster.conf");
    assert!(conf.contains("sync_interval: always"));
    assert!(repo_file("nats/dev.conf").contains("sync_interval: always"));
}

#[test]
fn cluster_routes_are_mutual_tls_and_monitoring_stays_on_the_node() {
    let conf = repo_file("nats/cluster.conf");
    let active: Vec<&str> = conf
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .collect();
    let cluster = conf.find("cluster {").expect("a cluster block");
    let tls = conf
        .find("\n  include ./route-tls.conf")
        .expect("routes over TLS");
    assert!(tls > cluster, "route TLS is inside the cluster block");
    assert!(active.contains(&"include ./route-tls.conf"));
    assert!(active.contains(&"http: 127.0.0.1:8222"), "{active:?}");
    assert!(repo_file("nats/route-tls.conf").contains("verify: true"));

    let doc = compose();
    for (index, node) in ["nats-1", "nats-2", "nats-3"].iter().enumerate() {
        let service = &doc["services"][node];
        assert!(
            service
                .get("ports")
                .is_none_or(|ports| !format!("{ports:?}").contains("8222"))
        );
        let volumes = format!("{:?}", service["volumes"]);
        assert!(volumes.contains("route-tls.conf"), "{node}: {volumes}");
        let env = environment(service);
        assert_eq!(
            env.get("MK_NATS_ROUTE_CERT").map(String::as_str),
            Some(format!("/etc/nats/certs/nats-{}.pem", index + 1).as_str())
        );
        for key in ["MK_NATS_ROUTE_KEY", "MK_NATS_ROUTE_CA"] {
            assert!(env.contains_key(key), "{node} lacks {key}");
        }
    }

    let nats = repo_file("nomad/nats.nomad.hcl");
    assert!(
        !nats.contains("port \"monitor\""),
        "the monitoring port is published"
    );
    assert!(nats.contains("source      = \"nats/route-tls.conf\""));
    for key in [
        "MK_NATS_ROUTE_CERT",
        "MK_NATS_ROUTE_KEY",
        "MK_NATS_ROUTE_CA",
    ] {
        assert!(nats.contains(key), "the Nomad NATS job lacks {key}");
    }
}

fn nomad(path: &str) -> hcl::Body {
    hcl::from_str(&repo_file(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The blocks named `kind` directly inside `body`.
fn blocks<'a>(body: &'a hcl::Body, kind: &'a str) -> impl Iterator<Item = &'a hcl::Block> {
    body.blocks().filter(move |b| b.identifier() == kind)
}

fn attribute<'a>(body: &'a hcl::Body, key: &str) -> Option<&'a hcl::Expression> {
    body.attributes().find(|a| a.key() == key).map(|a| a.expr())
}

/// The commands of the Nomad platform job's tasks.
fn nomad_commands() -> Vec<String> {
    let body = nomad("nomad/menuskart.nomad.hcl");
    let job = blocks(&body, "job").next().expect("a job");
    let mut commands = Vec::new();
    for group in blocks(job.body(), "group") {
        for task in blocks(group.body(), "task") {
            let config = blocks(task.body(), "config").next().expect("config");
            if let Some(hcl::Expression::String(command)) = attribute(config.body(), "command") {
                commands.push(command.clone());
            }
        }
    }
    commands
}

#[test]
fn the_nomad_platform_job_runs_our_binaries_with_known_settings() {
    let body = nomad("nomad/menuskart.nomad.hcl");
    let job = blocks(&body, "job").next().expect("a job");
    for group in blocks(job.body(), "group") {
        let count = attribute(group.body(), "count").expect("every group sets count");
        assert!(
            matches!(count, hcl::Expression::Number(n) if n.as_u64() >= Some(2)),
            "pools run more than one instance"
        );
        for task in blocks(group.body(), "task") {
            let env = blocks(task.body(), "env").next().expect("env");
            for attr in env.body().attributes() {
                assert!(
                    attr.key().starts_with("MK_"),
                    "unexpected variable {}",
                    attr.key()
                );
            }
        }
    }
    // Each worker of the workspace, the JetStream keeper and the edge, once each: nothing
    // unknown, nothing twice.
    let mut commands = nomad_commands();
    commands.sort();
    let mut expected = worker_binaries();
    expected.push("menuskart-edge".into());
    expected.push("mk-jetstream".into());
    expected.sort();
    assert_eq!(commands, expected);
}

#[test]
fn the_nomad_nats_job_is_a_three_node_cluster() {
    let body = nomad("nomad/nats.nomad.hcl");
    let job = blocks(&body, "job").next().expect("a job");
    let group = blocks(job.body(), "group").next().expect("a group");
    assert!(
        matches!(attribute(group.body(), "count"), Some(hcl::Expression::Number(n)) if n.as_u64() == Some(3))
    );
}

/// The NATS users `nats/permissions.conf` grants (from `nkey: $MK_NATS_<USER>_NKEY`), lower
/// case: the services and `ops`.
fn nats_users() -> Vec<String> {
    let conf = repo_file("nats/permissions.conf");
    let mut users: Vec<String> = conf
        .split("nkey: $MK_NATS_")
        .skip(1)
        .map(|rest| {
            rest.split_once("_NKEY")
                .expect("MK_NATS_<USER>_NKEY")
                .0
                .to_ascii_lowercase()
        })
        .collect();
    users.sort();
    users
}

#[test]
fn every_component_is_a_nats_user_with_its_key_in_every_deployment() {
    // Every service is a user (a worker, the JetStream keeper or the edge without one could not
    // connect), and ops.
    let mut expected: Vec<String> = worker_binaries()
        .iter()
        .map(|b| b.trim_start_matches("menuskart-").to_owned())
        .chain(["jetstream".to_owned(), "edge".to_owned(), "ops".to_owned()])
        .collect();
    expected.sort();
    let users = nats_users();
    assert_eq!(users, expected, "nats/permissions.conf");
    // Every server of ours runs with those users: development, the cluster, the tests.
    for conf in ["nats/dev.conf", "nats/cluster.conf", "nats/test.conf"] {
        assert!(
            repo_file(conf).contains("include ./permissions.conf"),
            "{conf} does not include the permissions"
        );
    }

    // compose: each NATS node knows every public key; each service has its own seed, and only
    // its own.
    let doc = compose();
    for node in ["nats-1", "nats-2", "nats-3"] {
        let env = environment(&doc["services"][node]);
        for user in &users {
            let key = format!("MK_NATS_{}_NKEY", user.to_ascii_uppercase());
            assert!(env.contains_key(&key), "{node} lacks {key}");
        }
        let volumes = format!("{:?}", doc["services"][node]["volumes"]);
        assert!(volumes.contains("permissions.conf"), "{node}: {volumes}");
    }
    for user in users.iter().filter(|u| *u != "ops") {
        let env = environment(&doc["services"][user.as_str()]);
        let seeds: Vec<&String> = env.keys().filter(|k| k.ends_with("_NATS_SEED")).collect();
        assert_eq!(
            seeds,
            [&format!("MK_{}_NATS_SEED", user.to_ascii_uppercase())],
            "compose service {user}"
        );
        let worker: WorkerSettings = load_settings(user, &env);
        assert!(worker.nats.nats_seed.is_some(), "{user} reads its seed");
        // Every component verifies tokens; only auth can sign them.
        assert!(
            env.contains_key("MK_JWT_PUBLIC_KEYS"),
            "compose service {user}"
        );
        assert_eq!(
            env.contains_key("MK_JWT_SIGNING_KEY"),
            user == "auth",
            "compose service {user} and the token signing key"
        );
    }

    // Nomad: each task reads its own seed from a variable; the NATS job every public key.
    let platform = repo_file("nomad/menuskart.nomad.hcl");
    for user in users.iter().filter(|u| *u != "ops") {
        let line = format!(
            "MK_{}_NATS_SEED={{{{ with nomadVar \"nomad/jobs/menuskart/nats\" }}}}{{{{ .{user}_seed }}}}",
            user.to_ascii_uppercase()
        );
        assert!(
            platform.contains(&line),
            "the Nomad task {user} lacks {line}"
        );
        let public_keys = format!(
            "{line}{{{{ end }}}}\nMK_JWT_PUBLIC_KEYS={{{{ with nomadVar \"nomad/jobs/menuskart\" }}}}{{{{ .jwt_public_keys }}}}"
        );
        assert!(
            platform.contains(&public_keys),
            "the Nomad task {user} lacks the token public keys"
        );
    }
    let payments_task = &platform[platform.find("group \"payments\"").unwrap()..];
    let payments_task = &payments_task[..payments_task.find("group \"notify\"").unwrap()];
    for line in [
        "MK_PAYMENTS_PROVIDER = \"stripe\"",
        "MK_ENVIRONMENT       = \"production\"",
    ] {
        assert!(
            payments_task.contains(line),
            "the Nomad payments task lacks {line}"
        );
    }
    assert_eq!(
        platform.matches("MK_JWT_SIGNING_KEY=").count(),
        1,
        "only the auth task holds the token signing key"
    );
    let auth_task = &platform[platform.find("group \"auth\"").unwrap()..];
    let auth_task = &auth_task[..auth_task.find("group \"inventory\"").unwrap()];
    assert!(auth_task.contains("MK_JWT_SIGNING_KEY={{ .jwt_signing_key }}"));
    let nats = repo_file("nomad/nats.nomad.hcl");
    assert!(nats.contains("source      = \"nats/permissions.conf\""));
    for user in &users {
        let line = format!(
            "MK_NATS_{}_NKEY={{{{ .{user}_nkey }}}}",
            user.to_ascii_uppercase()
        );
        assert!(nats.contains(&line), "the Nomad NATS job lacks {line}");
    }
}
