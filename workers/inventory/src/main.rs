//! `menuskart-inventory`: one instance of the inventory worker (settings: the README).

fn main() -> std::process::ExitCode {
    menuskart_kit::application::main::<menuskart_inventory::Inventory>()
}
