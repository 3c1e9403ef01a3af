//! `menuskart-auth`: one instance of the auth worker (settings: the README).

fn main() -> std::process::ExitCode {
    menuskart_kit::application::main::<menuskart_auth::Auth>()
}
