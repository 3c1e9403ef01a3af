//! `mk-dead-letters`: the events every consumer gave up on (stream DEADLETTER): list them with
//! their origin and error, and replay them once the cause is fixed (the consumer's own worker
//! reads the event from its stream and handles it again: see `menuskart_kit::dead_letters`).

use clap::{Parser, Subcommand};
use menuskart_kit::dead_letters;

#[derive(Parser)]
#[command(about = "List and replay MenusKart's dead-lettered events")]
struct Cli {
    #[command(flatten)]
    nats: menuskart_kit::ops::OpsConnection,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Every dead letter: sequence, consumer, original subject and sequence, error.
    List,
    /// Have each letter's consumer handle its event again (all letters without SEQ).
    Replay { sequences: Vec<u64> },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let client = cli.nats.connect().await?;
    match cli.command {
        Command::List => {
            println!("{:<6} {:<20} {:<32} ERROR", "SEQ", "CONSUMER", "ORIGIN");
            for letter in dead_letters::list(&client).await? {
                let origin = format!(
                    "{}#{} {}",
                    letter.stream, letter.stream_sequence, letter.subject
                );
                println!(
                    "{:<6} {:<20} {:<32} {}",
                    letter.sequence, letter.consumer, origin, letter.error
                );
            }
        }
        Command::Replay { sequences } => {
            let sequences = if sequences.is_empty() {
                dead_letters::list(&client)
                    .await?
                    .iter()
                    .map(|l| l.sequence)
                    .collect()
            } else {
                sequences
            };
            for sequence in sequences {
                let replayed = dead_letters::replay(&client, sequence).await?;
                println!(
                    "replayed {sequence}: {} handled {}#{} {} again",
                    replayed.consumer, replayed.stream, replayed.stream_sequence, replayed.subject
                );
            }
        }
    }
    Ok(())
}
