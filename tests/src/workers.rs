//! Worker instances for tests. Each runs on its own thread and runtime, so a test can stop it
//! gracefully (SIGTERM-like) or kill it (the runtime is torn down mid-request, its NATS
//! connection drops: what a crash looks like from the outside).

use std::thread::JoinHandle;

use secrecy::SecretString;
use tokio::sync::oneshot;

/// How a worker instance ends.
enum Stop {
    Graceful,
    Kill,
}

pub struct AuthInstance {
    stop: Option<oneshot::Sender<Stop>>,
    thread: Option<JoinHandle<()>>,
}

impl AuthInstance {
    /// Starts an auth worker; returns once it takes requests.
    pub async fn start(settings: menuskart_auth::Settings) -> Self {
        let (ready_tx, ready_rx) = oneshot::channel::<Result<(), String>>();
        let (stop_tx, stop_rx) = oneshot::channel::<Stop>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("worker runtime");
            let kill = runtime.block_on(async move {
                let app = match menuskart_auth::Application::build(settings).await {
                    Ok(app) => app,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e.to_string()));
                        return false;
                    }
                };
                let _ = ready_tx.send(Ok(()));
                let (graceful_tx, graceful_rx) = oneshot::channel::<()>();
                let run = app.run_until_stopped(async move {
                    let _ = graceful_rx.await;
                });
                tokio::pin!(run);
                tokio::select! {
                    _ = &mut run => false,
                    stop = stop_rx => match stop {
                        Ok(Stop::Graceful) | Err(_) => {
                            let _ = graceful_tx.send(());
                            let _ = run.await;
                            false
                        }
                        Ok(Stop::Kill) => true,
                    },
                }
            });
            if kill {
                runtime.shutdown_background();
            }
        });
        ready_rx
            .await
            .expect("auth worker thread")
            .unwrap_or_else(|e| panic!("auth worker did not start: {e}"));
        Self {
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// Kills the instance abruptly.
    pub fn kill(mut self) {
        self.end(Stop::Kill);
    }

    /// Stops the instance gracefully: it answers what it has, then drains.
    pub fn stop(mut self) {
        self.end(Stop::Graceful);
    }

    fn end(&mut self, how: Stop) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(how);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for AuthInstance {
    fn drop(&mut self) {
        self.end(Stop::Kill);
    }
}

/// Auth settings for a test: its NATS, its database, its random secrets and a first admin.
pub fn auth_settings(
    nats_url: &str,
    database_url: &str,
    secrets: &crate::app::Secrets,
) -> menuskart_auth::Settings {
    menuskart_auth::Settings {
        worker: menuskart_kit::settings::WorkerSettings::new(nats_url),
        database_url: SecretString::from(database_url.to_owned()),
        db_max_connections: 5,
        jwt_secret: SecretString::from(secrets.jwt.clone()),
        access_token_ttl_secs: 900,
        refresh_token_ttl_secs: 3600,
        hash_concurrency: 2,
        login_max_failures: 5,
        login_window_secs: 900,
        login_lockout_secs: 900,
        admin_email: Some(crate::app::ADMIN_EMAIL.into()),
        admin_password: Some(SecretString::from(secrets.admin_password.clone())),
    }
}
