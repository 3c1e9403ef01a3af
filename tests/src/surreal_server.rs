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

    /// How a worker reaches it.
    pub fn settings(&self) -> SurrealSettings {
        SurrealSettings {
            db_url: Some(format!("ws://127.0.0.1:{}", self.port)),
            db_user: Some("root".into()),
            db_password: Some(SecretString::from(self.password.clone())),
        }
    }
}

impl Drop for SurrealServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
