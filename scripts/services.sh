#!/usr/bin/env bash
# Local services for tests and the demo: a throwaway PostgreSQL 15 cluster and an s3rver S3 server,
# both on 127.0.0.1 at free ports. State lives in .dev/ at the repository root.
#
#   scripts/services.sh start    start both (idempotent; cleans state left by a killed run)
#   scripts/services.sh stop     stop both and remove their data (safe when nothing runs)
#   scripts/services.sh status   say what runs; exit 0 only when both answer
#   scripts/services.sh env      print the DA_TEST_* export lines (also written to .dev/env by start)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEV="$ROOT/.dev"
PG_BIN="${DA_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_USER="postgres"
PG_DATABASE="archiver"
S3_BUCKET="archive-test"
S3_ACCESS_KEY="S3RVER"
S3_SECRET_KEY="S3RVER"
S3_DATA="$DEV/s3-data"
S3_LOG="$DEV/s3rver.log"
ENV_FILE="$DEV/env"
PORT_LOW=15000
PORT_SPAN=17000 # ports 15000-31999, below the kernel's usual ephemeral range
START_ATTEMPTS=5

say() { printf 'services: %s\n' "$*"; }
fail() { printf 'services: %s\n' "$*" >&2; exit 1; }
is_root() { [[ "$(id -u)" -eq 0 ]]; }

# ---------------------------------------------------------------- prerequisites

# Prints the Debian packages that provide the tools we need but cannot find.
missing_packages() {
  local -a missing=()
  [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" && -x "$PG_BIN/postgres" ]] || missing+=(postgresql-15)
  [[ -x "$PG_BIN/psql" && -x "$PG_BIN/pg_isready" ]] && command -v psql >/dev/null \
    || missing+=(postgresql-client-15)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  command -v zstd >/dev/null || missing+=(zstd)
  command -v lz4 >/dev/null || missing+=(lz4)
  command -v gzip >/dev/null || missing+=(gzip)
  command -v tmux >/dev/null || missing+=(tmux) # the terminal tests run the CLI in a real terminal
  # The native (NativeAOT) publish links with the system's C toolchain and zlib.
  command -v clang >/dev/null || command -v gcc >/dev/null || missing+=(clang)
  [[ -e /usr/include/zlib.h ]] || missing+=(zlib1g-dev)
  printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++'
}

ensure_prerequisites() {
  local missing
  missing="$(missing_packages | tr '\n' ' ' | sed 's/ *$//')"
  if [[ -n "$missing" ]]; then
    if ! is_root; then
      fail "missing: $missing (install them with apt-get as root, or run this script as root)"
    fi
    say "installing $missing"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086 # word splitting of the package list is intended
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends --no-upgrade $missing; } \
        >"$DEV/apt.log" 2>&1 </dev/null; then
      tail -n 20 "$DEV/apt.log" >&2
      fail "apt-get install $missing failed (log: $DEV/apt.log)"
    fi
    missing="$(missing_packages | tr '\n' ' ' | sed 's/ *$//')"
    [[ -z "$missing" ]] || fail "still missing after apt-get install: $missing"
  fi
  if is_root && ! id -u "$PG_USER" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  fi
}

# Installs the pinned npm packages unless node_modules already matches package-lock.json.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.data-archiver-lock.sha256" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [[ -x "$ROOT/node_modules/.bin/s3rver" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  say "npm ci"
  if ! (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) >"$DEV/npm.log" 2>&1 </dev/null; then
    tail -n 20 "$DEV/npm.log" >&2
    fail "npm ci failed (log: $DEV/npm.log)"
  fi
  printf '%s\n' "$want" >"$stamp"
}

# ---------------------------------------------------------------- ports and probes

# True when something accepts TCP connections on 127.0.0.1:$1.
port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when a listening socket on any local address uses port $1 (from /proc, no tools needed).
port_listed() {
  local hex
  hex="$(printf ':%04X' "$1")"
  awk -v p="$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' \
    /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

free_port() {
  local port i
  for ((i = 0; i < 200; i++)); do
    port=$((PORT_LOW + (RANDOM * 32768 + RANDOM) % PORT_SPAN))
    if ! port_listed "$port" && ! port_answers "$port"; then
      echo "$port"
      return 0
    fi
  done
  fail "no free TCP port found on 127.0.0.1"
}

# Sends GET / to 127.0.0.1:$1 and prints the raw HTTP response.
http_get_root() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" >&3
    timeout 3 cat <&3
  ) 2>/dev/null
}

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

read_state() { if [[ -f "$DEV/$1" ]]; then cat "$DEV/$1"; fi; }

# ---------------------------------------------------------------- PostgreSQL

# Runs a command as the cluster's owner: the postgres user when we are root, ourselves otherwise.
as_pg() {
  if is_root; then
    (cd / && runuser -u "$PG_USER" -- "$@")
  else
    "$@"
  fi
}

