//! `mk-nkey`: NATS user keys (NKeys) for MenusKart's components.
//!
//! `mk-nkey new` prints a new key as `<seed> <public key>`: the seed goes to the component
//! (`MK_<COMPONENT>_NATS_SEED`, a secret), the public key to the NATS server
//! (`MK_NATS_<COMPONENT>_NKEY`, read by `nats/permissions.conf`). `mk-nkey public` reads a seed
//! on standard input and prints its public key (rotating: which key does this seed belong to?).

use std::io::Read;

use clap::{Parser, Subcommand};
use secrecy::{ExposeSecret, SecretString};

#[derive(Parser)]
#[command(about = "NATS user keys (NKeys) for MenusKart's components")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A new user key: prints `<seed> <public key>`.
    New,
    /// The public key of the seed on standard input.
    Public,
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::New => {
            let (seed, public) = menuskart_kit::nats::new_user_key();
            println!("{} {public}", seed.expose_secret());
        }
        Command::Public => {
            let mut seed = String::new();
            std::io::stdin().read_to_string(&mut seed)?;
            let seed = SecretString::from(seed.trim().to_owned());
            let public = menuskart_kit::nats::public_key(&seed)
                .ok_or_else(|| anyhow::anyhow!("standard input is not an NKey seed"))?;
            println!("{public}");
        }
    }
    Ok(())
}
