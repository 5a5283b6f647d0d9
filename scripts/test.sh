#!/usr/bin/env bash
# The test command of the README: builds every module and runs all tests against the real local services.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp verify "$@"