# True when the postmaster recorded in cluster directory $1 is alive (and not a reused pid).
pg_postmaster_alive() {
  local pid
  [[ -s "$1/data/postmaster.pid" ]] || return 1
  pid="$(head -n 1 "$1/data/postmaster.pid")"
  pid_alive "$pid" && tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$1/data"
}

pg_running() {
  local dir port
  dir="$(read_state pg.dir)"
  port="$(read_state pg.port)"
  [[ -n "$dir" && -n "$port" ]] && pg_postmaster_alive "$dir" || return 1
  "$PG_BIN/pg_isready" -q -h "$dir/sock" -p "$port" -d "$PG_DATABASE" -U "$PG_USER" 2>/dev/null
}

pg_stop() {
  local dir
  dir="$(read_state pg.dir)"
  if [[ -n "$dir" && -d "$dir" ]]; then
    if pg_postmaster_alive "$dir"; then
      as_pg "$PG_BIN/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null 2>&1 \
        || as_pg "$PG_BIN/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 >/dev/null 2>&1 || true
    fi
    # Keep the server log of the last run for post-mortems; the cluster itself goes away.
    if [[ -f "$dir/postgres.log" ]]; then cp "$dir/postgres.log" "$DEV/postgres.log" 2>/dev/null || true; fi
    case "$dir" in
      /tmp/data-archiver-pg.*) rm -rf "$dir" ;;
    esac
  fi
  rm -f "$DEV/pg.dir" "$DEV/pg.port" "$DEV/pg.password"
}

pg_start() {
  if pg_running; then
    say "PostgreSQL already running on 127.0.0.1:$(read_state pg.port)"
    return 0
  fi
  pg_stop # whatever a killed run left behind

  local dir password port attempt
  dir="$(mktemp -d /tmp/data-archiver-pg.XXXXXX)"
  printf '%s\n' "$dir" >"$DEV/pg.dir"
  mkdir -p "$dir/data" "$dir/sock"
  password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  (umask 077 && printf '%s\n' "$password" >"$dir/pwfile" && printf '%s\n' "$password" >"$DEV/pg.password")
  if is_root; then chown -R "$PG_USER:" "$dir"; fi
  chmod 700 "$dir"

  if ! as_pg "$PG_BIN/initdb" -D "$dir/data" -U "$PG_USER" --pwfile="$dir/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --no-locale \
      >"$DEV/initdb.log" 2>&1 </dev/null; then
    tail -n 20 "$DEV/initdb.log" >&2
    fail "initdb failed (log: $DEV/initdb.log)"
  fi
  rm -f "$dir/pwfile"
  # A throwaway cluster: durability is traded for speed.
  cat >>"$dir/data/postgresql.conf" <<EOF

# data-archiver local test cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
password_encryption = 'scram-sha-256'
EOF

  for ((attempt = 1; attempt <= START_ATTEMPTS; attempt++)); do
    port="$(free_port)"
    if as_pg "$PG_BIN/pg_ctl" start -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o "-p $port" \
        >/dev/null 2>&1 </dev/null 9>&-; then
      printf '%s\n' "$port" >"$DEV/pg.port"
      break
    fi
    # Most likely another process took the port between probe and bind: try another one.
    as_pg "$PG_BIN/pg_ctl" stop -D "$dir/data" -m immediate >/dev/null 2>&1 || true
    port=""
  done
  if [[ -z "$port" ]]; then
    tail -n 20 "$dir/postgres.log" >&2 2>/dev/null || true
    fail "PostgreSQL did not start after $START_ATTEMPTS attempts (log: $dir/postgres.log)"
  fi

  local i
  for ((i = 0; i < 300; i++)); do
    "$PG_BIN/pg_isready" -q -h "$dir/sock" -p "$port" -d postgres -U "$PG_USER" && break
    sleep 0.1
  done
  "$PG_BIN/pg_isready" -q -h "$dir/sock" -p "$port" -d postgres -U "$PG_USER" \
    || fail "PostgreSQL is not ready on port $port (log: $dir/postgres.log)"
  "$PG_BIN/psql" -X -q -h "$dir/sock" -p "$port" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $PG_DATABASE" >/dev/null </dev/null \
    || fail "could not create database $PG_DATABASE"
  say "PostgreSQL 15 started on 127.0.0.1:$port (data: $dir)"
}

# ---------------------------------------------------------------- s3rver

# True when $1 is the pid of our s3rver (one serving this checkout's data directory).
is_s3rver_pid() {
  pid_alive "$1" && tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "$S3_DATA"
}

s3_running() {
  local pid port
  pid="$(read_state s3.pid)"
  port="$(read_state s3.port)"
  [[ -n "$port" ]] && is_s3rver_pid "$pid" || return 1
  http_get_root "$port" | grep -q "<Name>$S3_BUCKET</Name>"
}

s3_stop() {
  local pid i
  pid="$(read_state s3.pid)"
  if is_s3rver_pid "$pid"; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      pid_alive "$pid" || break
      sleep 0.1
    done
    if pid_alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$DEV/s3.pid" "$DEV/s3.port"
  rm -rf "$S3_DATA"
}

