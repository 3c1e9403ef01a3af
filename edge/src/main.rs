//! `menuskart-edge`: the HTTP gateway. Configuration: `MK_*` variables (see the README).

use menuskart_edge::{Application, Settings};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _telemetry = menuskart_kit::telemetry::init("edge")?;
    let settings: Settings = menuskart_kit::settings::load_for("edge")?;
    let app = Application::build(settings).await?;
    tracing::info!(address = %app.address(), "edge listening");
    app.run_until_stopped(menuskart_kit::shutdown::signal())
        .await?;
    Ok(())
}
