#!/usr/bin/env bash
# Puts every model the plugins pin into a model folder and fails unless each one has its pinned sha256.
# A model is copied from GIVEN (a folder with the layout of the shared mirror) or, when GIVEN lacks it, fetched
# from the upstream URL its plugin.json names (the entry archiveEntry of a .tgz, when it names one).
# The image's build runs it (deploy/Dockerfile); tests/Host.Tests/Deploy/ModelPinningTests.cs tests it.
#   pin-models.sh GIVEN PLUGINS TARGET     PLUGINS: a folder of plugin folders, each with its plugin.json
set -euo pipefail
given=$1 plugins=$2 target=$3

for manifest in "$plugins"/*/plugin.json; do
  jq -r '.models[] | [.name, .sha256, .upstream, (.archiveEntry // "")] | @tsv' "$manifest"
done | sort -u | while IFS=$'\t' read -r name sha256 upstream entry; do
  mkdir -p "$(dirname "$target/$name")"
  if [ -f "$given/$name" ]; then
    cp "$given/$name" "$target/$name"
  elif [ -n "$entry" ]; then
    curl -fsSL "$upstream" | tar -xzO -f - "$entry" > "$target/$name"
  else
    curl -fsSL -o "$target/$name" "$upstream"
  fi
  if ! echo "$sha256  $target/$name" | sha256sum -c --quiet -; then
    rm -f "$target/$name"
    echo "pin-models: $name does not have its pinned sha256 $sha256" >&2
    exit 1
  fi
  echo "pin-models: $name $sha256"
done
