#!/usr/bin/env bash
# Validates every compose file under compose/ with `docker-compose config -q` (no engine needed).
# Fails on an invalid file and on any output at all (warnings: an unset variable, a deprecated key).
# Also checks that an invalid file is rejected, so a validator that accepts everything cannot pass.
#   compose/test-config.sh            # exit 0 when all files are valid
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COMPOSE="${COMPOSE:-docker-compose}"
command -v "$COMPOSE" >/dev/null || { echo "test-config: $COMPOSE not found" >&2; exit 2; }

failures=0
checked=0

# check NAME FILE... : docker-compose -f FILE... config -q must succeed without warnings.
check() {
  local name="$1"; shift
  local args=() out rc
  for f in "$@"; do args+=(-f "$f"); done
  out="$(cd "$HERE" && "$COMPOSE" "${args[@]}" config -q 2>&1)"; rc=$?
  checked=$((checked + 1))
  if ((rc != 0)); then
    echo "FAIL $name (exit $rc)"; printf '%s\n' "$out" | sed 's/^/    /'; failures=$((failures + 1))
  elif [[ -n "$out" ]]; then
    # config -q prints nothing for a clean file; anything else is a warning (an unset variable...).
    echo "FAIL $name (warnings)"; printf '%s\n' "$out" | sed 's/^/    /'; failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

check wharf.yml wharf.yml
check "wharf.yml + wharf-h2.yml" wharf.yml wharf-h2.yml
while IFS= read -r file; do
  check "${file#"$HERE"/}" "$file"
done < <(find "$HERE/examples" -name 'docker-compose.yml' -o -name 'docker-compose.yaml' -o -name 'compose.yml' -o -name 'compose.yaml' | sort)

# The validator must reject a broken file (an unknown key and a string where a list belongs).
broken="$(mktemp --suffix=.yml)"
trap 'rm -f "$broken"' EXIT
printf 'version: "2.4"\nservices:\n  x:\n    image: busybox\n    portz: ["80"]\n    command: 12\n' >"$broken"
if "$COMPOSE" -f "$broken" config -q >/dev/null 2>&1; then
  echo "FAIL the validator accepted an invalid file"; failures=$((failures + 1))
else
  echo "ok   an invalid file is rejected"
fi

echo "test-config: $checked compose configurations checked, $failures failure(s)"
((failures == 0))
