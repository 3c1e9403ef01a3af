//! The one lifecycle of every worker: `main` reads the settings, starts telemetry, connects to
//! NATS, lets the [`Domain`] declare what it serves, and serves it until SIGINT/SIGTERM. Tests
//! start workers through [`Application::build`] too, so they run the same path.

use std::future::Future;
use std::process::ExitCode;

use crate::domain::{Domain, Nats};
use crate::settings::WorkerSettings;
use crate::startup_error::StartupError;
use crate::worker::{RunningWorker, Worker, WorkerError};

/// The version every worker reports to the service API: the workspace's (all crates share it).
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A started worker of any domain.
pub struct Application {
    worker: RunningWorker,
}

impl Application {
    /// Connects, declares and starts `D`; returns once requests are being taken.
    pub async fn build<D: Domain>(
        worker: WorkerSettings,
        settings: D::Settings,
    ) -> Result<Self, StartupError> {
        let service = D::SERVICE;
        let client = crate::nats::connect(&worker.nats, service.name).await?;
        let nats = Nats::new(client.clone(), service.name, worker.js_replicas);
        let declaration = D::declare(settings, nats).await?;
        let worker = Worker::new(service, VERSION, &worker, declaration)
            .start(client)
            .await?;
        Ok(Self { worker })
    }

    /// Serves until `shutdown` completes, then stops every part at a safe point (see
    /// [`crate::worker`]).
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), WorkerError> {
        self.worker.run_until_stopped(shutdown).await
    }
}

/// A worker binary's whole `main`: `menuskart_kit::application::main::<Orders>()`.
pub fn main<D: Domain>() -> ExitCode {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(StartupError::Runtime);
    let outcome = runtime.and_then(|runtime| runtime.block_on(serve::<D>()));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "worker failed");
            eprintln!("menuskart-{}: {error}", D::SERVICE.name);
            ExitCode::FAILURE
        }
    }
}

async fn serve<D: Domain>() -> Result<(), StartupError> {
    let _telemetry = crate::telemetry::init(D::SERVICE.name)?;
    let worker: WorkerSettings = crate::settings::load_for(D::SERVICE.name)?;
    let settings: D::Settings = crate::settings::load_for(D::SERVICE.name)?;
    let app = Application::build::<D>(worker, settings).await?;
    app.run_until_stopped(crate::shutdown::signal()).await?;
    Ok(())
}
