#!/usr/bin/env bash
# Sets up a Debian machine for UniCode.Kit and builds it. Idempotent: installs only what is missing.
#   apt:  libtorch + OpenCV (the native engine), OpenBLAS (fast BLAS for libtorch), the embedded datasets,
#         Chromium (PNG export of plots), python3-nbformat (the notebook tests' independent validator)
#   npm:  plotly.js-dist-min into .cache/npm (offline plots)
#   dotnet: the .NET Interactive kernel VS Code runs (tool pinned in .config/dotnet-tools.json), then a build of
#         the whole solution (which compiles the native bridge)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: not root and sudo is missing: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

packages=(
  cmake g++ make pkg-config
  libtorch-dev libopenblas0 libopencv-dev
  dataset-fashion-mnist ruby-gemojione wordnet-base
  chromium python3 python3-nbformat
)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing with apt: ${missing[*]}"
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "apt packages present"
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2; exit 1; }

plotly=.cache/npm/node_modules/plotly.js-dist-min/plotly.min.js
if [ ! -f "$plotly" ]; then
  say "installing plotly.js-dist-min with npm into .cache/npm"
  npm install --silent --no-audit --no-fund --prefix .cache/npm plotly.js-dist-min >/dev/null
fi

say "restoring the .NET Interactive kernel (dotnet tool restore)"
dotnet tool restore >/dev/null

say "building (Release)"
dotnet build UniCode.Kit.sln -c Release -nologo -clp:ErrorsOnly
