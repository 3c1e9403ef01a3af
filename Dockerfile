# One image for every MenusKart binary; compose.yaml and the Nomad jobs pick the binary.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bins

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* && useradd --system --uid 10001 menuskart
COPY --from=build /src/target/release/menuskart-edge /src/target/release/menuskart-auth \
     /src/target/release/menuskart-inventory /src/target/release/menuskart-catalog \
     /src/target/release/menuskart-cart /src/target/release/menuskart-orders \
     /src/target/release/menuskart-payments /src/target/release/menuskart-notify \
     /src/target/release/mk-dead-letters \
     /src/target/release/mk-seed \
     /src/target/release/mk-micro /usr/local/bin/
USER menuskart
ENV MK_LOG_FORMAT=json
