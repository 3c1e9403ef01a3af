//! `mk-jwt-key`: the Ed25519 keys access tokens are signed and verified with.
//!
//! `mk-jwt-key new <kid>` prints a new key as `<signing key> <public key>`: the signing key goes
//! to the auth worker only (`MK_JWT_SIGNING_KEY`, a secret), the public key to every component
//! (appended to `MK_JWT_PUBLIC_KEYS`). `mk-jwt-key public` reads a signing key on standard input
//! and prints its public key (rotating: which entry of the list belongs to this key?).

use std::io::Read;

use clap::{Parser, Subcommand};
use menuskart_kit::jwt::SigningKey;

#[derive(Parser)]
#[command(about = "Ed25519 keys for MenusKart's access tokens")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A new key named `kid` (1 to 32 of A-Z a-z 0-9 . _ -; a date works well): prints
    /// `<signing key> <public key>`.
    New { kid: String },
    /// The public key of the signing key on standard input.
    Public,
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::New { kid } => {
            let key = SigningKey::generate(&kid)?;
            println!("{} {}", key.expose_secret(), key.public_key());
        }
        Command::Public => {
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input)?;
            let key: SigningKey = input.trim().parse()?;
            println!("{}", key.public_key());
        }
    }
    Ok(())
}
