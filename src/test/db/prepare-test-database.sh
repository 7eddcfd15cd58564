#!/usr/bin/env bash
# Creates the database and user the tests use, through the local server's socket as root, so that
# the tests never need root over TCP. Run by Maven before the tests (process-test-classes); does
# nothing when TEST_DATABASE_URL points the tests at a database of your own.
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "test database: using TEST_DATABASE_URL"
  exit 0
fi

db=manual_payments_test
user=manual_payments_test
password=manual_payments_test

client=$(command -v mariadb || command -v mysql || true)
if [ -z "$client" ]; then
  echo "test database: no mariadb or mysql client found. Install MariaDB (or MySQL) locally," >&2
  echo "or set TEST_DATABASE_URL, TEST_DATABASE_USER and TEST_DATABASE_PASSWORD." >&2
  exit 1
fi

# Already prepared (for example by an administrator): nothing to do.
if "$client" -h127.0.0.1 -u"$user" -p"$password" -e "SELECT 1" "$db" >/dev/null 2>&1; then
  echo "test database: $db is ready"
  exit 0
fi

"$client" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON $db.* TO '$user'@'localhost';
GRANT ALL PRIVILEGES ON $db.* TO '$user'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
echo "test database: created $db and its user"
