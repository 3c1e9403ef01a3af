//! `menuskart-payments`: one instance of the payment worker (settings: the README).

fn main() -> std::process::ExitCode {
    menuskart_kit::application::main::<menuskart_payments::Payments>()
}
