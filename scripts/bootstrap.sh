#!/usr/bin/env bash
# Installs the pinned pnpm when it is missing, then the workspace's dependencies from the lockfile.
# Needs only Node.js and npm; run by `make` before anything that needs node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  if [ -x .tools/bin/pnpm ] && [ "$(.tools/bin/pnpm --version)" = "$pnpm_version" ]; then
    :
  elif npm install --global "pnpm@$pnpm_version" >/dev/null 2>&1 && [ "$(pnpm --version)" = "$pnpm_version" ]; then
    echo "bootstrap: installed pnpm $pnpm_version globally"
  else
    # No permission for a global install (or another pnpm shadows it): keep a private copy.
    npm install --prefix .tools --no-save --no-package-lock "pnpm@$pnpm_version" >/dev/null
    mkdir -p .tools/bin && ln -sf ../node_modules/.bin/pnpm .tools/bin/pnpm
    echo "bootstrap: installed pnpm $pnpm_version in .tools/"
  fi
fi

pnpm_cmd=pnpm
if [ -x .tools/bin/pnpm ] && [ "$(.tools/bin/pnpm --version)" = "$pnpm_version" ]; then
  pnpm_cmd=.tools/bin/pnpm
fi

CI=true "$pnpm_cmd" install --frozen-lockfile --reporter=append-only | grep -Ev '^(Progress|Packages:|\+{3,})' || true
test -x node_modules/.bin/turbo || { echo "bootstrap: pnpm install failed" >&2; exit 1; }
