#!/usr/bin/env bash
# Runs the whole test suite against real services on loopback:
#   installs what is missing (apt-get, when root), starts each service in a temporary folder,
#   runs `dotnet test`, stops the services and prints one closing line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

need_pkgs=()
command -v redis-server >/dev/null || need_pkgs+=(redis-server)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need_pkgs+=(python3-openpyxl)
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
[ -n "$(pg_bin)" ] || need_pkgs+=(postgresql)
command -v chromium >/dev/null || need_pkgs+=(chromium)
# A CJK font, so the browser tests' screenshots show Chinese rather than empty boxes.
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_pkgs+=(fonts-wqy-microhei)
command -v prometheus >/dev/null || need_pkgs+=(prometheus)

if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${need_pkgs[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq "${need_pkgs[@]}" >/dev/null \
      || { echo "test.sh: apt-get install ${need_pkgs[*]} failed" >&2; exit 1; }
  else
    echo "test.sh: please install: ${need_pkgs[*]} (e.g. sudo apt-get install ${need_pkgs[*]})" >&2
    exit 1
  fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/mediamatrix-test.XXXXXX")
pids=()
stop_postgres() { :; }
cleanup() {
  stop_postgres
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

wait_for_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "test.sh: nothing listens on 127.0.0.1:$1 ($2 did not start)" >&2
  return 1
}

# Redis: AOF on and noeviction, as production runs it (reliability R1).
redis_port=$(free_port)
mkdir -p "$work/redis"
redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work/redis" --save "" \
  --appendonly yes --appendfsync everysec --maxmemory-policy noeviction --daemonize no \
  >"$work/redis/redis.log" 2>&1 &
pids+=($!)
wait_for_port "$redis_port" redis-server || exit 1
export MEDIAMATRIX_TEST_REDIS="127.0.0.1:$redis_port"

# PostgreSQL for the clustered scheduler (reliability Q): a throwaway cluster on loopback, trust auth.
# initdb refuses to run as root, so as root the data folder belongs to the postgres user and runs as it.
pg_port=$(free_port)
pg_dir="$work/postgres"
mkdir -p "$pg_dir"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$pg_dir" && chmod 755 "$work"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$(pg_bin)/initdb" -D "$pg_dir/data" -U postgres -A trust >"$work/initdb.log" 2>&1 \
  || { echo "test.sh: initdb failed:" >&2; cat "$work/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { echo "test.sh: PostgreSQL did not start:" >&2; cat "$pg_dir/postgres.log" >&2; exit 1; }
stop_postgres() { "${as_pg[@]}" "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; }
export MEDIAMATRIX_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

results="$work/results"
dotnet test MediaMatrix.sln --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=minimal" 2>&1 | tee "$work/dotnet-test.log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(( passed + $(get passed) ))
  failed=$(( failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted) ))
  skipped=$(( skipped + $(get notExecuted) ))
done
# A test project that crashed before writing results counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
