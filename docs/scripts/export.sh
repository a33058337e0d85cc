#!/usr/bin/env bash
# Writes a BioCluster export to standard output.
#
#   BIOCLUSTER_URL=https://biocluster.example.kr BIOCLUSTER_KEY=bck_… \
#     bash docs/scripts/export.sh <entity> [csv|xlsx] [filter=value …] > file
#
#   entity   clusters, agencies, cluster_indicators, regulatory_issues, audit
#   format   csv (default; UTF-8 with BOM, Korean headers and labels — imports back unchanged)
#            or xlsx (a report: frozen, filtered header row, date cells); lang=en as a filter gives English headers
#   filters  the list's own query parameters, e.g. clusterCode=osong, q=바이오, status=active
#
# Needs bash, curl and coreutils. The key needs the read scope (audit: a secretariat or admin key).
# Exit codes: 0 written, 2 usage or HTTP error (the problem goes to standard error, nothing to stdout).
set -euo pipefail

usage() {
    echo "usage: BIOCLUSTER_URL=… BIOCLUSTER_KEY=bck_… bash $0 <clusters|agencies|cluster_indicators|regulatory_issues|audit> [csv|xlsx] [filter=value …] > file" >&2
    exit 2
}

die() {
    echo "error: $*" >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
entity="$1"
shift
format="csv"
if [[ $# -ge 1 && ( "$1" == csv || "$1" == xlsx ) ]]; then
    format="$1"
    shift
fi

case "$entity" in
    clusters) path="clusters" ;;
    agencies) path="agencies" ;;
    cluster_indicators) path="cluster-indicators" ;;
    regulatory_issues) path="regulatory-issues" ;;
    audit) path="audit" ;;
    *) die "unknown entity '$entity'" ;;
esac
if [[ "$format" == xlsx && -t 1 ]]; then
    die "refusing to write a workbook to the terminal; redirect it: > $entity.xlsx"
fi
[[ -n "${BIOCLUSTER_URL:-}" ]] || die "set BIOCLUSTER_URL (e.g. https://biocluster.example.kr)"
[[ -n "${BIOCLUSTER_KEY:-}" ]] || die "set BIOCLUSTER_KEY to an API key with the read scope (bck_…)"

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

query=""
for filter in "$@"; do
    [[ "$filter" == *=* ]] || die "a filter is name=value, not '$filter'"
    query+="${query:+&}$(urlencode "${filter%%=*}")=$(urlencode "${filter#*=}")"
done

work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
(umask 077 && printf 'X-Api-Key: %s\n' "$BIOCLUSTER_KEY" > "$work/auth")

url="${BIOCLUSTER_URL%/}/api/v1/$path/export.$format${query:+?$query}"
# The export goes to a file first, so an error answer never ends up in the caller's output file.
if ! status="$(curl -sS "$url" -H @"$work/auth" -o "$work/export" -w '%{http_code}')"; then
    die "could not reach ${BIOCLUSTER_URL%/}"
fi
if [[ "$status" != 200 ]]; then
    echo "HTTP $status from $url" >&2
    cat "$work/export" >&2
    echo >&2
    exit 2
fi
cat "$work/export"
