//! `menuskart-notify`: one instance of the notification worker (settings: the README).

fn main() -> std::process::ExitCode {
    menuskart_kit::application::main::<menuskart_notify::Notify>()
}
