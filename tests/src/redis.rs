//! A key prefix of its own per test in the test Redis (`MK_TEST_REDIS_URL`, default the
//! machine's 127.0.0.1:6379); its keys are deleted when the test ends. And a redis-server of a
//! test's own, for tests that stop it.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct TestRedis {
    pub url: String,
    pub prefix: String,
}

impl TestRedis {
    pub fn new() -> Self {
        Self {
            url: std::env::var("MK_TEST_REDIS_URL")
                .unwrap_or_else(|_| "redis://127.0.0.1:6379/".into()),
            prefix: format!("mk-test-{}:", uuid::Uuid::new_v4().simple()),
        }
    }
}

impl Default for TestRedis {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TestRedis {
    fn drop(&mut self) {
        let Ok(client) = redis::Client::open(self.url.as_str()) else {
            return;
        };
        let Ok(mut conn) = client.get_connection() else {
            return;
        };
        let keys: Vec<String> = redis::cmd("KEYS")
            .arg(format!("{}*", self.prefix))
            .query(&mut conn)
            .unwrap_or_default();
        if !keys.is_empty() {
            let _: Result<(), _> = redis::cmd("DEL").arg(keys).query(&mut conn);
        }
    }
}

/// A redis-server of our own on a unix socket in `dir`, with AOF fsynced on every write.
pub fn start_redis(dir: &std::path::Path) -> Child {
    let mut child = Command::new("redis-server")
        .args(["--port", "0", "--unixsocket"])
        .arg(dir.join("redis.sock"))
        .args(["--dir"])
        .arg(dir)
        .args([
            "--appendonly",
            "yes",
            "--appendfsync",
            "always",
            "--save",
            "",
        ])
        .arg("--logfile")
        .arg(dir.join("redis.log"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("redis-server (scripts/test installs it)");
    // Ready means: the AOF is loaded and its initial rewrite (which writes the manifest that
    // makes the append log count) has finished.
    let url = socket_url(dir);
    for _ in 0..500 {
        let info: Option<String> = redis::Client::open(url.as_str())
            .and_then(|c| c.get_connection())
            .and_then(|mut c| redis::cmd("INFO").arg("persistence").query(&mut c))
            .ok();
        if info.is_some_and(|i| {
            i.contains("loading:0")
                && i.contains("aof_rewrite_in_progress:0")
                && i.contains("aof_rewrite_scheduled:0")
        }) {
            return child;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("redis-server did not become ready in {}", dir.display());
}

/// The URL of the redis-server [`start_redis`] started in `dir`.
pub fn socket_url(dir: &std::path::Path) -> String {
    format!("redis+unix://{}", dir.join("redis.sock").display())
}

/// A redis-server of a test's own with users (an ACL file, as `redis-server --aclfile`
/// reads it) on a free port of 127.0.0.1, nothing on disk; killed on drop.
pub struct AclRedis {
    child: Child,
    pub port: u16,
}

impl AclRedis {
    /// Starts it in `dir` with the users of `acl_file`; returns once it answers (a refusal of
    /// the anonymous PING counts: the point is that it does refuse).
    pub fn start(dir: &std::path::Path, acl_file: &std::path::Path) -> Self {
        // A port that was free a moment ago; another process may take it first, so try again.
        for _ in 0..5 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|listener| listener.local_addr())
                .expect("a free port")
                .port();
            let mut child = Command::new("redis-server")
                .args(["--bind", "127.0.0.1", "--port", &port.to_string()])
                .arg("--aclfile")
                .arg(acl_file)
                .arg("--dir")
                .arg(dir)
                .args(["--save", "", "--appendonly", "no"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("redis-server (scripts/test installs it)");
            for _ in 0..250 {
                if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Self { child, port };
                }
                if child.try_wait().ok().flatten().is_some() {
                    break; // it could not bind the port (or refused the ACL file)
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!(
            "redis-server did not start with {} in {}",
            acl_file.display(),
            dir.display()
        );
    }
}

impl Drop for AclRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
