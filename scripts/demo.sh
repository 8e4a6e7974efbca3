#!/usr/bin/env bash
# The main job on the bundled example: the article's dashboard, loaded with
# sequential awaits and with when_all, timed on virtual time.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh
cmake --preset default >/dev/null
cmake --build --preset default --target dashboard >/dev/null
./build/bin/dashboard
