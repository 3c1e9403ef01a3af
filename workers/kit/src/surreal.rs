//! A SurrealDB connection for a worker that keeps its data there (catalog, cart).
//!
//! The URL picks the engine: `surrealkv://<dir>` embedded on disk (the default of one machine),
//! `mem://` embedded in memory (tests), `ws://host:port` a shared SurrealDB server, which a pool
//! needs as soon as it has more than one instance (embedded storage belongs to one process).
//!
//! On a server each service signs in as its own user, defined on its own database only
//! ([`define_service_user`], run by a setup step with the root credentials: `mk-surreal-users`),
//! so the catalog's credentials cannot read carts and no worker holds root.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use surrealdb::Surreal;
use surrealdb::engine::any::Any;

/// Where a worker's SurrealDB is: `MK_<SERVICE>_DB_URL` (`MK_CATALOG_DB_URL`, ...), with the
/// service's own user on a server in `MK_<SERVICE>_DB_USER` / `MK_<SERVICE>_DB_PASSWORD` (a
/// user of its database, see [`define_service_user`]).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SurrealSettings {
    /// `surrealkv://<dir>` (embedded; default `~/.cache/menuskart/<database>-db`), `mem://` or
    /// `ws://host:port`.
    #[serde(default)]
    pub db_url: Option<String>,
    #[serde(default)]
    pub db_user: Option<String>,
    #[serde(default)]
    pub db_password: Option<SecretString>,
}

impl SurrealSettings {
    /// An embedded or server URL without credentials.
    pub fn at(url: impl Into<String>) -> Self {
        Self {
            db_url: Some(url.into()),
            ..Self::default()
        }
    }

    fn url(&self, database: &str) -> String {
        self.db_url.clone().unwrap_or_else(|| {
            let home = std::env::var("HOME").unwrap_or_else(|_| "/var/lib".into());
            format!("surrealkv://{home}/.cache/menuskart/{database}-db")
        })
    }
}

/// Connects, selects the namespace and database and applies `schema` (which must be
/// idempotent: `DEFINE ... IF NOT EXISTS` / `OVERWRITE`). With credentials (a server), it signs
/// in as that user of `namespace`/`database`, which the setup made (the namespace and database
/// with it); without (embedded storage, which has no users), it creates the namespace and
/// database if they do not exist (SurrealDB 3 does not on first use).
pub async fn connect(
    settings: &SurrealSettings,
    namespace: &str,
    database: &str,
    schema: &str,
) -> Result<Surreal<Any>, surrealdb::Error> {
    let db = surrealdb::engine::any::connect(settings.url(database)).await?;
    prepare(&db, settings, namespace, database, schema).await?;
    Ok(db)
}

/// [`connect`]'s work on a connection made already.
async fn prepare(
    db: &Surreal<Any>,
    settings: &SurrealSettings,
    namespace: &str,
    database: &str,
    schema: &str,
) -> Result<(), surrealdb::Error> {
    if let (Some(username), Some(password)) = (&settings.db_user, &settings.db_password) {
        db.signin(surrealdb::opt::auth::Database {
            namespace: namespace.to_owned(),
            database: database.to_owned(),
            username: username.clone(),
            password: password.expose_secret().to_owned(),
        })
        .await?;
    } else {
        db.query(format!(
            "DEFINE NAMESPACE IF NOT EXISTS {namespace}; USE NS {namespace}; \
             DEFINE DATABASE IF NOT EXISTS {database};"
        ))
        .await?
        .check()?;
    }
    db.use_ns(namespace).use_db(database).await?;
    db.query(schema).await?.check()?;
    Ok(())
}

/// A connection to the server at `url` signed in as root (`username`, `password`): the setup's,
/// for [`define_service_user`]; no worker uses it.
pub async fn connect_root(
    url: &str,
    username: &str,
    password: &SecretString,
) -> Result<Surreal<Any>, surrealdb::Error> {
    let db = surrealdb::engine::any::connect(url).await?;
    db.signin(surrealdb::opt::auth::Root {
        username: username.to_owned(),
        password: password.expose_secret().to_owned(),
    })
    .await?;
    Ok(db)
}

