//! `menuskart-payments`: runs one instance of the payment worker. Configuration: `MK_*`
//! variables (see the README).

use menuskart_payments::{Application, Settings};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _telemetry = menuskart_kit::telemetry::init("payments")?;
    let settings: Settings = menuskart_kit::settings::load()?;
    let app = Application::build(settings).await?;
    app.run_until_stopped(menuskart_kit::shutdown::signal())
        .await?;
    Ok(())
}
