#!/usr/bin/env bash
# Builds the native bridge into $1 (incremental). Called by UniCode.Torch.csproj.
# flock serialises concurrent builds: MSBuild may build net9.0 and net10.0 at once.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh <build-dir>}
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9

torch_dir=""
for candidate in "${LIBTORCH_DIR:-}/share/cmake/Torch" /usr/lib/*-linux-gnu/cmake/Torch /usr/lib/cmake/Torch; do
  if [ -f "$candidate/TorchConfig.cmake" ]; then torch_dir=$candidate; break; fi
done
if [ -z "$torch_dir" ]; then
  echo "error UT0001: libtorch not found: install it with 'sudo apt-get install libtorch-dev' (or set LIBTORCH_DIR to a libtorch folder)"
  exit 1
fi
opencv_found=${OpenCV_DIR:-}
for candidate in /usr/include/opencv4 /usr/local/include/opencv4; do
  if [ -f "$candidate/opencv2/imgcodecs.hpp" ]; then opencv_found=$candidate; break; fi
done
if [ -z "$opencv_found" ]; then
  echo "error UT0002: OpenCV not found: install it with 'sudo apt-get install libopencv-dev' (or set OpenCV_DIR)"
  exit 1
fi

# Reconfigure when the chosen libtorch changes.
if [ ! -f "$out/CMakeCache.txt" ] || ! grep -q "^Torch_DIR:PATH=$torch_dir\$" "$out/CMakeCache.txt"; then
  rm -f "$out/CMakeCache.txt"
  if ! cmake -S "$here" -B "$out" -DCMAKE_BUILD_TYPE=Release -DTorch_DIR="$torch_dir" >"$out/configure.log" 2>&1; then
    cat "$out/configure.log"
    echo "error UT0003: configuring the native bridge failed (log: $out/configure.log)"
    exit 1
  fi
fi
if ! cmake --build "$out" --parallel "$(nproc)"; then
  echo "error UT0004: compiling the native bridge failed (see the compiler output above)"
  exit 1
fi
