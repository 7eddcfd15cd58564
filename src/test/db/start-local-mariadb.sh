#!/usr/bin/env bash
# Starts the machine's MariaDB when it is down and waits up to a minute for it to answer. Used by
# .ci/run and by the benchmark's database preparation.
set -euo pipefail

admin=$(command -v mariadb-admin || command -v mysqladmin || true)
if [ -n "$admin" ] && ! "$admin" ping >/dev/null 2>&1 && [ -x /usr/sbin/mariadbd ]; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do
    "$admin" ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
