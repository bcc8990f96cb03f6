#!/usr/bin/env bash
# Converts the paper's downloaded data into what UniCode.Kit reads (through UniCode.Kit.Data.Llava.LlavaConverter).
#
#   convert-llava-data.sh JSON IMAGES OUT [--limit N] [--strict] [--drop-text-only]
#       JSON    LLaVA JSON: blip_laion_cc_sbu_558k.json (LCS-558K), llava_v1_5_mix665k.json (mix665K)
#               or chat.json (CC3M-595K)
#       IMAGES  the folder the JSON's "image" paths are relative to
#       OUT     gets conversations.json (validated records whose image exists, plus text-only ones),
#               captions.tsv (single-turn image records as image<TAB>caption) and manifest.json
#       --limit N         read only the first N records     --strict  fail on a missing image instead of dropping it
#       --drop-text-only  leave out records without an image
#
#   convert-llava-data.sh --pairs FOLDER OUT.tsv|OUT.jsonl
#       CC3M downloaded with img2dataset (each image next to a same-named .txt caption) -> a caption list
#
# Needs only the .NET 10 SDK: it runs `./unicode data convert-llava` / `convert-pairs` (no Python, no jq).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }

if [[ $# -eq 0 || "$1" == "-h" || "$1" == "--help" ]]; then
  usage
  exit 0
fi

if [[ "$1" == "--pairs" ]]; then
  [[ $# -eq 3 ]] || { usage >&2; exit 2; }
  exec "$here/../unicode" data convert-pairs --folder "$2" --out "$3"
fi

[[ $# -ge 3 ]] || { usage >&2; exit 2; }
json="$1" images="$2" out="$3"
shift 3
exec "$here/../unicode" data convert-llava --json "$json" --images "$images" --out "$out" "$@"
