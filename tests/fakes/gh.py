"""A recording stand-in for GitHub's `gh` CLI, for the one thing that cannot run here: the git host.

It keeps issues and labels in the JSON file named by FAKE_GH_STATE and records every call, so a test can
run .github/scripts/review-issues.sh and read back what the host would hold. It answers only the calls
the script makes, refuses everything else, and refuses an issue with a label that does not exist, as
GitHub does. `--jq` is run by the real jq.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def load(path: Path) -> dict:
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"next": 1, "issues": [], "labels": [], "calls": []}


def parser() -> argparse.ArgumentParser:
    gh = argparse.ArgumentParser(prog="gh")
    groups = gh.add_subparsers(dest="group", required=True)
    issue = groups.add_parser("issue").add_subparsers(dest="command", required=True)
    listing = issue.add_parser("list")
    listing.add_argument("--label", required=True)
    listing.add_argument("--state", choices=["open", "closed", "all"], default="open")
    listing.add_argument("--limit", type=int, default=30)
    listing.add_argument("--json", required=True)
    listing.add_argument("--jq")
    create = issue.add_parser("create")
    create.add_argument("--title", required=True)
    create.add_argument("--body-file", required=True)
    create.add_argument("--label", required=True)
    edit = issue.add_parser("edit")
    edit.add_argument("number", type=int)
    edit.add_argument("--title", required=True)
    edit.add_argument("--body-file", required=True)
    for name in ("close", "reopen"):
        issue.add_parser(name).add_argument("number", type=int)
    label = groups.add_parser("label").add_subparsers(dest="command", required=True)
    label_create = label.add_parser("create")
    label_create.add_argument("name")
    label_create.add_argument("--color")
    label_create.add_argument("--description")
    label_create.add_argument("--force", action="store_true")
    return gh


def issue_by_number(state: dict, number: int) -> dict:
    for issue in state["issues"]:
        if issue["number"] == number:
            return issue
    sys.exit(f"GraphQL: Could not resolve to an issue with the number of {number}.")


def run(state: dict, args: argparse.Namespace) -> None:
    if args.group == "label":
        if args.name not in state["labels"]:
            state["labels"].append(args.name)
        return
    if args.command == "list":
        found = sorted((i for i in state["issues"] if args.label in i["labels"]
                        and args.state in ("all", i["state"].lower())), key=lambda i: -i["number"])
        rows = [{field: issue[field] for field in args.json.split(",")} for issue in found[:args.limit]]
        if args.jq:
            subprocess.run(["jq", "-r", args.jq], input=json.dumps(rows), text=True, check=True)
        else:
            print(json.dumps(rows))
    elif args.command == "create":
        if args.label not in state["labels"]:
            sys.exit(f"could not add label: '{args.label}' not found")
        number = state["next"]
        state["next"] += 1
        state["issues"].append({"number": number, "title": args.title, "state": "OPEN", "labels": [args.label],
                                "body": Path(args.body_file).read_text(encoding="utf-8")})
        print(f"https://github.com/region/insatsbas/issues/{number}")
    elif args.command == "edit":
        issue = issue_by_number(state, args.number)
        issue.update(title=args.title, body=Path(args.body_file).read_text(encoding="utf-8"))
    else:
        issue_by_number(state, args.number)["state"] = "CLOSED" if args.command == "close" else "OPEN"


def main() -> None:
    path = Path(os.environ["FAKE_GH_STATE"])
    state = load(path)
    state["calls"].append(sys.argv[1:])
    try:
        run(state, parser().parse_args())
    finally:
        path.write_text(json.dumps(state, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
