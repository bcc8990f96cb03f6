#!/usr/bin/env bash
# Exports a kit dataset as LLaVA JSON + PNGs (through UniCode.Kit.Data.Llava.LlavaExporter).
#   export-llava.sh <dataset> --out DIR [--count N] [--size S] [--style Auto|Caption|Questions|CaptionAndQuestions]
# <dataset>: fashion-mnist, fashion-mnist/test, emoji, emoji/train, emoji/held-out, shapes.
# Runs `./unicode data export` (the first run builds the kit).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -eq 0 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
exec "$here/../unicode" data export "$@"
