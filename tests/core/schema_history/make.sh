#!/usr/bin/env bash
# Makes tests/core/schema_history/schema-N.json: the demo workspace saved by
# the last commit of each schema version (W4, W6: every stored form ever
# released must keep opening). Run it again only to add a new schema version
# (append its commit below); the fixtures are kept in the repository.
#   tests/core/schema_history/make.sh
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree prune; rm -rf "$work"' EXIT
# schema version -> the last commit that saved it
for pair in 1:93df39b032 2:cc0ef21ee5 3:225ab24a58 4:71961e18be 5:e3189b0db5 6:65f317f835; do
  schema=${pair%%:*} commit=${pair#*:}
  git -C "$root" worktree add -q --detach "$work/$schema" "$commit"
  g++ -std=c++20 -O1 -w -I"$work/$schema/src/core" "$here/make_fixture.cpp" "$work/$schema"/src/core/*.cpp -o "$work/make-$schema"
  "$work/make-$schema" "$here/schema-$schema.json"
  git -C "$root" worktree remove --force "$work/$schema"
done
