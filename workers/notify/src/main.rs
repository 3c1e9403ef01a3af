//! `menuskart-notify`: runs one instance of the notification worker. Configuration: `MK_*`
//! variables (see the README).

use menuskart_notify::{Application, Settings};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _telemetry = menuskart_kit::telemetry::init("notify")?;
    let settings: Settings = menuskart_kit::settings::load()?;
    let app = Application::build(settings).await?;
    app.run_until_stopped(menuskart_kit::shutdown::signal())
        .await?;
    Ok(())
}
