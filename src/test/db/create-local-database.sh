#!/usr/bin/env bash
# Creates a database and its user on the local MariaDB or MySQL through the server's socket as
# root (never root over TCP), unless the user can already reach the database. Shared by the tests'
# and the benchmark's preparation scripts.
#
#   create-local-database.sh database user password label
set -euo pipefail

db=$1
user=$2
password=$3
label=$4

client=$(command -v mariadb || command -v mysql || true)
if [ -z "$client" ]; then
  echo "$label: no mariadb or mysql client found. Install MariaDB (or MySQL) locally," >&2
  echo "or point $label at a database of your own (see README)." >&2
  exit 1
fi

if "$client" -h127.0.0.1 -u"$user" -p"$password" -e "SELECT 1" "$db" >/dev/null 2>&1; then
  echo "$label: $db is ready"
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
echo "$label: created $db and its user"
