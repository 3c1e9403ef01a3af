//! The stores as the deployments set them up, for real: compose's PostgreSQL init and Redis
//! users, and `scripts/dev`'s stock Redis, each started on servers of the test's own (the
//! machine's PostgreSQL trusts every local connection, so it could not show a refusal). Each
//! worker's credentials, exactly as compose gives them, reach its own data and nobody else's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use menuskart_e2e::postgres_server::PostgresServer;
use menuskart_e2e::redis::AclRedis;
use menuskart_inventory::store::{AdjustOutcome, StockChange};
use menuskart_kit::postgres::PostgresSettings;
use menuskart_schemas::ids::{ProductId, UserId};
use serde_norway::Value;
use sqlx::Connection;

use super::{compose, environment};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("the repository")
}

/// A scratch directory of the test's own, deleted on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(what: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("mk-{what}-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        Self(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A service's volumes that are files of the repository: container path -> path here.
fn repo_mounts(service: &Value) -> BTreeMap<String, PathBuf> {
    service["volumes"]
        .as_sequence()
        .into_iter()
        .flatten()
        .filter_map(|volume| {
            let mut parts = volume.as_str()?.split(':');
            let (source, target) = (parts.next()?, parts.next()?);
            let relative = source.strip_prefix("./")?;
            Some((target.to_owned(), repo_root().join(relative)))
        })
        .collect()
}

/// A compose service's environment with every container path of a repository file replaced by
/// that file's path here.
fn environment_here(service: &Value) -> BTreeMap<String, String> {
    let mounts = repo_mounts(service);
    environment(service)
        .into_iter()
        .map(|(key, value)| {
            let value = match mounts.get(&value) {
                Some(path) => path.display().to_string(),
                None => value,
            };
            (key, value)
        })
        .collect()
}

