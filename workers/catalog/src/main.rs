//! `menuskart-catalog`: one instance of the catalog worker (settings: the README).

fn main() -> std::process::ExitCode {
    menuskart_kit::application::main::<menuskart_catalog::Catalog>()
}
