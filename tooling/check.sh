#!/usr/bin/env bash
# Camunda's own tooling checks the project's artifacts:
#   install      npm ci in tooling/ when tooling/node_modules is missing or older than the lock file
#   lint         bpmnlint (recommended rules + camunda-compat for Camunda 8.8) on every processes/*.bpmn;
#                a warning fails it as an error does
#   forms        every forms/*.form rendered by @bpmn-io/form-js-viewer (Tasklist's renderer) in Chromium
#   review-form  the review form filled and submitted like a manager, and its validation
#   diagrams     every processes/*.bpmn imported and rendered by bpmn-js (check mode, nothing written)
#   compose      docker-compose.yml validated with docker-compose config
#   openapi      Stoplight Spectral (spectral:oas and the OWASP API rules, tooling/.spectral.yaml) on
#                the OpenAPI document at $OPENAPI_DOCUMENT (default target/openapi/api-docs.json),
#                which OpenApiLintTest fetches from the running application; fails on any error
#
# Usage: bash tooling/check.sh [all|install|lint|forms|review-form|diagrams|compose|openapi]...
# With no argument it runs all of them but openapi, which needs the document, in that order and
# stops at the first failure.
# Needs Node.js >= 20 with npm, Debian's chromium (/usr/bin/chromium) and docker-compose.
set -uo pipefail

TOOLING_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$TOOLING_DIR/.." && pwd)"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

fail() {
  echo "check.sh: FAILED: $*" >&2
  exit 1
}

need_node() {
  command -v node >/dev/null 2>&1 || fail "node is missing: install Node.js 20 or newer (Debian: apt-get install -y nodejs npm)"
  command -v npm >/dev/null 2>&1 || fail "npm is missing: install it (Debian: apt-get install -y npm)"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || fail "node $(node --version) is too old: the tooling needs Node.js 20 or newer"
}

need_chromium() {
  [ -x "$CHROMIUM" ] || fail "$CHROMIUM is missing: install Debian's Chromium with: apt-get update && apt-get install -y chromium"
}

need_docker_compose() {
  command -v docker-compose >/dev/null 2>&1 \
    || fail "docker-compose is missing: install it with: apt-get update && apt-get install -y docker-compose"
}

need_modules() {
  [ -f "$TOOLING_DIR/node_modules/.package-lock.json" ] \
    || fail "tooling/node_modules is missing: run bash tooling/check.sh install"
}

# Runs one named step, timing it; stops the script on failure.
step() {
  local name="$1"
  shift
  local started=$SECONDS
  echo "==> $name"
  "$@"
  local status=$?
  local took=$((SECONDS - started))
  if [ "$status" -ne 0 ]; then
    echo "check.sh: FAILED at step '$name' (exit $status, ${took}s)" >&2
    exit "$status"
  fi
  echo "<== $name: OK (${took}s)"
}

do_install() {
  need_node
  local lock="$TOOLING_DIR/package-lock.json"
  local installed="$TOOLING_DIR/node_modules/.package-lock.json"
  [ -f "$lock" ] || fail "tooling/package-lock.json is missing"
  if [ -f "$installed" ] && [ ! "$lock" -nt "$installed" ]; then
    echo "tooling/node_modules is up to date with package-lock.json"
    return 0
  fi
  # Lifecycle scripts are not needed (esbuild finds its platform binary package without its
  # postinstall) and one of them would try to send IBM telemetry.
  (cd "$TOOLING_DIR" && npm ci --no-audit --no-fund --ignore-scripts)
}

do_lint() {
  need_node
  need_modules
  shopt -s nullglob
  local files=("$ROOT"/processes/*.bpmn)
  shopt -u nullglob
  [ "${#files[@]}" -gt 0 ] || fail "no processes/*.bpmn to lint"
  # bpmnlint resolves plugins and moddle extensions from its working directory: run it in
  # tooling/, where they are installed, with the project's .bpmnlintrc. The recommended rules only
  # warn on some real faults (fake-join, superfluous-gateway, no-overlapping-elements…), and
  # bpmnlint exits 0 on warnings unless told otherwise.
  (cd "$TOOLING_DIR" && node_modules/.bin/bpmnlint --max-warnings 0 --config "$ROOT/.bpmnlintrc" "${files[@]}") \
    && echo "bpmnlint: no errors and no warnings in ${#files[@]} file(s)"
}

do_forms() {
  need_node
  need_modules
  need_chromium
  (cd "$ROOT" && node tooling/render-forms.mjs)
}

do_review_form() {
  need_node
  need_modules
  need_chromium
  (cd "$ROOT" && node tooling/review-form-browser-test.mjs)
}

do_diagrams() {
  need_node
  need_modules
  need_chromium
  (cd "$ROOT" && node tooling/render-diagram.mjs --check)
}

do_compose() {
  need_docker_compose
  [ -f "$ROOT/docker-compose.yml" ] || fail "docker-compose.yml is missing"
  [ -f "$ROOT/.env.example" ] || fail ".env.example is missing"
  (cd "$ROOT" && docker-compose --env-file .env.example config -q) \
    && echo "docker-compose.yml is valid (with .env.example)"
}

do_openapi() {
  need_node
  need_modules
  local document="${OPENAPI_DOCUMENT:-$ROOT/target/openapi/api-docs.json}"
  [ -f "$document" ] || fail "$document is missing: run OpenApiLintTest, or save /v3/api-docs of a running application there"
  (cd "$TOOLING_DIR" && node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error "$document")
}

run_one() {
  case "$1" in
    install) step install do_install ;;
    lint) step lint do_lint ;;
    forms) step forms do_forms ;;
    review-form) step review-form do_review_form ;;
    diagrams) step diagrams do_diagrams ;;
    compose) step compose do_compose ;;
    openapi) step openapi do_openapi ;;
    all)
      local s
      for s in install lint forms review-form diagrams compose; do
        run_one "$s"
      done
      ;;
    *) fail "unknown step '$1' (steps: all install lint forms review-form diagrams compose openapi)" ;;
  esac
}

if [ "$#" -eq 0 ]; then
  set -- all
fi
started=$SECONDS
for arg in "$@"; do
  run_one "$arg"
done
echo "check.sh: all checks passed ($((SECONDS - started))s)"
