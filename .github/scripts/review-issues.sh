#!/usr/bin/env bash
# Keep one issue per owner on the git host: open (updated in place) while entries are due for review,
# closed when none are. Reads `insatsbas remind --issues` (arguments are passed on to it) and talks to the
# host with its own CLI, `gh`, which needs GH_TOKEN (and GH_REPO outside a checkout).
set -euo pipefail

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
insatsbas remind --issues "$@" >"$work/issues.json"
jq -c '.issues[]' "$work/issues.json" >"$work/issues.jsonl"

while read -r issue <&3; do
  label=$(jq -r .label <<<"$issue")
  title=$(jq -r .title <<<"$issue")
  state=$(jq -r .state <<<"$issue")
  jq -r .body <<<"$issue" >"$work/body.md"
  found=$(gh issue list --label "$label" --state all --limit 1 --json number,state --jq '.[] | "\(.number) \(.state)"')
  read -r number current <<<"$found"
  if [[ $state == open && -z $number ]]; then
    gh label create "$label" --color FBCA04 --description "Påminnelser om granskning" --force
    gh issue create --title "$title" --body-file "$work/body.md" --label "$label"
  elif [[ $state == open ]]; then
    gh issue edit "$number" --title "$title" --body-file "$work/body.md"
    if [[ $current == CLOSED ]]; then gh issue reopen "$number"; fi
  elif [[ $current == OPEN ]]; then
    gh issue edit "$number" --title "$title" --body-file "$work/body.md"
    gh issue close "$number"
  fi
done 3<"$work/issues.jsonl"
