#!/usr/bin/env bash
# Imports one file into BioCluster: a dry run first, then the real import.
#
#   BIOCLUSTER_URL=https://biocluster.example.kr BIOCLUSTER_KEY=bck_… \
#     bash docs/scripts/import.sh <agencies|clusters|cluster_indicators> <file.csv|.json|.xlsx> [--skip] [--charset cp949]
#
#   --skip            import the good rows even if some are rejected (onError=skip)
#   --charset NAME    the CSV's encoding (utf-8 or cp949); detected by the API when not given
#
# Needs bash, curl (7.55 or later) and coreutils (sha256sum, date, mktemp) — what a plain Debian machine has.
# If jq or python3 is installed the report is printed as a readable list; otherwise the totals are
# printed and the problems as the API's JSON. The decisions never depend on jq or python3.
#
# The real import is sent with an Idempotency-Key made of the entity, the month (UTC, yyyy-mm),
# onError and the file's SHA-256: the same file sent again in the same month gets the first answer
# back and imports nothing (for as long as the API keeps keys: Idempotency:KeptHours, 24 by default;
# after that a re-run matches every row by its key and reports it unchanged). Next month's run is a
# new import. BIOCLUSTER_MONTH=yyyy-mm overrides the month.
#
# Exit codes:
#   0  imported (or validated and nothing rejected)
#   1  rows were rejected; nothing was written — or, with --skip, the good rows were written.
#      The rejected rows, with an errors column, are saved as <file>.rejected.csv next to the file.
#   2  usage error, unreachable API, or an HTTP error (400, 401, 403, 413, an Idempotency-Key
#      already used this month for the same content with other options or another file name, …)
set -euo pipefail

usage() {
    echo "usage: BIOCLUSTER_URL=… BIOCLUSTER_KEY=bck_… bash $0 <agencies|clusters|cluster_indicators> <file> [--skip] [--charset utf-8|cp949]" >&2
    exit 2
}

die() {
    echo "error: $*" >&2
    exit 2
}

entity=""
file=""
mode="fail"
charset=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --skip) mode="skip" ;;
        --charset) [[ $# -ge 2 ]] || usage; charset="$2"; shift ;;
        --charset=*) charset="${1#--charset=}" ;;
        -h|--help) usage ;;
        -*) echo "unknown option: $1" >&2; usage ;;
        *)
            if [[ -z "$entity" ]]; then entity="$1"
            elif [[ -z "$file" ]]; then file="$1"
            else usage
            fi
            ;;
    esac
    shift
done

[[ -n "$entity" && -n "$file" ]] || usage
case "$entity" in
    agencies|clusters|cluster_indicators) ;;
    *) die "entity must be agencies, clusters or cluster_indicators, not '$entity'" ;;
esac
[[ -f "$file" && -r "$file" ]] || die "no readable file '$file'"
[[ -n "${BIOCLUSTER_URL:-}" ]] || die "set BIOCLUSTER_URL (e.g. https://biocluster.example.kr)"
[[ -n "${BIOCLUSTER_KEY:-}" ]] || die "set BIOCLUSTER_KEY to an API key with the import scope (bck_…)"
command -v curl >/dev/null || die "curl is required"

base="${BIOCLUSTER_URL%/}"
month="${BIOCLUSTER_MONTH:-$(date -u +%Y-%m)}"
[[ "$month" =~ ^[0-9]{4}-[0-9]{2}$ ]] || die "BIOCLUSTER_MONTH must look like 2026-11, not '$month'"

case "${file,,}" in
    *.json) content_type="application/json" ;;
    *.xlsx) content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ;;
    *) content_type="text/csv" ;;
esac

sha256="$(sha256sum -- "$file")"
sha256="${sha256%% *}"
name="${file##*/}"
rejected_file="$file.rejected.csv"
key="import-$entity-$month-$mode-$sha256"

# Percent-encodes one query value byte by byte (file names may be Korean or have spaces).
urlencode() {
    local LC_ALL=C s="$1" out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in
            [a-zA-Z0-9._~-]) out+="$c" ;;
            *) printf -v c '%%%02X' "'$c"; out+="$c" ;;
        esac
    done
    printf '%s' "$out"
}

work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
# The key goes to curl in a file, never on its command line (where other users could see it in ps).
(umask 077 && printf 'X-Api-Key: %s\n' "$BIOCLUSTER_KEY" > "$work/auth")

query="onError=$mode&fileName=$(urlencode "$name")"
[[ -z "$charset" ]] || query+="&charset=$(urlencode "$charset")"

