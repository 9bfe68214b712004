#!/usr/bin/env bash
# The test command. Makes sure the PostgreSQL that the tests use is running (starting the installed
# cluster, or installing one with apt-get where none is installed), then runs ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")"

PG_URL=${CINATRA_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "test.sh: '$*' needs root; start PostgreSQL yourself or set CINATRA_TEST_PG_URL" >&2
    return 1
  fi
}

port_open() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }

ensure_local_postgres() {
  if ! port_open; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
      echo "test.sh: PostgreSQL is not installed; installing it with apt-get" >&2
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    echo "test.sh: starting PostgreSQL" >&2
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 60); do port_open && break; sleep 0.5; done
    port_open || { echo "test.sh: PostgreSQL did not open 127.0.0.1:5432" >&2; exit 1; }
  fi
  # The tests connect as postgres to the database test over TCP; make both true where we can.
  if command -v psql >/dev/null && [ "$(id -u)" -eq 0 ]; then
    if ! PGPASSWORD=${CINATRA_TEST_PG_PASSWORD:-} psql -h 127.0.0.1 -U postgres -d test -Atqc 'select 1' >/dev/null 2>&1; then
      runuser -u postgres -- psql -Atqc "select 1 from pg_database where datname='test'" | grep -q 1 \
        || runuser -u postgres -- createdb test
      if ! PGPASSWORD=${CINATRA_TEST_PG_PASSWORD:-} psql -h 127.0.0.1 -U postgres -d test -Atqc 'select 1' >/dev/null 2>&1; then
        # A fresh Debian cluster asks for a password over TCP: give postgres one for the tests.
        runuser -u postgres -- psql -qc "alter user postgres password 'cinatra-test'"
        export CINATRA_TEST_PG_PASSWORD=cinatra-test
      fi
    fi
  fi
}

# The integration tests drive real MCP clients written in TypeScript (the official SDK).
if ! command -v npm >/dev/null; then
  echo "test.sh: Node.js and npm are missing; installing them with apt-get" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

# ExternalClientsIT runs the official MCP Python SDK client in a virtualenv (python3 -m venv).
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "test.sh: Python 3 with venv is missing; installing python3-venv with apt-get" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
fi

# The browser tests drive the Debian chromium through chromium-driver (WebDriver).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "test.sh: chromium or chromium-driver is missing; installing them with apt-get" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# ClaudeJarIT moves the jar's clock with libfaketime (Debian's faketime package).
if [ ! -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ]; then
  echo "test.sh: libfaketime is missing; installing faketime with apt-get" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
fi

case "$PG_URL" in
  jdbc:postgresql://127.0.0.1:5432/* | jdbc:postgresql://localhost:5432/*) ensure_local_postgres ;;
  *) echo "test.sh: using the PostgreSQL at $PG_URL" >&2 ;;
esac

exec ./mvnw -B -ntp verify "$@"
