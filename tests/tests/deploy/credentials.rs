//! Who holds which store credential, in each deployment: a worker's environment holds its own
//! only (its database role's URL, its Redis user, its SurrealDB user), and the servers hold
//! what they check. compose.yaml and the Nomad job are read; `scripts/dev` is asked what each
//! process it starts gets (`scripts/dev env <process>`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_norway::Value;

use super::{compose, environment, repo_file, worker_binaries};

/// The `${VARIABLE...}` a compose service reads, in its environment and its command.
fn referenced_variables(service: &Value) -> BTreeSet<String> {
    let mut texts: Vec<&str> = service["environment"]
        .as_mapping()
        .into_iter()
        .flatten()
        .filter_map(|(_, value)| value.as_str())
        .collect();
    texts.extend(
        service["command"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str),
    );
    texts
        .iter()
        .flat_map(|text| text.split("${").skip(1))
        .map(|rest| {
            rest.split([':', '}'])
                .next()
                .expect("a variable name")
                .to_owned()
        })
        .collect()
}

/// The compose services that may hold a password: the server that checks it, the setup that
/// makes the user, and the one component it is the password of.
fn password_holders(variable: &str) -> BTreeSet<String> {
    let holders: Vec<String> = match variable {
        "POSTGRES_PASSWORD" => vec!["postgres".into()],
        "SURREAL_PASSWORD" => vec!["surrealdb".into(), "surrealdb-users".into()],
        "MK_ADMIN_PASSWORD" => vec!["auth".into()],
        "MK_SMTP_PASSWORD" => vec!["notify".into()],
        _ => {
            let owner = |suffix: &str| {
                variable
                    .strip_prefix("MK_")?
                    .strip_suffix(suffix)
                    .map(str::to_ascii_lowercase)
            };
            if let Some(worker) = owner("_DATABASE_PASSWORD") {
                vec!["postgres".into(), worker]
            } else if let Some(component) = owner("_REDIS_PASSWORD") {
                let server = if component == "inventory" {
                    "redis-stock"
                } else {
                    "redis"
                };
                vec![server.into(), component]
            } else if let Some(service) = owner("_DB_PASSWORD") {
                vec!["surrealdb-users".into(), service]
            } else {
                panic!("compose reads the password {variable}: say here who may hold it")
            }
        }
    };
    holders.into_iter().collect()
}

#[test]
fn compose_gives_each_service_only_its_own_store_credentials() {
    let doc = compose();
    let services = doc["services"].as_mapping().expect("services");
    let mut holders: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, service) in services {
        for variable in referenced_variables(service) {
            if variable.contains("PASSWORD") {
                holders
                    .entry(variable)
                    .or_default()
                    .insert(name.as_str().expect("a name").to_owned());
            }
        }
    }
    for (variable, held_by) in &holders {
        assert_eq!(held_by, &password_holders(variable), "who holds {variable}");
    }
    // Every store user has its own password: a role per PostgreSQL worker, a Redis user per
    // component, a SurrealDB user per service.
    for needed in [
        "MK_AUTH_DATABASE_PASSWORD",
        "MK_ORDERS_DATABASE_PASSWORD",
        "MK_PAYMENTS_DATABASE_PASSWORD",
        "MK_NOTIFY_DATABASE_PASSWORD",
        "MK_INVENTORY_REDIS_PASSWORD",
        "MK_EDGE_REDIS_PASSWORD",
        "MK_CATALOG_REDIS_PASSWORD",
        "MK_CATALOG_DB_PASSWORD",
        "MK_CART_DB_PASSWORD",
    ] {
        assert!(holders.contains_key(needed), "compose has no {needed}");
    }

    let superuser = environment(&doc["services"]["postgres"])
        .remove("POSTGRES_USER")
        .unwrap_or_else(|| "postgres".into());
    for (name, service) in services {
        let name = name.as_str().expect("a name");
        for (key, value) in environment(service) {
            if key.ends_with("_DATABASE_URL") {
                // The worker's own role, named as deploy/postgres/databases.sh names it.
                let url = reqwest::Url::parse(&value).expect("a PostgreSQL URL");
                let own = format!("menuskart_{name}");
                assert_eq!(url.username(), own, "{name}: {key}");
                assert_ne!(url.username(), superuser, "{name}: {key}");
                assert_eq!(url.path(), format!("/{own}"), "{name}: {key}");
            }
            if key.ends_with("_REDIS_URL") {
                let url = reqwest::Url::parse(&value).expect("a Redis URL");
                assert_eq!(url.username(), name, "{name}: {key} is its own user");
                assert!(url.password().is_some(), "{name}: {key} has no password");
                assert_eq!(
                    url.host_str() == Some("redis-stock"),
                    name == "inventory",
                    "{name}: {key}: only inventory reaches the stock Redis"
                );
            }
            if key.ends_with("_DB_USER") {
                assert_eq!(
                    value, name,
                    "{name}: {key}: its own SurrealDB user, not root"
                );
            }
        }
    }
}

