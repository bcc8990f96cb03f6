#!/usr/bin/env bash
# Installs the Debian packages that hold UniCode.Kit's embedded datasets:
#   dataset-fashion-mnist  Fashion-MNIST (MIT, Zalando SE)        /usr/share/datasets/fashion-mnist/*.gz
#   ruby-gemojione         gemojione emoji art (CC-BY-SA-4.0)     /usr/share/rubygems-integration/all/gems/gemojione-*/
#   wordnet-base           WordNet 3.0 (WordNet licence)          /usr/share/wordnet/data.*
# Idempotent: packages already installed are left alone, and nothing runs when all are present.
# Uses sudo when not run as root. `--check` only reports what is missing (exit 1 if anything is).
set -euo pipefail

packages=(dataset-fashion-mnist ruby-gemojione wordnet-base)

check_only=false
case "${1:-}" in
  --check) check_only=true ;;
  "") ;;
  -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for package in "${packages[@]}"; do
  if installed "$package"; then
    echo "installed: $package"
  else
    echo "missing:   $package"
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "every dataset package is installed"
  exit 0
fi

if $check_only; then
  echo "install them with: $0" >&2
  exit 1
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

if ! apt_install; then
  # A fresh machine may not have package lists yet.
  echo "apt-get install failed; refreshing the package lists and retrying" >&2
  as_root apt-get update
  apt_install
fi

for package in "${missing[@]}"; do
  installed "$package" || { echo "error: $package is still not installed" >&2; exit 1; }
done
echo "every dataset package is installed"
