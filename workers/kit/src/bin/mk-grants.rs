//! `mk-grants`: prints `nats/permissions.conf`, generated from the components' declarations
//! (`schemas/src/components.rs`). `mk-grants --check nats/permissions.conf` fails when the
//! file differs from what the declarations make (run by `scripts/test`).

use clap::Parser;

#[derive(Parser)]
#[command(about = "NATS accounts and grants, generated from the components' declarations")]
struct Cli {
    /// Compare this file with the generated one instead of printing it.
    #[arg(long)]
    check: Option<std::path::PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let generated = menuskart_kit::grants::permissions_conf();
    let Some(path) = Cli::parse().check else {
        print!("{generated}");
        return Ok(());
    };
    let committed = std::fs::read_to_string(&path)?;
    if committed != generated {
        anyhow::bail!(
            "{} is not what the declarations make: run `{}`",
            path.display(),
            menuskart_kit::grants::COMMAND
        );
    }
    Ok(())
}
