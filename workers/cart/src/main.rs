//! `menuskart-cart`: one instance of the cart worker (settings: the README).

fn main() -> std::process::ExitCode {
    menuskart_kit::application::main::<menuskart_cart::Cart>()
}
