#!/usr/bin/env bash
# Creates the database and user the tests use. Run by Maven before the tests
# (process-test-classes); does nothing when TEST_DATABASE_URL points the tests at a database of
# your own (then set TEST_DATABASE_USER and TEST_DATABASE_PASSWORD as well).
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "test database: using TEST_DATABASE_URL"
  exit 0
fi

exec bash "$(dirname "$0")/create-local-database.sh" \
  manual_payments_test manual_payments_test manual_payments_test "test database"
