#!/usr/bin/env bash
# The planlint GitHub Action's lint step: action.yml runs this file, and the tests run it the same
# way (tests/helpers/action.ts): from this checkout, from the packed package installed in an empty
# project, and from a plain copy of the sources (tests/e2e/integrations.test.ts, package.test.ts,
# install-from-source.test.ts). It runs the copy of planlint the action was checked out from
# ($GITHUB_ACTION_PATH), never a package looked up by name:
#
# 1. Unless that copy is built already, it is installed and built in its own folder: `npm ci` exactly
#    as package-lock.json says, with no dependency's install script, then the build (TypeScript and
#    esbuild are devDependencies, and nothing built is committed), then the devDependencies removed,
#    so planlint runs with its production dependencies alone, as in a user's install. A built copy
#    with a lockfile and no node_modules gets its production dependencies only.
# 2. planlint lints the workspace with the action's inputs (PLANLINT_* variables, passed through the
#    environment so that no input is ever pasted into a script), writes SARIF and the job summary,
#    and leaves its exit code in the step's outputs. The step fails at once only on a usage problem
#    (2) or when no SARIF was written; error findings fail the action's last step, after the upload.
set -euo pipefail
set -f # glob patterns are planlint's to expand, not the shell's

home="${GITHUB_ACTION_PATH:?is not set: this script is a step of the planlint action}"

if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "::error title=planlint::planlint needs Node 20.19 or later; this runner has $(node --version). Add actions/setup-node (node-version: 20) before the planlint step."
  exit 2
fi

if [ ! -f "$home/dist/bundle/cli.cjs" ]; then
  echo "::group::Install and build planlint (the action's own copy)"
  (
    cd "$home"
    npm ci --ignore-scripts --no-audit --no-fund
    npm run build
    npm prune --omit=dev --ignore-scripts --no-audit --no-fund
  )
  echo "::endgroup::"
elif [ -f "$home/package-lock.json" ] && [ ! -d "$home/node_modules" ]; then
  echo "::group::Install planlint's production dependencies"
  (cd "$home" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund)
  echo "::endgroup::"
fi

read -r -a paths <<< "${PLANLINT_PATHS:-.}"
read -r -a extra <<< "${PLANLINT_ARGS:-}"
sarif="${PLANLINT_SARIF:-planlint.sarif}"
command=(node "$home/bin/planlint.js" "${paths[@]}" --format "${PLANLINT_FORMAT:-github}" --format "sarif:$sarif")
if [ -n "${PLANLINT_CONFIG:-}" ]; then command+=(--config "$PLANLINT_CONFIG"); fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  summary="${RUNNER_TEMP:-/tmp}/planlint-summary.md"
  rm -f "$summary" # an earlier run's summary in the same job is not this one's
  command+=(--format "markdown:$summary")
fi
command+=("${extra[@]}")

status=0
"${command[@]}" || status=$?
if [ -n "${summary:-}" ] && [ -f "$summary" ]; then cat "$summary" >> "$GITHUB_STEP_SUMMARY"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
if [ "$status" -eq 2 ] || [ ! -f "$sarif" ]; then exit "$status"; fi
