#!/usr/bin/env bash
# Sets everything up, then runs the kit's main job. Until the experiments exist this is the bridge
# benchmark; later issues make it the reproduction of the paper's tables.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
./unicode info
./unicode bench ops