/// Does what the postgres image does on an empty volume, on `server`: the database
/// `POSTGRES_DB` (unless it is `postgres`), then each script compose mounts into
/// `/docker-entrypoint-initdb.d`, in name order, with the service's environment and `psql`
/// pointed at the server.
fn run_postgres_init(postgres: &Value, server: &PostgresServer) {
    let mut env = environment_here(postgres);
    // The image's defaults, which its entrypoint exports to the scripts.
    let superuser = env
        .entry("POSTGRES_USER".into())
        .or_insert_with(|| "postgres".into())
        .clone();
    let superuser = superuser.as_str();
    let database = env
        .entry("POSTGRES_DB".into())
        .or_insert_with(|| superuser.to_owned())
        .clone();
    let psql_env = [
        ("PGHOST", server.socket_dir().display().to_string()),
        ("PGPORT", server.port.to_string()),
        ("PGPASSWORD", env["POSTGRES_PASSWORD"].clone()),
    ];
    // initdb makes `postgres`; the image creates any other POSTGRES_DB.
    if database != "postgres" {
        let created = Command::new("psql")
            .args(["-v", "ON_ERROR_STOP=1", "--username", superuser])
            .args(["--dbname", "postgres", "-c"])
            .arg(format!("CREATE DATABASE \"{database}\""))
            .envs(psql_env.clone())
            .output()
            .expect("psql (Debian's postgresql-client)");
        assert!(created.status.success(), "{created:?}");
    }
    let mut scripts: Vec<(String, PathBuf)> = repo_mounts(postgres)
        .into_iter()
        .filter(|(target, _)| target.starts_with("/docker-entrypoint-initdb.d/"))
        .collect();
    scripts.sort();
    assert!(
        !scripts.is_empty(),
        "compose's postgres runs no init script"
    );
    for (target, script) in scripts {
        assert!(target.ends_with(".sh"), "{target}: only shell scripts here");
        let output = Command::new("sh")
            .arg(&script)
            .env_clear()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .envs(&env)
            .envs(psql_env.clone())
            .output()
            .expect("run the init script");
        assert!(
            output.status.success(),
            "{}: {}",
            script.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The workers compose gives a PostgreSQL database: service -> its URL on `server`.
fn postgres_urls(doc: &Value, server: &PostgresServer) -> BTreeMap<String, String> {
    let mut urls = BTreeMap::new();
    for (name, service) in doc["services"].as_mapping().expect("services") {
        let name = name.as_str().expect("a service name");
        for (key, url) in environment(service) {
            if key.ends_with("_DATABASE_URL") {
                let here = url.replace("@postgres:5432/", &format!("@127.0.0.1:{}/", server.port));
                assert_ne!(here, url, "{name}: {key} is not on compose's postgres");
                urls.insert(name.to_owned(), here);
            }
        }
    }
    urls
}

/// `url` with its database name replaced by `database`.
fn on_database(url: &str, database: &str) -> String {
    let (server, _) = url.rsplit_once('/').expect("a database in the URL");
    format!("{server}/{database}")
}

fn database_of(url: &str) -> &str {
    url.rsplit_once('/').expect("a database in the URL").1
}

#[tokio::test]
async fn compose_postgres_gives_each_worker_a_role_that_reaches_only_its_own_database() {
    let doc = compose();
    let postgres = &doc["services"]["postgres"];
    let env = environment(postgres);
    let superuser = env.get("POSTGRES_USER").map_or("postgres", String::as_str);
    let server = PostgresServer::start(superuser, &env["POSTGRES_PASSWORD"]);
    run_postgres_init(postgres, &server);
    let urls = postgres_urls(&doc, &server);
    assert!(
        urls.len() >= 4,
        "auth, orders, payments and notify: {urls:?}"
    );

    // Each worker migrates its own database with its own credentials, as it does at start.
    menuskart_auth::store::Store::connect(&PostgresSettings::new(&urls["auth"], 2))
        .await
        .expect("auth migrates its database as its own role");
    menuskart_orders::store::Store::connect(&PostgresSettings::new(&urls["orders"], 2))
        .await
        .expect("orders migrate their database as their own role");

    // The order worker's credentials against the accounts (password hashes, emails): refused.
    let orders_on_auth = on_database(&urls["orders"], database_of(&urls["auth"]));
    let read: Result<i64, sqlx::Error> = async {
        let mut conn = sqlx::PgConnection::connect(&orders_on_auth).await?;
        sqlx::query_scalar("SELECT count(*) FROM users")
            .fetch_one(&mut conn)
            .await
    }
    .await;
    assert!(
        read.is_err(),
        "orders' credentials read auth's users: {read:?}"
    );

    // Every worker's role: no other worker's database, no power beyond its own.
    for (worker, url) in &urls {
        let mut own = sqlx::PgConnection::connect(url)
            .await
            .unwrap_or_else(|e| panic!("{worker} reaches its own database: {e}"));
        for (other, other_url) in urls.iter().filter(|(other, _)| *other != worker) {
            let foreign = on_database(url, database_of(other_url));
            match sqlx::PgConnection::connect(&foreign).await {
                Err(sqlx::Error::Database(refused)) => {
                    // 42501: no CONNECT privilege on the database.
                    assert_eq!(refused.code().as_deref(), Some("42501"), "{refused}");
                }
                Err(other_error) => panic!("{worker} -> {other}: {other_error}"),
                Ok(_) => panic!("{worker}'s credentials open {other}'s database"),
            }
        }
        let (superuser, create_role, create_db, program): (bool, bool, bool, bool) =
            sqlx::query_as(
                "SELECT rolsuper, rolcreaterole, rolcreatedb, \
                        pg_has_role(current_user, 'pg_execute_server_program', 'USAGE') \
                 FROM pg_roles WHERE rolname = current_user",
            )
            .fetch_one(&mut own)
            .await
            .expect("read its own role");
        assert!(
            !(superuser || create_role || create_db || program),
            "{worker}'s role: superuser {superuser}, create role {create_role}, create \
             database {create_db}, server programs {program}"
        );
        let copy = sqlx::query("COPY (SELECT 1) TO PROGRAM 'true'")
            .execute(&mut own)
            .await;
        assert!(copy.is_err(), "{worker} may run programs on the server");
    }
}

/// The credentials in a Redis URL (`redis://user:password@host:port/`) as an URL to the server
/// on `port` here.
fn redis_url_here(url: &str, port: u16) -> String {
    let parsed = reqwest::Url::parse(url).expect("a Redis URL");
    assert!(
        !parsed.username().is_empty() && parsed.password().is_some(),
        "{url}: a Redis URL carries its user and password"
    );
    format!(
        "redis://{}:{}@127.0.0.1:{port}/",
        parsed.username(),
        parsed.password().unwrap_or_default()
    )
}

/// compose's Redis service `name`, started here: its ACL template (the repository file it
/// mounts, ending in `.acl`) rendered by the same `render-acl` with the service's environment.
fn start_compose_redis(doc: &Value, name: &str, dir: &Path) -> AclRedis {
    let service = &doc["services"][name];
    let mounts = repo_mounts(service);
    let template = mounts
        .values()
        .find(|path| path.extension().is_some_and(|ext| ext == "acl"))
        .unwrap_or_else(|| panic!("compose's {name} has no users (no ACL file)"));
    let rendered = Command::new("sh")
        .arg(repo_root().join("deploy/redis/render-acl"))
        .arg(template)
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .envs(environment(service))
        .output()
        .expect("run render-acl");
    assert!(rendered.status.success(), "{rendered:?}");
    let acl_file = dir.join(format!("{name}.acl"));
    std::fs::write(&acl_file, rendered.stdout).expect("write the ACL file");
    AclRedis::start(dir, &acl_file)
}

/// The reply to `command` from `url`'s user, or the error's text.
async fn redis_reply(url: &str, command: &mut redis::Cmd) -> Result<redis::Value, String> {
    let client = redis::Client::open(url).map_err(|e| e.to_string())?;
    let mut conn = client
        .get_multiplexed_async_connection()
        .await
        .map_err(|e| e.to_string())?;
    command
        .query_async(&mut conn)
        .await
        .map_err(|e| e.to_string())
}

/// The URL `service`'s variable `key` holds in compose.
fn compose_url(doc: &Value, service: &str, key: &str) -> String {
    environment(&doc["services"][service])
        .remove(key)
        .unwrap_or_else(|| panic!("compose's {service} has no {key}"))
}

#[tokio::test]
async fn compose_redis_keeps_stock_to_inventory_and_the_caches_apart() {
    let doc = compose();
    let scratch = Scratch::new("redis");
    let stock = start_compose_redis(&doc, "redis-stock", &scratch.0);
    let cache = start_compose_redis(&doc, "redis", &scratch.0);
    let inventory = redis_url_here(
        &compose_url(&doc, "inventory", "MK_STOCK_REDIS_URL"),
        stock.port,
    );
    let edge_url = compose_url(&doc, "edge", "MK_RATE_REDIS_URL");
    let catalog_url = compose_url(&doc, "catalog", "MK_CACHE_REDIS_URL");

    // Stock: inventory's alone. The inventory store works as its user...
    let store = menuskart_inventory::store::Store::connect(&inventory, "mk:")
        .await
        .expect("inventory reaches the stock Redis");
    let product = ProductId::new();
    let adjusted = store
        .adjust(&product, StockChange::Set(7), UserId::new())
        .await
        .expect("inventory sets stock");
    assert!(matches!(adjusted, AdjustOutcome::Adjusted(level) if level.available == 7));
    assert_eq!(
        store.stock(&product).await.expect("read stock").available,
        7
    );
    // ...and no one else gets in: not without a user, not with the edge's or the catalog's.
    let stock_key = format!("mk:stock:{product}");
    for (who, url) in [
        ("anonymous", format!("redis://127.0.0.1:{}/", stock.port)),
        ("the edge", redis_url_here(&edge_url, stock.port)),
        ("the catalog", redis_url_here(&catalog_url, stock.port)),
    ] {
        let read = redis_reply(&url, redis::cmd("HGETALL").arg(&stock_key)).await;
        assert!(read.is_err(), "{who} reads stock: {read:?}");
        let write = redis_reply(
            &url,
            redis::cmd("HSET").arg(&stock_key).arg("available").arg(0),
        )
        .await;
        assert!(write.is_err(), "{who} writes stock: {write:?}");
    }

    // The cache Redis: no anonymous client, and the edge and the catalog each keep to their
    // own keys.
    let edge = redis_url_here(&edge_url, cache.port);
    let catalog = redis_url_here(&catalog_url, cache.port);
    let anonymous = format!("redis://127.0.0.1:{}/", cache.port);
    let ping = redis_reply(&anonymous, &mut redis::cmd("PING")).await;
    assert!(ping.is_err(), "anonymous: {ping:?}");
    let cached = menuskart_catalog::cache::Cache::connect(&catalog, "mk:")
        .await
        .expect("the catalog reaches its cache");
    // Loaded once, then read from the cache: its user may read and write its keys.
    for _ in 0..2 {
        let value: Result<u32, std::convert::Infallible> =
            cached.get_or_load("k", async { Ok(1) }).await;
        assert_eq!(value, Ok(1));
    }
    assert_eq!(cached.counts(), (1, 1), "(hits, misses)");
    cached
        .invalidate()
        .await
        .expect("the catalog bumps its generation");
    // The rate-limit script as the edge runs it: its own key, Redis's clock.
    let gcra = redis_reply(
        &edge,
        redis::cmd("EVAL")
            .arg("redis.call('TIME'); return redis.call('SET', KEYS[1], 1, 'PX', 1000)")
            .arg(1)
            .arg("mk:rate:login:192.0.2.1"),
    )
    .await;
    assert!(gcra.is_ok(), "the edge counts its rate limits: {gcra:?}");
    for (who, url, foreign_key) in [
        ("the edge", &edge, "mk:catalog:generation"),
        ("the catalog", &catalog, "mk:rate:login:192.0.2.1"),
    ] {
        let read = redis_reply(url, redis::cmd("GET").arg(foreign_key)).await;
        assert!(read.is_err(), "{who} reads {foreign_key}: {read:?}");
        let write = redis_reply(url, redis::cmd("SET").arg(foreign_key).arg(1)).await;
        assert!(write.is_err(), "{who} writes {foreign_key}: {write:?}");
        let flush = redis_reply(url, &mut redis::cmd("FLUSHALL")).await;
        assert!(flush.is_err(), "{who} empties the Redis: {flush:?}");
    }
}

/// Stops the daemonized redis-server whose pid file is `.0`.
struct StopByPidFile(PathBuf);

impl Drop for StopByPidFile {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(&self.0) {
            let _ = Command::new("kill").arg(pid.trim()).status();
        }
    }
}

#[tokio::test]
async fn scripts_dev_stock_redis_answers_inventory_only() {
    let scratch = Scratch::new("dev-stock");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let password = menuskart_e2e::random_secret();
    let dir = scratch.0.join("redis-stock");
    let _stop = StopByPidFile(dir.join("redis.pid"));
    // lib.sh's own function, as `scripts/dev up` calls it, on a port and in a directory of ours.
    let started = Command::new("bash")
        .arg("-c")
        .arg(r#"source "$0/scripts/lib.sh" && ensure_stock_redis "$1""#)
        .arg(repo_root())
        .arg(&dir)
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", &scratch.0)
        .env("MK_STOCK_REDIS_PORT", port.to_string())
        .env("MK_INVENTORY_REDIS_PASSWORD", &password)
        .output()
        .expect("bash runs lib.sh");
    assert!(started.status.success(), "ensure_stock_redis: {started:?}");

    let anonymous = redis_reply(
        &format!("redis://127.0.0.1:{port}/"),
        &mut redis::cmd("PING"),
    )
    .await;
    assert!(
        anonymous.as_ref().is_err_and(|e| e.contains("NOAUTH")),
        "an anonymous client: {anonymous:?}"
    );
    let wrong = redis_reply(
        &format!(
            "redis://inventory:{}@127.0.0.1:{port}/",
            menuskart_e2e::random_secret()
        ),
        &mut redis::cmd("PING"),
    )
    .await;
    assert!(wrong.is_err(), "a wrong password: {wrong:?}");
    let store = menuskart_inventory::store::Store::connect(
        &format!("redis://inventory:{password}@127.0.0.1:{port}/"),
        "mk:",
    )
    .await
    .expect("inventory reaches the stock Redis");
    let product = ProductId::new();
    store
        .adjust(&product, StockChange::Set(3), UserId::new())
        .await
        .expect("inventory sets stock");
    assert_eq!(
        store.stock(&product).await.expect("read stock").available,
        3
    );
}
