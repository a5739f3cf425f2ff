#!/usr/bin/env bash
# Prints CHANGELOG.md's section for one version (its heading `## [VERSION]` to the next `## [`),
# without the heading: the GitHub release's notes. Fails when there is no such section or it is empty.
# Usage: scripts/changelog-section.sh 0.2.0   (or Unreleased)
set -euo pipefail
version=${1:?usage: changelog-section.sh VERSION}
root=$(cd "$(dirname "$0")/.." && pwd)
section=$(awk -v heading="## [$version]" '
  index($0, heading) == 1 { inside = 1; next }
  inside && /^## \[/ { exit }
  inside && /^\[[^]]+\]: / { exit }
  inside { print }
' "$root/CHANGELOG.md")
if [ -z "$(printf '%s' "$section" | tr -d '[:space:]')" ]; then
  echo "changelog-section: CHANGELOG.md has no section \"## [$version]\" (or it is empty)" >&2
  exit 1
fi
printf '%s\n' "$section"
