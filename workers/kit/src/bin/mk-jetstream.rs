//! `mk-jetstream`: the JetStream keeper, the one component that creates streams and durable
//! consumers, as each component's declaration says ([`menuskart_kit::keeper`]). Runs as a pool
//! like every worker (`MK_NATS_URL`, `MK_JETSTREAM_NATS_SEED`, `MK_JS_REPLICAS`).

fn main() -> std::process::ExitCode {
    menuskart_kit::application::main::<menuskart_kit::keeper::Keeper>()
}