/// Each Nomad task of the platform job, by name, with its text (the task's block).
fn nomad_tasks() -> BTreeMap<String, String> {
    let platform = repo_file("nomad/menuskart.nomad.hcl");
    platform
        .split("\n    task \"")
        .skip(1)
        .map(|task| {
            let (name, body) = task.split_once('"').expect("task \"<name>\"");
            (name.to_owned(), body.to_owned())
        })
        .collect()
}

/// The Nomad variables' fields that are credentials, and the task each belongs to: the ones
/// named after their task (`orders_database_url`, `catalog_db_password`, `edge_seed`, ...), and
/// these.
fn nomad_credential_owner(field: &str, tasks: &BTreeMap<String, String>) -> Option<String> {
    let credential = [
        "_database_url",
        "_redis_url",
        "_password",
        "_secret",
        "_secrets",
        "_key",
        "_seed",
    ]
    .iter()
    .any(|suffix| field.ends_with(suffix));
    if !credential {
        return None;
    }
    let owner = match field {
        "jwt_signing_key" | "admin_password" => "auth",
        "smtp_password" | "unsubscribe_secret" => "notify",
        "stripe_secret_key" => "payments",
        _ => tasks
            .keys()
            .find(|task| field.starts_with(&format!("{task}_")))
            .map(String::as_str)
            .unwrap_or_else(|| panic!("the Nomad variable {field}: say here whose it is")),
    };
    Some(owner.to_owned())
}

#[test]
fn the_nomad_tasks_read_only_their_own_store_credentials() {
    let tasks = nomad_tasks();
    assert!(tasks.len() >= 8, "{:?}", tasks.keys());
    for (task, body) in &tasks {
        // Credentials come from variables (templates), never from the job file's env blocks.
        let env_block = body
            .split("env {")
            .nth(1)
            .map(|rest| rest.split('}').next().unwrap_or(""));
        for line in env_block.into_iter().flat_map(str::lines) {
            let key = line.split('=').next().unwrap_or("").trim();
            assert!(
                !(key.ends_with("_REDIS_URL")
                    || key.ends_with("_DATABASE_URL")
                    || key.ends_with("_PASSWORD")),
                "the Nomad task {task} has {key} in its env block"
            );
            if key.ends_with("_DB_USER") {
                assert!(line.contains(&format!("\"{task}\"")), "{task}: {line}");
            }
        }
        for field in body
            .split("{{ .")
            .skip(1)
            .filter_map(|rest| rest.split(' ').next())
        {
            if let Some(owner) = nomad_credential_owner(field, &tasks) {
                assert_eq!(&owner, task, "the Nomad task {task} reads {field}");
            }
        }
    }
    let platform = repo_file("nomad/menuskart.nomad.hcl");
    for (field, task) in [
        ("inventory_stock_redis_url", "inventory"),
        ("edge_rate_redis_url", "edge"),
        ("catalog_cache_redis_url", "catalog"),
        ("catalog_db_password", "catalog"),
        ("cart_db_password", "cart"),
    ] {
        assert!(
            platform.contains(&format!("{{{{ .{field} }}}}")),
            "{task} lacks {field}"
        );
    }
    assert!(
        !platform.contains("surreal_password"),
        "a task holds SurrealDB's root password"
    );
}

/// What `scripts/dev env <process>` prints: the variables that process is started with.
fn dev_environment(home: &Path, process: &str) -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let output = std::process::Command::new("bash")
        .arg(root.join("scripts/dev"))
        .args(["env", process])
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", home)
        .output()
        .expect("bash runs scripts/dev");
    assert!(
        output.status.success(),
        "scripts/dev env {process}: {output:?}"
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect()
}