# post <url> [extra header]: sends the file; sets $status, the body in $work/body, headers in $work/headers.
post() {
    local extra=()
    [[ $# -lt 2 ]] || extra=(-H "$2")
    if ! status="$(curl -sS -X POST "$1" -H @"$work/auth" -H "Content-Type: $content_type" -H "Accept: application/json" \
            "${extra[@]}" --data-binary @"$file" -D "$work/headers" -o "$work/body" -w '%{http_code}')"; then
        die "could not reach $base"
    fi
}

# number <name>: the first "name": <integer> of the last body (totals and ids are plain integers).
number() {
    local n
    n="$(grep -oE "\"$1\"[[:space:]]*:[[:space:]]*[0-9]+" "$work/body" | head -n 1 | grep -oE '[0-9]+$' || true)"
    printf '%s' "${n:-0}"
}

# Prints the report (or the report under a 422's "report") readably.
print_report() {
    if command -v jq >/dev/null; then
        jq -r '(.report // .) as $r
            | "  rows \($r.totals.rows): created \($r.totals.created), updated \($r.totals.updated), unchanged \($r.totals.unchanged), rejected \($r.totals.rejected)",
              ($r.problems[]? | "  row \(.row)\(if .column then " [\(.column)]" else "" end)\(if .key then " \(.key)" else "" end): \(.message) (\(.code))"),
              (if $r.problemsTruncated then "  … more problems than the answer lists; see the rejected rows file" else empty end)' "$work/body"
    elif command -v python3 >/dev/null; then
        python3 - "$work/body" <<'PY'
import json, sys
body = json.load(open(sys.argv[1], encoding="utf-8"))
r = body.get("report", body)
t = r["totals"]
print(f"  rows {t['rows']}: created {t['created']}, updated {t['updated']}, unchanged {t['unchanged']}, rejected {t['rejected']}")
for p in r.get("problems", []):
    where = (f" [{p['column']}]" if p.get("column") else "") + (f" {p['key']}" if p.get("key") else "")
    print(f"  row {p['row']}{where}: {p['message']} ({p['code']})")
if r.get("problemsTruncated"):
    print("  … more problems than the answer lists; see the rejected rows file")
PY
    else
        echo "  rows $(number rows): created $(number created), updated $(number updated), unchanged $(number unchanged), rejected $(number rejected)"
        if [[ "$(number rejected)" != 0 ]]; then
            echo "  problems (the API's JSON; install jq for a readable list):"
            cat "$work/body"
            echo
        fi
    fi
}

# Prints a problem+json answer (400, 401, 403, 413, 422 without a report, …).
print_problem() {
    echo "HTTP $status from $base" >&2
    if command -v jq >/dev/null && jq -e . "$work/body" >/dev/null 2>&1; then
        jq -r '(.title // "") as $t | (.detail // "") as $d
            | "  \($t)", (if $d != "" and $d != $t then "  \($d)" else empty end),
              (.errors // {} | to_entries[] | select((.value | join("; ")) != $d) | "  \(.key): \(.value | join("; "))")' "$work/body" >&2
    else
        cat "$work/body" >&2
        echo >&2
    fi
}

# Saves the rows the import <id> rejected next to the input file.
save_rejected() {
    local code
    if ! code="$(curl -sS "$base/api/v1/imports/$1/rejected-rows.csv" -H @"$work/auth" -o "$rejected_file" -w '%{http_code}')" || [[ "$code" != 200 ]]; then
        rm -f -- "$rejected_file"
        echo "warning: could not download the rejected rows of import $1 (HTTP ${code:-?})" >&2
        return
    fi
    echo "Rejected rows saved to $rejected_file (fix them and send that file again)."
}

echo "Dry run: $entity ← $file (sha256 ${sha256:0:12}…)"
post "$base/api/v1/imports/$entity?dryRun=true&$query"
[[ "$status" == 200 ]] || { print_problem; exit 2; }
print_report
rejected="$(number rejected)"
if [[ "$rejected" != 0 ]]; then
    if [[ "$mode" != skip ]]; then
        save_rejected "$(number id)"
        echo "Stopped: $rejected row(s) rejected, nothing imported. Fix them, or run again with --skip to import the good rows."
        exit 1
    fi
    if [[ "$rejected" == "$(number rows)" ]]; then
        save_rejected "$(number id)"
        echo "Stopped: every row was rejected, nothing to import."
        exit 1
    fi
    # With --skip the real run below saves the rows it rejected.
fi

echo "Import: $entity ← $file (Idempotency-Key $key)"
post "$base/api/v1/imports/$entity?$query" "Idempotency-Key: $key"
if grep -qi '^Idempotent-Replayed:[[:space:]]*true' "$work/headers"; then
    echo "  (replayed: this file was already sent this month; nothing ran again — the first answer follows)"
fi
case "$status" in
    200)
        print_report
        rejected="$(number rejected)"
        if [[ "$rejected" != 0 ]]; then
            save_rejected "$(number id)"
            echo "Imported the good rows; $rejected row(s) rejected."
            exit 1
        fi
        echo "Done."
        ;;
    422)
        if grep -qE '"report"[[:space:]]*:' "$work/body"; then
            print_report
            save_rejected "$(number importId)"
            echo "Rejected: $(number rejected) row(s); nothing imported."
            exit 1
        fi
        print_problem
        exit 2
        ;;
    *)
        print_problem
        exit 2
        ;;
esac
