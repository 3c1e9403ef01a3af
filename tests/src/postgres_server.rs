//! A PostgreSQL server of a test's own, for tests about who may log in and read what: the
//! machine's server trusts every local connection, so it cannot show that a password or a role
//! keeps anyone out. `initdb` with scram-sha-256 for every connection, a superuser with a
//! password, a free port on 127.0.0.1, everything in a temporary directory; stopped and deleted
//! on drop. The binaries are Debian's (`/usr/lib/postgresql/<version>/bin`, the newest;
//! `scripts/test` installs the `postgresql` package) or `MK_PG_BIN_DIR`'s.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct PostgresServer {
    bin: PathBuf,
    /// The directory of the data, the socket and the log.
    dir: PathBuf,
    pub port: u16,
}

impl PostgresServer {
    /// A new cluster whose superuser is `superuser` with `password`, running and accepting
    /// connections over TCP on 127.0.0.1 and on a socket in [`socket_dir`](Self::socket_dir).
    pub fn start(superuser: &str, password: &str) -> Self {
        let bin = bin_dir();
        let dir = std::env::temp_dir().join(format!("mk-pg-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let password_file = dir.join("password");
        std::fs::write(&password_file, password).expect("write the password file");
        hand_to_server_user(&dir);
        let initdb = as_server_user(&bin.join("initdb"))
            .arg("-D")
            .arg(dir.join("data"))
            .args(["-U", superuser, "--auth=scram-sha-256", "-E", "UTF8"])
            .arg(format!("--pwfile={}", password_file.display()))
            .output()
            .expect("run initdb");
        check(&initdb, "initdb");
        std::fs::remove_file(&password_file).expect("remove the password file");
        // A port that was free a moment ago; another process may take it first, so try again.
        for _ in 0..5 {
            let port = free_port();
            let options = format!(
                "-p {port} -k {} -c listen_addresses=127.0.0.1",
                dir.display()
            );
            let started = as_server_user(&bin.join("pg_ctl"))
                .args(["start", "-w", "-D"])
                .arg(dir.join("data"))
                .arg("-o")
                .arg(options)
                .arg("-l")
                .arg(dir.join("server.log"))
                .output()
                .expect("run pg_ctl start");
            if started.status.success() {
                return Self { bin, dir, port };
            }
        }
        let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
        panic!("PostgreSQL did not start in {}: {log}", dir.display());
    }

    /// The directory of the server's socket (`PGHOST` for a client on this machine).
    pub fn socket_dir(&self) -> &Path {
        &self.dir
    }

    /// `postgres://user:password@127.0.0.1:<port>/database`.
    pub fn url(&self, user: &str, password: &str, database: &str) -> String {
        format!(
            "postgres://{user}:{password}@127.0.0.1:{}/{database}",
            self.port
        )
    }
}

impl Drop for PostgresServer {
    fn drop(&mut self) {
        let _ = as_server_user(&self.bin.join("pg_ctl"))
            .arg("stop")
            .args(["-m", "immediate", "-D"])
            .arg(self.dir.join("data"))
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Where `initdb` and `pg_ctl` are.
fn bin_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("MK_PG_BIN_DIR") {
        return dir.into();
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).expect(
        "PostgreSQL's server binaries (initdb): install Debian's `postgresql` (scripts/test does) \
         or set MK_PG_BIN_DIR",
    )
}

/// initdb and postgres refuse to run as root: as root (a container, CI), they run as the
/// `postgres` user Debian's package creates.
fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

fn as_server_user(program: &Path) -> Command {
    if running_as_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn hand_to_server_user(dir: &Path) {
    if running_as_root() {
        let chown = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(dir)
            .output()
            .expect("run chown");
        check(&chown, "chown");
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

fn check(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
