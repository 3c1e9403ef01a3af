//! A fresh PostgreSQL database per test, dropped when the test ends.

use sqlx::Connection;

pub struct TestDatabase {
    admin_url: String,
    pub name: String,
    pub url: String,
}

/// The server tests create databases on (`scripts/test` sets it to a role of ours).
fn admin_url() -> String {
    let base = std::env::var("MK_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
    format!("{}/postgres", base.trim_end_matches('/'))
}

impl TestDatabase {
    pub async fn create() -> Self {
        let admin_url = admin_url();
        let name = format!("mk_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("cannot reach PostgreSQL through MK_TEST_PG_URL: {e}"));
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create test database");
        let url = admin_url.replace("/postgres", &format!("/{name}"));
        Self {
            admin_url,
            name,
            url,
        }
    }

    /// With `false`, the database refuses new connections and its open ones are closed: what
    /// its clients see when it is down. With `true`, it lets them in again.
    pub async fn allow_connections(&self, allow: bool) {
        let mut conn = sqlx::PgConnection::connect(&self.admin_url)
            .await
            .expect("reach PostgreSQL");
        sqlx::query(&format!(
            "ALTER DATABASE {} ALLOW_CONNECTIONS {allow}",
            self.name
        ))
        .execute(&mut conn)
        .await
        .expect("alter the test database");
        if !allow {
            sqlx::query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = $1 AND pid <> pg_backend_pid()",
            )
            .bind(&self.name)
            .execute(&mut conn)
            .await
            .expect("close the database's connections");
        }
    }

    pub async fn connect(&self) -> sqlx::PgConnection {
        sqlx::PgConnection::connect(&self.url)
            .await
            .expect("connect to the test database")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // Drop is synchronous; the test's runtime may be shutting down, so use a runtime of our own.
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        let _ = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async move {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut conn)
                        .await;
                }
            });
        })
        .join();
    }
}
