#!/usr/bin/env bash
# Exports a kit dataset as LLaVA JSON + PNGs (through UniCode.Kit.Data.LlavaExporter).
#   export-llava.sh <dataset> --out DIR [--count N] [--size S] [--style auto|caption|questions|caption-and-questions]
# <dataset>: fashion-mnist, fashion-mnist/test, emoji, emoji/train, emoji/held-out, shapes.
# Runs data-scripts/kit-data.cs as a .NET 10 file-based program (the first run builds the kit, about a minute).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -eq 0 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
exec dotnet run "$here/kit-data.cs" -- export "$@"
