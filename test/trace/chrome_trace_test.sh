#!/usr/bin/env bash
# runtime.trace.chrome-json: the dashboard example writes a Chrome trace of
# each version; check_chrome_trace.js checks their structure (4 coroutine
# tracks each; 6 settlement->resumption flows sequentially, 4 with when_all),
# and must reject a copy whose flow ends were removed.
# Usage: chrome_trace_test.sh DASHBOARD_EXE WORK_DIR
set -euo pipefail
dashboard=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
"$dashboard" --chrome-trace "$work/dashboard" >/dev/null
node "$here/check_chrome_trace.js" "$work/dashboard-sequential.json" 4 6
node "$here/check_chrome_trace.js" "$work/dashboard-when_all.json" 4 4
node -e 'const fs = require("fs"); const t = JSON.parse(fs.readFileSync(process.argv[1]));
  t.traceEvents = t.traceEvents.filter((e) => e.ph !== "f"); fs.writeFileSync(process.argv[2], JSON.stringify(t));' \
  "$work/dashboard-sequential.json" "$work/broken.json"
if node "$here/check_chrome_trace.js" "$work/broken.json" 4 6 2>"$work/broken.err"; then
  echo "check_chrome_trace.js accepted a trace without flow ends" >&2
  exit 1
fi
grep -q "is not paired" "$work/broken.err"
echo "broken copy rejected: $(head -1 "$work/broken.err")"
