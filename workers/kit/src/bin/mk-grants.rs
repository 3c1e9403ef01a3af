//! `mk-grants`: prints `nats/permissions.conf` (or, with `--doc`, `docs/grants.md`), generated
//! from the components' declarations (`schemas/src/components.rs`). With `--check FILE` it
//! compares instead of printing, and fails when the file differs (run by `scripts/test`).

use clap::Parser;

#[derive(Parser)]
#[command(about = "NATS accounts and grants, generated from the components' declarations")]
struct Cli {
    /// The readable page (docs/grants.md) instead of the server configuration.
    #[arg(long)]
    doc: bool,
    /// Compare this file with the generated one instead of printing it.
    #[arg(long)]
    check: Option<std::path::PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let (generated, command) = if cli.doc {
        (
            menuskart_kit::grants_doc::grants_md(),
            menuskart_kit::grants_doc::DOC_COMMAND,
        )
    } else {
        (
            menuskart_kit::grants::permissions_conf(),
            menuskart_kit::grants::COMMAND,
        )
    };
    let Some(path) = cli.check else {
        print!("{generated}");
        return Ok(());
    };
    let committed = std::fs::read_to_string(&path)?;
    if committed != generated {
        anyhow::bail!(
            "{} is not what the declarations make: run `{command}`",
            path.display()
        );
    }
    Ok(())
}
