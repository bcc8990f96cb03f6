#!/usr/bin/env bash
# Sets everything up, then runs every test project and the notebooks.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
echo "[test] dotnet test (Release)"
dotnet test UniCode.Kit.sln -c Release --no-build -nologo
echo "[test] notebooks (profile Smoke)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./unicode notebooks run notebooks/*.ipynb --out-dir "$out" --profile Smoke
