//! `mk-micro`: list, inspect and ping MenusKart's worker pools through the NATS service API,
//! like `nats micro ls|info|stats` (whose Go CLI we cannot install here).

use std::time::Duration;

use clap::{Parser, Subcommand};
use menuskart_kit::service_api::{Verb, discover};

#[derive(Parser)]
#[command(about = "Inspect MenusKart services through the NATS service API ($SRV.*)")]
struct Cli {
    #[command(flatten)]
    nats: menuskart_kit::ops::OpsConnection,
    /// How long to collect answers, in milliseconds.
    #[arg(long, default_value_t = 500)]
    wait_ms: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Every running instance: name, id, version, description.
    Ls,
    /// Endpoints and subjects of a service's instances (JSON).
    Info { service: String },
    /// Request, error and latency counters per instance and endpoint (JSON).
    Stats { service: String },
    /// Succeeds when at least one instance of the service answers.
    Ping { service: String },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let client = cli.nats.connect().await?;
    let wait = Duration::from_millis(cli.wait_ms);
    match cli.command {
        Command::Ls => {
            let mut answers = discover(&client, Verb::Info, None, wait).await?;
            answers.sort_by_key(|a| a["name"].as_str().unwrap_or_default().to_owned());
            println!("{:<12} {:<24} {:<9} DESCRIPTION", "NAME", "ID", "VERSION");
            for a in &answers {
                println!(
                    "{:<12} {:<24} {:<9} {}",
                    a["name"].as_str().unwrap_or("?"),
                    a["id"].as_str().unwrap_or("?"),
                    a["version"].as_str().unwrap_or("?"),
                    a["description"].as_str().unwrap_or(""),
                );
            }
        }
        Command::Info { service } => {
            print_all(discover(&client, Verb::Info, Some(&service), wait).await?)?
        }
        Command::Stats { service } => {
            print_all(discover(&client, Verb::Stats, Some(&service), wait).await?)?
        }
        Command::Ping { service } => {
            let answers = discover(&client, Verb::Ping, Some(&service), wait).await?;
            if answers.is_empty() {
                anyhow::bail!("no instance of {service} answered");
            }
            println!("{} instance(s) of {service} answered", answers.len());
        }
    }
    Ok(())
}

fn print_all(answers: Vec<serde_json::Value>) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(&answers)?);
    Ok(())
}
