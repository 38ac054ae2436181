#!/usr/bin/env bash
# Opens redacted DOCX files in LibreOffice: each is converted to PDF with
# `libreoffice --headless --convert-to pdf`, and the run fails if any conversion fails or
# LibreOffice is missing (it never skips). With pdftotext (poppler-utils) the PDF text is also
# searched for the planted values, which must be gone, and the marks, which must be there.
#
#   scripts/docx-roundtrip.sh                 # the generated fixtures, written by the tests
#   scripts/docx-roundtrip.sh a.docx dir/     # given files (folders: every *.docx inside)
#
# Install LibreOffice on Debian with: apt-get install -y libreoffice-writer-nogui
set -euo pipefail
# Paths given are relative to where the script was started, not to the repository.
args=()
for arg in "$@"; do args+=("$(realpath -- "$arg")"); done
set -- "${args[@]+"${args[@]}"}"
cd "$(dirname "$0")/.."

office=$(command -v libreoffice || command -v soffice || true)
if [ -z "$office" ]; then
    echo "docx-roundtrip: FAIL: LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=()
generated=0
if [ $# -eq 0 ]; then
    generated=1
    swift build --build-tests >/dev/null
    REDACT_DOCX_SAMPLES="$work/in" swift test --skip-build --filter RoundTripSamples >/dev/null
    for f in "$work"/in/*.docx; do files+=("$f"); done
else
    for arg in "$@"; do
        if [ -d "$arg" ]; then
            while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$arg" -name '*.docx' -print0)
        else
            files+=("$arg")
        fi
    done
fi
[ ${#files[@]} -gt 0 ] || { echo "docx-roundtrip: FAIL: no .docx to convert" >&2; exit 1; }

failed=0
for f in "${files[@]}"; do
    name=$(basename "$f" .docx)
    # A profile of its own, so a LibreOffice already running elsewhere does not take the job.
    if ! "$office" -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
            --outdir "$work/out" "$f" >"$work/$name.log" 2>&1 || [ ! -s "$work/out/$name.pdf" ]; then
        echo "FAIL $f: LibreOffice could not convert it"; cat "$work/$name.log"; failed=1; continue
    fi
    pages=""
    if command -v pdfinfo >/dev/null; then pages=" ($(pdfinfo "$work/out/$name.pdf" | awk '/^Pages:/ {print $2}') pages)"; fi
    if [ $generated -eq 1 ] && [[ "$name" == redacted* ]] && command -v pdftotext >/dev/null; then
        pdftotext "$work/out/$name.pdf" "$work/$name.txt"
        for value in "John Smith" "AB123456C" "943 476 5919" "john.smith@example.com" "07700 900123" "Jane Doe"; do
            if grep -qF "$value" "$work/$name.txt"; then echo "FAIL $f: the PDF still shows a planted value"; failed=1; fi
        done
        grep -qF "[PERSON NAME]" "$work/$name.txt" || { echo "FAIL $f: the PDF shows no mark"; failed=1; }
    fi
    echo "ok   $f -> PDF$pages"
done
[ $failed -eq 0 ] || { echo "docx-roundtrip: FAIL"; exit 1; }
echo "docx-roundtrip: ${#files[@]} passed, 0 failed"