#[test]
fn scripts_dev_gives_each_process_only_its_own_credentials() {
    let home = std::env::temp_dir().join(format!("mk-dev-env-{}", uuid::Uuid::new_v4().simple()));
    let state = home.join(".cache/menuskart");
    std::fs::create_dir_all(&state).expect("a scratch HOME");
    let components: Vec<String> = worker_binaries()
        .iter()
        .map(|binary| binary.trim_start_matches("menuskart-").to_owned())
        .chain(["jetstream".to_owned(), "edge".to_owned(), "ops".to_owned()])
        .collect();
    // What the kit's key tools would make (they are not built here): stand-ins, each unique.
    let mut keys = String::from(
        "MK_JWT_SIGNING_KEY=signing-key-stand-in\nMK_JWT_PUBLIC_KEYS=public-keys-stand-in\n\
         MK_ADMIN_EMAIL=admin@example.com\nMK_ADMIN_PASSWORD=admin-password-stand-in\n",
    );
    for component in &components {
        let upper = component.to_ascii_uppercase();
        keys.push_str(&format!(
            "MK_{upper}_NATS_SEED=seed-of-{component}\nMK_NATS_{upper}_NKEY=key-of-{component}\n"
        ));
    }
    std::fs::write(state.join("dev.env"), keys).expect("write dev.env");

    let envs: BTreeMap<&str, BTreeMap<String, String>> = components
        .iter()
        .map(|component| (component.as_str(), dev_environment(&home, component)))
        .collect();
    // Every credential in dev.env (generated by the runs above), and who may hold it.
    let dev_env = std::fs::read_to_string(state.join("dev.env")).expect("dev.env");
    let _ = std::fs::remove_dir_all(&home);
    let mut checked = 0;
    for (variable, secret) in dev_env.lines().filter_map(|line| line.split_once('=')) {
        let holders: Vec<&str> = match variable {
            "MK_JWT_SIGNING_KEY" => vec!["auth"],
            "MK_ADMIN_PASSWORD" => vec!["auth", "ops"],
            "MK_UNSUBSCRIBE_SECRET" => vec!["notify"],
            _ if variable.ends_with("_PASSWORD")
                || variable.ends_with("_NATS_SEED")
                || variable.ends_with("_SECRETS") =>
            {
                let owner = variable["MK_".len()..]
                    .split('_')
                    .next()
                    .unwrap_or_default();
                vec![
                    components
                        .iter()
                        .find(|c| c.eq_ignore_ascii_case(owner))
                        .unwrap_or_else(|| panic!("{variable}: say here who may hold it"))
                        .as_str(),
                ]
            }
            _ => continue,
        };
        for (component, env) in &envs {
            let holds = env.values().any(|value| value.contains(secret));
            assert_eq!(
                holds,
                holders.contains(component),
                "scripts/dev: {component} and {variable}"
            );
        }
        checked += 1;
    }
    // The four database passwords, inventory's Redis password, ten seeds, and the rest.
    assert!(checked >= 15, "{checked} credentials in dev.env");

    // Each PostgreSQL worker connects as its own role to its own database; nobody else has
    // a database URL. Only inventory has the stock Redis.
    for (component, env) in &envs {
        let urls: Vec<(&String, &String)> = env
            .iter()
            .filter(|(key, _)| key.ends_with("_DATABASE_URL"))
            .collect();
        let has_migrations = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../workers")
            .join(component)
            .join("migrations")
            .is_dir();
        if has_migrations {
            assert_eq!(urls.len(), 1, "{component}: {urls:?}");
            let url = reqwest::Url::parse(urls[0].1).expect("a PostgreSQL URL");
            let own = format!("menuskart_{component}");
            assert_eq!(
                (url.username(), url.path()),
                (own.as_str(), format!("/{own}").as_str())
            );
        } else {
            assert!(urls.is_empty(), "{component} has a database URL: {urls:?}");
        }
        let stock: Vec<&String> = env
            .keys()
            .filter(|key| key.contains("STOCK_REDIS_URL"))
            .collect();
        assert_eq!(
            stock.is_empty(),
            *component != "inventory",
            "{component}: {stock:?}"
        );
    }
    let stock = reqwest::Url::parse(&envs["inventory"]["MK_INVENTORY_STOCK_REDIS_URL"])
        .expect("a Redis URL");
    assert_eq!(stock.username(), "inventory");
    assert!(stock.password().is_some());
}
