#!/usr/bin/env bash
# Local services for tests and the demo: a throwaway PostgreSQL 15 cluster, an s3rver S3 server and a
# single-node Ceph cluster with its RADOS Gateway (a real S3 implementation: signatures, Content-MD5, AWS
# multipart ETags), all on 127.0.0.1 at free ports. State lives in .dev/ at the repository root.
#
#   scripts/services.sh start    start all three (idempotent; cleans state left by a killed run)
#   scripts/services.sh stop     stop them and remove their data (safe when nothing runs)
#   scripts/services.sh status   say what runs; exit 0 only when all answer
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
RGW_DIR="$DEV/rgw"
RGW_CONF="$RGW_DIR/ceph.conf"
RGW_LOG="$DEV/radosgw.log"
RGW_BUCKET="archive-test"
# The distribution's interpreter: it has the rados bindings (another python3 may come first on PATH).
RGW_PYTHON="/usr/bin/python3"
# memstore keeps every stored byte in RAM: the cap bounds what a run can take (the suite stores far less).
RGW_MEMSTORE_BYTES=$((2 * 1024 * 1024 * 1024))
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
  command -v curl >/dev/null || missing+=(curl)
  { command -v ceph-mon && command -v monmaptool; } >/dev/null || missing+=(ceph-mon)
  command -v ceph-osd >/dev/null || missing+=(ceph-osd)
  { command -v radosgw && command -v radosgw-admin; } >/dev/null || missing+=(radosgw)
  [[ -x "$RGW_PYTHON" ]] && "$RGW_PYTHON" -c 'import rados' 2>/dev/null || missing+=(python3-rados)
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

# Installs Debian's chromium for the viewer's browser tests (driven by the pinned playwright-core; no browser download).
ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  is_root || fail "missing: chromium (install it with apt-get as root, or run this script as root)"
  say "installing chromium"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade chromium; } \
      >"$DEV/apt-chromium.log" 2>&1 </dev/null; then
    tail -n 20 "$DEV/apt-chromium.log" >&2
    fail "apt-get install chromium failed (log: $DEV/apt-chromium.log)"
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

# ---------------------------------------------------------------- Ceph RADOS Gateway

# One monitor, one in-memory OSD (memstore) and radosgw, without cephx (radosgw checks S3 signatures itself).
# Every daemon daemonizes, writes its pid to $RGW_DIR/run and is known as ours by the config path on its command line.

