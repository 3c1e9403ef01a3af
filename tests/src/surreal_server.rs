//! A real SurrealDB server for scale-out tests (several catalog or cart instances sharing one
//! database): the binary `scripts/surreal-server build` makes, named by `MK_SURREAL_BIN`,
//! in-memory storage, a free port, a random root password.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use menuskart_kit::surreal::SurrealSettings;
use secrecy::SecretString;

pub struct SurrealServer {
    child: Child,
    pub port: u16,
    password: String,
}

impl SurrealServer {
    pub async fn start() -> Self {
        let bin = std::env::var("MK_SURREAL_BIN").expect(
            "MK_SURREAL_BIN names the SurrealDB server (scripts/surreal-server build; scripts/test sets it)",
        );
        // A port that was free a moment ago; nothing else here binds ports at random.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let password = crate::random_secret();
        let child = Command::new(bin)
            .args([
                "--log",
                "warn",
                "start",
                "--bind",
                &format!("127.0.0.1:{port}"),
            ])
            .args(["--user", "root", "--pass", &password, "memory"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the SurrealDB server");
        // Owned at once, so a failed start still kills and reaps it (Drop).
        let server = Self {
            child,
            port,
            password,
        };
        let health = format!("http://127.0.0.1:{port}/health");
        for _ in 0..200 {
            if reqwest::get(&health)
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the SurrealDB server did not become healthy on port {port}");
    }

    /// How `service`'s workers reach it: as the service's own user, made now as
    /// `mk-surreal-users` makes it (an editor of the database named after the service in
    /// `menuskart`). No worker gets root.
    pub async fn service_settings(&self, service: &str) -> SurrealSettings {
        let url = format!("ws://127.0.0.1:{}", self.port);
        let root_password = SecretString::from(self.password.clone());
        let root = menuskart_kit::surreal::connect_root(&url, "root", &root_password)
            .await
            .expect("sign in to the SurrealDB server as root");
        let password = SecretString::from(crate::random_secret());
        menuskart_kit::surreal::define_service_user(
            &root,
            "menuskart",
            service,
            service,
            &password,
        )
        .await
        .expect("define the service's user");
        SurrealSettings {
            db_url: Some(url),
            db_user: Some(service.into()),
            db_password: Some(password),
        }
    }
}

impl Drop for SurrealServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
