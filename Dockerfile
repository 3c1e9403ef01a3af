# One image for every MenusKart binary; compose.yaml and the Nomad jobs pick the binary.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bins

# The storefront: static files the edge serves (MK_WEB_DIR).
FROM node:22-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

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
COPY --from=web /web/dist /srv/menuskart/web
USER menuskart
ENV MK_LOG_FORMAT=json MK_WEB_DIR=/srv/menuskart/web
