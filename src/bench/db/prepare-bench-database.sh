#!/usr/bin/env bash
# Creates the benchmark's own database and user (never the tests' manual_payments_test) through the
# local server's socket as root, so that the benchmark runs from a fresh clone. Run by the Maven
# profile `bench` before the benchmark; does nothing when -Dbench.db.url points at a database of
# your own (then pass bench.db.user and bench.db.password as well).
#
#   prepare-bench-database.sh [database] [user] [password] [external-url]
set -euo pipefail

db=${1:-manual_payments_bench}
user=${2:-$db}
password=${3:-$user}
external=${4:-}

if [ -n "$external" ]; then
  echo "bench database: using $external"
  exit 0
fi
for name in "$db" "$user"; do
  if ! [[ "$name" =~ ^[A-Za-z0-9_]{1,64}$ ]]; then
    echo "bench database: '$name' is not a plain database or user name" >&2
    exit 1
  fi
done
if [[ "$password" == *"'"* ]]; then
  echo "bench database: the password must not contain a quote" >&2
  exit 1
fi
if [ "$db" = "manual_payments_test" ]; then
  echo "bench database: manual_payments_test belongs to the tests, which clean it; pick another name" >&2
  exit 1
fi

bash "$(dirname "$0")/../../test/db/start-local-mariadb.sh"

exec bash "$(dirname "$0")/../../test/db/create-local-database.sh" "$db" "$user" "$password" "bench database"
