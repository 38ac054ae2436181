#!/usr/bin/env bash
# Installs the C libraries redact builds against, when they are missing (Debian/Ubuntu).
# PCRE2 (8-bit, with JIT) for the patterns; SQLite for the log (GRDB links the system library);
# poppler-utils for `pdftotext`, which the PDF pre-screen runs (and its tests need).
set -euo pipefail
need=()
pkg-config --exists libpcre2-8 2>/dev/null || need+=(libpcre2-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
