# One image for every MenusKart binary; compose.yaml and the Nomad jobs pick the binary.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
# Every binary of the workspace (each worker, the edge, the JetStream keeper mk-jetstream, the
# tools), so a new domain needs no edit here.
RUN cargo build --release --locked --bins \
    && mkdir /out \
    && find target/release -maxdepth 1 -type f -perm -u+x \( -name 'menuskart-*' -o -name 'mk-*' \) \
       -exec cp {} /out/ \;

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
COPY --from=build /out/ /usr/local/bin/
COPY --from=web /web/dist /srv/menuskart/web
USER menuskart
ENV MK_LOG_FORMAT=json MK_WEB_DIR=/srv/menuskart/web