rgw_daemon_pids() {
  local file pid
  for file in "$RGW_DIR"/run/*.pid; do
    [[ -f "$file" ]] || continue
    pid="$(cat "$file" 2>/dev/null || true)"
    if is_rgw_pid "$pid"; then echo "$pid"; fi
  done
}

# True when $1 is a live (not zombie) process started with our ceph.conf.
is_rgw_pid() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && pid_alive "$1" || return 1
  [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]] || return 1
  tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "$RGW_CONF"
}

# Signs a request for the test user with curl's SigV4 and prints the response body.
rgw_curl() {
  local method="$1" path="$2" port access secret
  port="$(read_state rgw.port)"
  access="$(read_state rgw.access)"
  secret="$(read_state rgw.secret)"
  [[ -n "$port" && -n "$access" && -n "$secret" ]] || return 1
  curl -sS --max-time 5 -X "$method" --aws-sigv4 "aws:amz:us-east-1:s3" --user "$access:$secret" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "http://127.0.0.1:$port$path" 2>/dev/null
}

rgw_running() {
  local pid
  pid="$(read_state rgw.pid)"
  is_rgw_pid "$pid" || return 1
  # Our radosgw is alive; the answer must be our user's listing with our bucket (another server may hold the port).
  rgw_curl GET / | grep -q "<Name>$RGW_BUCKET</Name>"
}

rgw_stop() {
  local -a pids=() left=()
  local pid i name
  # The gateway and the OSD first, while the monitor can still hear them leave; then the monitor.
  for name in client.rgw.a osd.0 client.rgw.admin mon.a; do
    pid="$(cat "$RGW_DIR/run/$name.pid" 2>/dev/null || true)"
    if is_rgw_pid "$pid"; then pids+=("$pid"); fi
  done
  while read -r pid; do [[ -n "$pid" ]] && pids+=("$pid"); done < <(rgw_daemon_pids)
  if ((${#pids[@]})); then
    kill "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do
      left=()
      for pid in "${pids[@]}"; do if is_rgw_pid "$pid"; then left+=("$pid"); fi; done
      ((${#left[@]})) || break
      sleep 0.1
    done
    # memstore holds nothing worth a clean shutdown; an OSD whose monitor went first would wait for minutes.
    if ((${#left[@]})); then kill -9 "${left[@]}" 2>/dev/null || true; fi
  fi
  # Keep the gateway's log of the last run for post-mortems (while running, $RGW_LOG links to it).
  rm -f "$RGW_LOG"
  if [[ -f "$RGW_DIR/log/client.rgw.a.log" ]]; then cp "$RGW_DIR/log/client.rgw.a.log" "$RGW_LOG" 2>/dev/null || true; fi
  rm -rf "$RGW_DIR"
  rm -f "$DEV/rgw.pid" "$DEV/rgw.port" "$DEV/rgw.access" "$DEV/rgw.secret" "$DEV/rgw.stranger.access" "$DEV/rgw.stranger.secret"
}

rgw_write_conf() {
  local fsid="$1" mon_port="$2"
  cat >"$RGW_CONF" <<EOF
# data-archiver local test cluster: one monitor, one in-memory OSD, one RADOS Gateway, no cephx.
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
mon initial members = a
public addr = 127.0.0.1
ms bind msgr1 = false
# Without cephx the daemons must accept an unsigned ("crc") monitor session, or they wait minutes for their config.
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc secure
# The default of one second makes every map change, and so a cold start, take many seconds.
paxos propose interval = 0.05
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 1
osd pool default pgp num = 1
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = $RGW_MEMSTORE_BYTES
run dir = $RGW_DIR/run
pid file = $RGW_DIR/run/\$name.pid
admin socket = $RGW_DIR/run/\$name.asok
log file = $RGW_DIR/log/\$name.log
mon data = $RGW_DIR/mon-\$id
osd data = $RGW_DIR/osd-\$id
keyring = $RGW_DIR/keyring
[client]
# Deleted and aborted data leaves RAM within a minute instead of two hours.
rgw gc obj min wait = 30
rgw gc processor period = 30
rgw data = $RGW_DIR/rgw
EOF
}

# Sends the monitor commands the bootstrap needs in one process (each `ceph` CLI call costs half a second):
# registers OSD 0 and creates the gateway's pools, so its first request does not wait for them.
rgw_bootstrap_cluster() {
  timeout 60 "$RGW_PYTHON" - "$RGW_CONF" "$1" <<'EOF'
import json, sys
import rados
cluster = rados.Rados(conffile=sys.argv[1])
cluster.connect(timeout=30)
def command(**arguments):
    code, out, err = cluster.mon_command(json.dumps(arguments), b"", timeout=30)
    if code != 0:
        raise SystemExit(f"{arguments['prefix']}: {err}")
command(prefix="osd new", uuid=sys.argv[2])
for pool in (".rgw.root", "default.rgw.log", "default.rgw.control", "default.rgw.meta",
             "default.rgw.buckets.index", "default.rgw.buckets.data", "default.rgw.buckets.non-ec"):
    command(prefix="osd pool create", pool=pool, pg_num=1, pgp_num=1)
    command(prefix="osd pool application enable", pool=pool, app="rgw")
cluster.shutdown()
EOF
}

random_token() { head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' "${2:-a-f}" | head -c "$1"; }

# One attempt at the whole cluster on fresh ports; returns non-zero (leaving the mess to rgw_stop) when it fails.
rgw_try_start() {
  local fsid osd_uuid mon_port rgw_port pid i
  mkdir -p "$RGW_DIR/run" "$RGW_DIR/log" "$RGW_DIR/mon-a" "$RGW_DIR/osd-0" "$RGW_DIR/rgw"
  fsid="$(cat /proc/sys/kernel/random/uuid)"
  osd_uuid="$(cat /proc/sys/kernel/random/uuid)"
  mon_port="$(free_port)"
  rgw_port="$(free_port)"
  [[ "$mon_port" != "$rgw_port" ]] || return 1
  rgw_write_conf "$fsid" "$mon_port"
  {
    monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$RGW_DIR/monmap" \
      && ceph-mon -c "$RGW_CONF" --mkfs -i a --monmap "$RGW_DIR/monmap" \
      && ceph-mon -c "$RGW_CONF" -i a \
      && rgw_bootstrap_cluster "$osd_uuid" \
      && ceph-osd -c "$RGW_CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" \
      && ceph-osd -c "$RGW_CONF" -i 0 \
      && radosgw -c "$RGW_CONF" -n client.rgw.a --rgw-frontends "beast endpoint=127.0.0.1:$rgw_port"
  } >>"$RGW_DIR/log/bootstrap.log" 2>&1 </dev/null 9>&- || return 1

  for ((i = 0; i < 100; i++)); do
    pid="$(cat "$RGW_DIR/run/client.rgw.a.pid" 2>/dev/null || true)"
    is_rgw_pid "$pid" && break
    sleep 0.1
  done
  is_rgw_pid "$pid" || return 1
  printf '%s\n' "$pid" >"$DEV/rgw.pid"
  printf '%s\n' "$rgw_port" >"$DEV/rgw.port"
  # The gateway answers HTTP only once its pools and zone are in place.
  for ((i = 0; i < 300; i++)); do
    is_rgw_pid "$pid" || return 1
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$rgw_port/" 2>/dev/null && break
    sleep 0.1
  done

  local access secret stranger_access stranger_secret
  access="DA$(random_token 18 'A-F')"
  secret="$(random_token 40)"
  stranger_access="DX$(random_token 18 'A-F')"
  stranger_secret="$(random_token 40)"
  (umask 077 && printf '%s\n' "$access" >"$DEV/rgw.access" && printf '%s\n' "$secret" >"$DEV/rgw.secret" \
    && printf '%s\n' "$stranger_access" >"$DEV/rgw.stranger.access" && printf '%s\n' "$stranger_secret" >"$DEV/rgw.stranger.secret")
  # The test user owns the bucket; the stranger is a valid user with no right to it (S3's 403 AccessDenied).
  {
    radosgw-admin -c "$RGW_CONF" -n client.rgw.admin user create --uid archiver --display-name "data-archiver tests" \
      --access-key "$access" --secret-key "$secret" \
      && radosgw-admin -c "$RGW_CONF" -n client.rgw.admin user create --uid stranger --display-name "no access" \
        --access-key "$stranger_access" --secret-key "$stranger_secret"
  } >/dev/null 2>>"$RGW_DIR/log/bootstrap.log" </dev/null 9>&- || return 1 # stdout would repeat the keys
  rgw_curl PUT "/$RGW_BUCKET" >>"$RGW_DIR/log/bootstrap.log" || return 1
  rgw_running
}

rgw_start() {
  if rgw_running; then
    say "Ceph RGW already running on 127.0.0.1:$(read_state rgw.port)"
    return 0
  fi
  rgw_stop # whatever a killed run left behind
  local attempt
  for ((attempt = 1; attempt <= START_ATTEMPTS; attempt++)); do
    if rgw_try_start; then
      ln -sf "$RGW_DIR/log/client.rgw.a.log" "$RGW_LOG"
      say "Ceph RGW started on 127.0.0.1:$(read_state rgw.port) (bucket: $RGW_BUCKET, log: $RGW_LOG)"
      return 0
    fi
    # Most likely a port was taken between probe and bind: start over on other ports.
    cp "$RGW_DIR/log/bootstrap.log" "$DEV/rgw-bootstrap.log" 2>/dev/null || true
    rgw_stop
  done
  tail -n 20 "$DEV/rgw-bootstrap.log" >&2 2>/dev/null || true
  fail "Ceph RGW did not start after $START_ATTEMPTS attempts (log: $DEV/rgw-bootstrap.log)"
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
DA_TEST_RGW_ENDPOINT=http://127.0.0.1:$(read_state rgw.port)
DA_TEST_RGW_BUCKET=$RGW_BUCKET
DA_TEST_RGW_ACCESS_KEY=$(read_state rgw.access)
DA_TEST_RGW_SECRET_KEY=$(read_state rgw.secret)
DA_TEST_RGW_STRANGER_ACCESS_KEY=$(read_state rgw.stranger.access)
DA_TEST_RGW_STRANGER_SECRET_KEY=$(read_state rgw.stranger.secret)
DA_TEST_RGW_LOG=$RGW_LOG
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
  ensure_chromium
  pg_start
  s3_start
  rgw_start
  write_env
}

cmd_stop() {
  local had=0
  [[ -n "$(read_state pg.dir)" || -n "$(read_state s3.pid)" || -d "$RGW_DIR" ]] && had=1
  pg_stop
  s3_stop
  rgw_stop
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
  if rgw_running; then
    say "Ceph RGW: running on 127.0.0.1:$(read_state rgw.port) (pid $(read_state rgw.pid), log: $RGW_LOG)"
  else
    say "Ceph RGW: not running"
    rc=1
  fi
  return "$rc"
}

cmd_env() {
  if ! { [[ -f "$ENV_FILE" ]] && pg_running && s3_running && rgw_running; }; then
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
