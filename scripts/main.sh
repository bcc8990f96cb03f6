#!/usr/bin/env bash
# Sets everything up, then runs the kit's main job: every paper table reproduced at the Quick profile, written to
# results/ (per table a CSV, a Markdown table, PNG charts, a claims record and the executed notebook; then README.md).
# Trained artifacts are cached (.cache/artifacts, or UNICODE_CACHE_DIR), so an interrupted run resumes where it stopped.
# Extra arguments go to `unicode reproduce` (e.g. `bash scripts/main.sh --no-notebooks`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
./unicode info
./unicode reproduce all --profile Quick --out-dir results "$@"