/// Why a service user could not be defined.
#[derive(Debug, thiserror::Error)]
pub enum DefineUserError {
    /// Names and passwords go into SurrealQL literally (`DEFINE USER` takes no parameters), so
    /// they are kept to characters that need no quoting.
    #[error("{0}: use letters, digits and `-._~` only (e.g. `openssl rand -hex 24`)")]
    Unquotable(&'static str),
    #[error("surrealdb: {0}")]
    Surreal(#[from] surrealdb::Error),
}

/// On a server, signed in as root: makes `namespace` and `database` if they do not exist, and
/// (again) the user `username` with `password` on that database alone, as an editor: it may
/// define and change that database's tables, and reach no other database nor any user.
pub async fn define_service_user(
    root: &Surreal<Any>,
    namespace: &str,
    database: &str,
    username: &str,
    password: &SecretString,
) -> Result<(), DefineUserError> {
    let plain = |text: &str| {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'))
    };
    let identifier = |text: &str| {
        text.starts_with(|c: char| c.is_ascii_alphabetic())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    for (what, name) in [
        ("namespace", namespace),
        ("database", database),
        ("user", username),
    ] {
        if !identifier(name) {
            return Err(DefineUserError::Unquotable(what));
        }
    }
    let password = password.expose_secret();
    if !plain(password) {
        return Err(DefineUserError::Unquotable("password"));
    }
    root.query(format!(
        "DEFINE NAMESPACE IF NOT EXISTS {namespace}; USE NS {namespace}; \
         DEFINE DATABASE IF NOT EXISTS {database}; USE DB {database}; \
         DEFINE USER OVERWRITE {username} ON DATABASE PASSWORD '{password}' ROLES EDITOR;"
    ))
    .await?
    .check()?;
    Ok(())
}

/// What every worker's SurrealDB store fails with (catalog, cart).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A write met a `UNIQUE` index (a slug taken, a second review): the caller's conflict.
    #[error("a record with this key exists already")]
    Duplicate,
    #[error("surrealdb: {0}")]
    Surreal(#[from] surrealdb::Error),
    #[error("stored data does not decode: {0}")]
    Decode(#[from] serde_json::Error),
}

impl StoreError {
    /// For a write: a unique-index violation becomes [`StoreError::Duplicate`].
    pub fn from_write(error: surrealdb::Error) -> Self {
        if is_unique_violation(&error) {
            StoreError::Duplicate
        } else {
            StoreError::Surreal(error)
        }
    }
}

impl From<StoreError> for crate::ReplyError {
    /// As for PostgreSQL (`crate::postgres::StoreError`): a duplicate is a conflict, a server
    /// out of reach (down, restarting, the connection lost) is 503 so the client retries, the
    /// rest an opaque 500.
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Duplicate => crate::ReplyError::conflict(error.to_string()),
            StoreError::Surreal(unreachable) if unreachable.is_connection() => {
                crate::ReplyError::unavailable("database", unreachable)
            }
            other => crate::ReplyError::internal(other),
        }
    }
}

/// Whether a write failed on a `UNIQUE` index (SurrealDB reports it only in the message).
fn is_unique_violation(error: &surrealdb::Error) -> bool {
    let text = error.to_string();
    text.contains("already contains") || text.contains("unique")
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::ErrorCode;

    /// A SurrealDB with root credentials (auth on, as a server runs), in memory, signed in as
    /// root: the setup's view.
    async fn with_root() -> Surreal<Any> {
        let root = surrealdb::opt::auth::Root {
            username: "root".into(),
            password: "root-password".into(),
        };
        let config = surrealdb::opt::Config::new().user(root.clone());
        let db = surrealdb::engine::any::connect(("mem://", config))
            .await
            .expect("an in-memory SurrealDB");
        db.signin(root).await.expect("root signs in");
        db
    }

    fn service(user: &str, password: &str) -> SurrealSettings {
        SurrealSettings {
            db_url: None,
            db_user: Some(user.into()),
            db_password: Some(SecretString::from(password.to_owned())),
        }
    }

    /// The rows of `SELECT * FROM <table>` in the session's database, or the refusal.
    async fn rows(
        db: &Surreal<Any>,
        table: &str,
    ) -> Result<Vec<serde_json::Value>, surrealdb::Error> {
        db.query(format!("SELECT * FROM {table}"))
            .await?
            .check()?
            .take(0)
    }

    #[tokio::test]
    async fn a_service_user_applies_its_schema_and_reaches_no_other_database() {
        let db = with_root().await;
        let cart_password = SecretString::from("cart-password".to_owned());
        let catalog_password = SecretString::from("catalog-password".to_owned());
        define_service_user(&db, "menuskart", "cart", "cart", &cart_password)
            .await
            .expect("define cart's user");
        define_service_user(&db, "menuskart", "catalog", "catalog", &catalog_password)
            .await
            .expect("define the catalog's user");

        // Each signs in as itself and applies its real schema (an editor may define tables,
        // indexes and analyzers in its database).
        let cart_schema = include_str!("../../cart/src/store/schema.surql");
        let catalog_schema = include_str!("../../catalog/src/store/schema.surql");
        prepare(
            &db,
            &service("cart", "cart-password"),
            "menuskart",
            "cart",
            cart_schema,
        )
        .await
        .expect("cart signs in and applies its schema");
        db.query(
            "CREATE cart_line SET cart = 'user:ada', item_id = 'i', product_id = 'p', \
                  quantity = 1, currency = 'EUR', added_at = time::now(), updated_at = time::now()",
        )
        .await
        .and_then(|response| response.check())
        .expect("cart writes its own data");
        assert_eq!(
            rows(&db, "cart_line")
                .await
                .expect("cart reads its data")
                .len(),
            1
        );

        prepare(
            &db,
            &service("catalog", "catalog-password"),
            "menuskart",
            "catalog",
            catalog_schema,
        )
        .await
        .expect("the catalog signs in and applies its schema");
        // The catalog's session, turned to cart's database: nothing there is its.
        let foreign = match db.use_db("cart").await {
            Ok(_) => rows(&db, "cart_line").await,
            Err(refused) => Err(refused),
        };
        assert!(
            foreign.as_ref().map_or(true, Vec::is_empty),
            "the catalog's user reads carts: {foreign:?}"
        );
        // Nor may it make users (an editor is no owner).
        db.use_db("catalog")
            .await
            .expect("back to its own database");
        let promoted = db
            .query("DEFINE USER intruder ON DATABASE PASSWORD 'x' ROLES OWNER")
            .await
            .and_then(|response| response.check());
        assert!(promoted.is_err(), "the catalog's user defines users");

        // A wrong password does not sign in.
        let wrong = prepare(
            &db,
            &service("cart", "catalog-password"),
            "menuskart",
            "cart",
            "",
        )
        .await;
        assert!(wrong.is_err(), "cart signed in with the catalog's password");
    }

    #[tokio::test]
    async fn a_user_or_password_that_would_need_quoting_is_refused() {
        let db = with_root().await;
        let quoted = SecretString::from("it's".to_owned());
        let error = define_service_user(&db, "menuskart", "cart", "cart", &quoted)
            .await
            .expect_err("a quote in a password");
        assert!(matches!(error, DefineUserError::Unquotable("password")));
        let plain = SecretString::from("a-b.c_d~1".to_owned());
        let error = define_service_user(&db, "menuskart", "cart; REMOVE", "cart", &plain)
            .await
            .expect_err("a statement in a name");
        assert!(matches!(error, DefineUserError::Unquotable("database")));
    }

    #[test]
    fn a_lost_server_is_unavailable_and_a_bad_query_internal() {
        // What the SurrealDB client reports when the server is down or the socket dropped.
        let lost = surrealdb::Error::connection(
            "connection refused".into(),
            surrealdb::types::ConnectionError::ConnectionFailed,
        );
        let reply = crate::ReplyError::from(StoreError::Surreal(lost));
        assert_eq!(reply.code(), ErrorCode::Unavailable);

        let bad = surrealdb::Error::validation(
            "no such field".into(),
            None::<surrealdb::types::ValidationError>,
        );
        let reply = crate::ReplyError::from(StoreError::Surreal(bad));
        assert_eq!(reply.code(), ErrorCode::Internal);
        assert_eq!(
            crate::ReplyError::from(StoreError::Duplicate).code(),
            ErrorCode::Conflict
        );
    }
}