s3_start() {
  if s3_running; then
    say "s3rver already running on 127.0.0.1:$(read_state s3.port)"
    return 0
  fi
  s3_stop # whatever a killed run left behind
  ensure_node_modules
  mkdir -p "$S3_DATA"

  local attempt port pid i ready
  for ((attempt = 1; attempt <= START_ATTEMPTS; attempt++)); do
    port="$(free_port)"
    : >"$S3_LOG"
    # s3rver cuts a fixed-width colour prefix off each request line, so the line is only whole when
    # colours are on (FORCE_COLOR=1); sed takes the colour codes out again, leaving plain lines like
    # "info: PUT /archive-test/some/key 200 13ms 0b". setsid: the server (and its log writer) outlive
    # this script and ignore the caller's Ctrl-C; `stop` ends them.
    FORCE_COLOR=1 setsid "$ROOT/node_modules/.bin/s3rver" --directory "$S3_DATA" --address 127.0.0.1 \
      --port "$port" --configure-bucket "$S3_BUCKET" </dev/null 9>&- \
      > >(exec setsid sed -u -e 's/\x1b\[[0-9;]*m//g' >>"$S3_LOG" 9>&-) 2>&1 &
    pid=$!
    printf '%s\n' "$pid" >"$DEV/s3.pid"
    printf '%s\n' "$port" >"$DEV/s3.port"
    ready=0
    for ((i = 0; i < 300; i++)); do
      pid_alive "$pid" || break
      # Probe only once our process says it listens: the port may belong to someone else.
      if grep -q "listening on 127.0.0.1:$port" "$S3_LOG" \
          && http_get_root "$port" | grep -q "<Name>$S3_BUCKET</Name>"; then
        ready=1
        break
      fi
      sleep 0.1
    done
    if ((ready)); then
      say "s3rver started on 127.0.0.1:$port (bucket: $S3_BUCKET, log: $S3_LOG)"
      return 0
    fi
    # Most likely the port was taken between probe and bind (EADDRINUSE): try another one.
    if pid_alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
  tail -n 20 "$S3_LOG" >&2 || true
  rm -f "$DEV/s3.pid" "$DEV/s3.port"
  fail "s3rver did not start after $START_ATTEMPTS attempts (log: $S3_LOG)"
}

# ---------------------------------------------------------------- environment

print_env() {
  local name value
  while IFS='=' read -r name value; do
    printf 'export %s=%q\n' "$name" "$value"
  done <<EOF
DA_TEST_PG_HOST=127.0.0.1
DA_TEST_PG_PORT=$(read_state pg.port)
DA_TEST_PG_USER=$PG_USER
DA_TEST_PG_PASSWORD=$(read_state pg.password)
DA_TEST_PG_DATABASE=$PG_DATABASE
DA_TEST_S3_ENDPOINT=http://127.0.0.1:$(read_state s3.port)
DA_TEST_S3_BUCKET=$S3_BUCKET
DA_TEST_S3_ACCESS_KEY=$S3_ACCESS_KEY
DA_TEST_S3_SECRET_KEY=$S3_SECRET_KEY
DA_TEST_S3_LOG=$S3_LOG
EOF
}

write_env() {
  (umask 077 && print_env >"$ENV_FILE.tmp")
  mv -f "$ENV_FILE.tmp" "$ENV_FILE"
}

# ---------------------------------------------------------------- commands

lock() {
  exec 9>"$DEV/lock"
  flock -w 300 9 || fail "another services.sh is still busy (lock: $DEV/lock)"
}

cmd_start() {
  ensure_prerequisites
  pg_start
  s3_start
  write_env
}

cmd_stop() {
  local had=0
  [[ -n "$(read_state pg.dir)" || -n "$(read_state s3.pid)" ]] && had=1
  pg_stop
  s3_stop
  rm -f "$ENV_FILE"
  if ((had)); then say "stopped"; else say "nothing was running"; fi
}

cmd_status() {
  local rc=0
  if [[ -x "$PG_BIN/pg_isready" ]] && pg_running; then
    say "PostgreSQL: running on 127.0.0.1:$(read_state pg.port) (data: $(read_state pg.dir))"
  else
    say "PostgreSQL: not running"
    rc=1
  fi
  if s3_running; then
    say "s3rver: running on 127.0.0.1:$(read_state s3.port) (pid $(read_state s3.pid), log: $S3_LOG)"
  else
    say "s3rver: not running"
    rc=1
  fi
  return "$rc"
}

cmd_env() {
  if ! { [[ -f "$ENV_FILE" ]] && pg_running && s3_running; }; then
    fail "services are not running: run scripts/services.sh start"
  fi
  print_env
}

mkdir -p "$DEV"
case "${1:-}" in
  start) lock; cmd_start ;;
  stop) lock; cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
