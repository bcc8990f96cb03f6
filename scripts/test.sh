#!/usr/bin/env bash
# Sets everything up, then runs every test project. UniCode.Notebooks.Tests runs each of the kit's notebooks at the
# Smoke profile on the real .NET Interactive kernel and checks what it shows (pictures, charts, tables, no errors), and
# UniCode.Cli.Tests runs `unicode notebooks run`, so the notebooks are not run a second time here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
echo "[test] dotnet test (Release): the libtorch bridge, the kit, the CLI, the notebooks on the real kernel (profile Smoke)"
dotnet test UniCode.Kit.sln -c Release --no-build -nologo
