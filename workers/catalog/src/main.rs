//! `menuskart-catalog`: runs one instance of the catalog worker. Configuration: `MK_*`
//! variables (see the README).

use menuskart_catalog::{Application, Settings};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _telemetry = menuskart_kit::telemetry::init("catalog")?;
    let settings: Settings = menuskart_kit::settings::load()?;
    let app = Application::build(settings).await?;
    app.run_until_stopped(menuskart_kit::shutdown::signal())
        .await?;
    Ok(())
}
