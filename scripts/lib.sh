# Shared by the scripts: installs what the build and the tests need, each step
# skipped when already done, so a fresh machine and a warm one run the same code.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_build_tools() {
  apt_install brotli
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    log "installing wasm-bindgen-cli $want (a few minutes, once per machine)"
    # Without --locked: its own lockfile pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts a throwaway PostgreSQL cluster on loopback, owned by this run, and
# exports TEST_POSTGRES_URL. stop_test_postgres removes it again.
start_test_postgres() {
  apt_install postgresql
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  PG_DIR="$(mktemp -d /tmp/portal-pg.XXXXXX)"
  PG_PORT="$(free_port)"
  local as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_DIR"
    as_pg=(runuser -u postgres --)
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  "${as_pg[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-k $PG_DIR -p $PG_PORT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  PG_BIN="$bin"
  PG_AS=("${as_pg[@]}")
  export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

stop_test_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
