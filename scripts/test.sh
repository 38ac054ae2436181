#!/usr/bin/env bash
# The test command: installs what is missing, starts a throwaway PostgreSQL server on loopback
# for the national-tier tests (scripts/pg-server.sh), then runs every unit and integration test.
# REDACT_TEST_PG_URL=postgres://... uses an existing server instead; REDACT_TEST_PG=skip leaves
# the PostgreSQL tests out (they fail, rather than pass silently, when no server is given).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [ "${REDACT_TEST_PG:-}" != "skip" ] && [ -z "${REDACT_TEST_PG_URL:-}" ]; then
  REDACT_TEST_PG_URL=$(scripts/pg-server.sh start)
  export REDACT_TEST_PG_URL
fi
swift build --build-tests
swift test --skip-build "$@"
