// The query planner's types nest deeply; the default limit fails the final build step with
// "queries overflow the depth limit".
#![recursion_limit = "256"]

//! `surreal`: the community SurrealDB server, exactly as upstream composes it.

fn main() -> std::process::ExitCode {
    surrealdb_server::init(surrealdb_server::core::CommunityComposer())
}
