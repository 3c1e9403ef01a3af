//! `menuskart-orders`: one instance of the order worker (settings: the README).

fn main() -> std::process::ExitCode {
    menuskart_kit::application::main::<menuskart_orders::Orders>()
}
