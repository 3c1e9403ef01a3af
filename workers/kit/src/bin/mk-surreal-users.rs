//! `mk-surreal-users`: each SurrealDB service's own user on a shared SurrealDB server, so that
//! no worker holds root and the catalog's credentials cannot read carts.
//!
//! `mk-surreal-users catalog cart` signs in as root (`MK_SURREAL_URL`, `MK_SURREAL_USER`,
//! default `root`, and `MK_SURREAL_PASSWORD`), then for each service makes the namespace
//! `menuskart` and the service's database (named after it) if they do not exist, and (again) the
//! user named after the service with the password `MK_<SERVICE>_DB_PASSWORD`, an editor of that
//! database alone. Run it once before the services start, and again after changing a password;
//! the services then sign in with `MK_<SERVICE>_DB_USER=<service>` and that password. compose
//! runs it as `surrealdb-users`; `scripts/surreal-server start` runs it too.

use anyhow::Context;
use secrecy::{ExposeSecret, SecretString};

/// The namespace every MenusKart service keeps its SurrealDB database in.
const NAMESPACE: &str = "menuskart";

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let services: Vec<String> = std::env::args().skip(1).collect();
    anyhow::ensure!(
        !services.is_empty() && services.iter().all(|s| !s.starts_with('-')),
        "usage: mk-surreal-users <service>... (e.g. catalog cart)"
    );
    let variable = |name: &str| std::env::var(name).with_context(|| format!("{name} is not set"));
    let url = variable("MK_SURREAL_URL")?;
    let user = std::env::var("MK_SURREAL_USER").unwrap_or_else(|_| "root".into());
    let password = SecretString::from(variable("MK_SURREAL_PASSWORD")?);
    // The server may be starting still (compose starts both at once): 30 s to answer.
    let mut attempts = 0;
    let db = loop {
        attempts += 1;
        match menuskart_kit::surreal::connect_root(&url, &user, &password).await {
            Ok(db) => break db,
            Err(error) if attempts < 30 && error.is_connection() => {
                eprintln!("{url}: {error}; trying again");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
            Err(error) => return Err(error).with_context(|| format!("sign in to {url} as {user}")),
        }
    };
    for service in &services {
        let password = SecretString::from(variable(&format!(
            "MK_{}_DB_PASSWORD",
            service.to_ascii_uppercase()
        ))?);
        anyhow::ensure!(
            !password.expose_secret().is_empty(),
            "{service}: its password is empty"
        );
        menuskart_kit::surreal::define_service_user(&db, NAMESPACE, service, service, &password)
            .await
            .with_context(|| format!("define {service}'s user"))?;
        println!("{service}: user {service} on {NAMESPACE}/{service}");
    }
    Ok(())
}
