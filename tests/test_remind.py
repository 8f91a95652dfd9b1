"""`insatsbas remind`: reminders over a real local SMTP server, as .eml files, and as issues on the git host."""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import shlex
import shutil
import ssl
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import trustme
import yaml
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.editing.remind import SMTP_VARIABLES, long_date, markdown_text
from insatsbas.editing.review import OwnerStatus, review_status
from insatsbas.reader import load_catalogue
from tests.conftest import REPO, SAMPLE, TODAY, VALID_ENTRY, free_port

WORKFLOW = REPO / ".github" / "workflows" / "granskning.yml"
ISSUE_SCRIPT = REPO / ".github" / "scripts" / "review-issues.sh"
FAKE_GH = REPO / "tests" / "fakes" / "gh.py"
SENDER = "Insatsbas <noreply@insatsbas.example.org>"


def reviewed(day: str, title: str = "Språkcafé på biblioteket") -> str:
    return VALID_ENTRY.replace("last_reviewed: 2026-06-01", f"last_reviewed: {day}").replace(
        "title: Språkcafé på biblioteket", f"title: {title}")


def due_statuses(root: Path, within: int = 30, today: date = TODAY) -> dict[str, OwnerStatus]:
    catalogue = load_catalogue(root, today=today)
    return {s.owner.slug: s for s in review_status(catalogue, today, within=within) if s.has_due}


def remind(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["remind", "--today", TODAY.isoformat(), *args], env=env)


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def text_of(message: email.message.EmailMessage) -> str:
    """The decoded body, with the CRLF line endings of mail on the wire as \n."""
    return message.get_content().replace("\r\n", "\n")


# --- a real SMTP server on 127.0.0.1 --------------------------------------------------------------


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return parse(self.raw)


@dataclass
class Mailbox:
    """An aiosmtpd handler: keeps what arrives, refuses the recipients in `refuse`."""

    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if address in self.refuse:
            return "550 5.1.1 Mottagaren finns inte"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(mailbox: Mailbox, **smtp_parameters) -> Iterator[int]:
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **smtp_parameters)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def smtp_env(port: int, security: str = "none", **extra: str) -> dict[str, str]:
    return {"INSATSBAS_SMTP_HOST": "127.0.0.1", "INSATSBAS_SMTP_PORT": str(port),
            "INSATSBAS_SMTP_SECURITY": security, "INSATSBAS_SMTP_FROM": SENDER, **extra}


@pytest.fixture
def due_catalogue(make_catalogue) -> Path:
    """Huddinge with one entry overdue and one due soon, Arbetsförmedlingen with one overdue, Botkyrka fresh."""
    return make_catalogue({
        "huddinge/sprakcafe.yml": reviewed("2025-01-31"),                                  # due 2026-01-31
        "huddinge/laxhjalp.yml": reviewed("2025-12-05", "Läxhjälp för föräldrar"),        # due 2026-12-05
        "huddinge/farsk.yml": reviewed("2026-10-01", "Färsk insats"),
        "arbetsformedlingen/yrkessvenska.yml": reviewed("2026-01-31", "Yrkessvenska på jobbet"),  # due 2026-07-31
        "botkyrka/farsk.yml": reviewed("2026-10-01", "Botkyrkas färska insats"),
    })


def test_reminders_arrive_over_smtp_one_per_owner_with_due_entries(due_catalogue):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        result = remind("--catalogue", str(due_catalogue), env=smtp_env(port))
    assert result.exit_code == 0, result.output
    due = due_statuses(due_catalogue)
    assert set(due) == {"huddinge", "arbetsformedlingen"}
    assert sorted(r.rcpt_tos[0] for r in mailbox.received) == sorted(s.owner.contact for s in due.values())
    assert all(len(r.rcpt_tos) == 1 and r.mail_from == "noreply@insatsbas.example.org" for r in mailbox.received)
    assert result.output.splitlines() == [
        "Skickade påminnelsen till Arbetsförmedlingen <insatsbas.af-sodertorn@example.org>: 1 försenade, "
        "0 inom 30 dagar.",
        "Skickade påminnelsen till Huddinge kommun <insatsbas.huddinge@example.org>: 1 försenade, 1 inom 30 dagar.",
    ]


def test_the_reminder_is_swedish_names_the_entries_with_due_dates_and_says_how_to_confirm(due_catalogue):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        remind("--catalogue", str(due_catalogue), "--site-url", "https://insatsbas.example.org/", env=smtp_env(port))
    [received] = [r for r in mailbox.received if r.rcpt_tos == ["insatsbas.huddinge@example.org"]]
    raw_text = received.raw.decode("ascii")     # 7-bit clean on the wire: headers and body encoded
    assert "Huddinge" in raw_text and "Söder" not in raw_text
    message = received.message
    assert message["Subject"] == "Insatsbas: 2 insatser hos Huddinge kommun behöver granskas"
    assert message["To"].addresses[0].display_name == "Huddinge kommun"
    assert [a.addr_spec for a in message["Reply-To"].addresses] == [
        "samordning.sodertorn@example.org", "insatsbas@example.org"]
    assert message.get_content_charset() == "utf-8"
    body = text_of(message)
    overdue, soon = body.split("GRANSKA SÅ SNART SOM MÖJLIGT")[1].split("GRANSKA INOM 30 DAGAR")
    assert "* Språkcafé på biblioteket\n  Skulle ha granskats senast 31 januari 2026, för 295 dagar sedan.\n" \
           "  Fil: catalogue/huddinge/sprakcafe.yml\n" \
           "  På webbplatsen: https://insatsbas.example.org/insats/huddinge/sprakcafe/\n" in overdue
    assert "* Läxhjälp för föräldrar\n  Ska granskas senast 5 december 2026, om 13 dagar.\n" in soon
    assert "Färsk insats" not in body and "Botkyrka" not in body
    assert "katalogen över insatser för nyanlända på Södertörn" in body
    assert "Gå till https://insatsbas.example.org/redigera/ och logga in." in body
    assert "Ändra «Senast granskad» till dagens datum." in body and "Klicka på «Spara»." in body
    assert 'insatsbas reviewed catalogue/huddinge/sprakcafe.yml --by "Bibliotekschef"' in body
    assert "* Regional samordnare för nyanländas etablering: samordning.sodertorn@example.org" in body


@pytest.fixture(scope="module")
def certificate_authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server_context(certificate_authority) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate_authority.issue_cert("127.0.0.1").configure_cert(context)
    return context


def accept_only(user: str, password: str):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            user.encode(), password.encode())
        return AuthResult(success=ok, handled=False)
    return authenticator


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_reminders_go_over_tls_with_login(due_catalogue, tmp_path, certificate_authority, tls_server_context,
                                          security):
    ca_file = tmp_path / "ca.pem"
    certificate_authority.cert_pem.write_to_path(str(ca_file))
    # aiosmtpd does not see a connection wrapped from the start (ssl) as TLS, so it must offer AUTH regardless.
    tls = ({"tls_context": tls_server_context, "require_starttls": True} if security == "starttls"
           else {"ssl_context": tls_server_context, "auth_require_tls": False})
    mailbox = Mailbox()
    env = smtp_env(0, security, INSATSBAS_SMTP_USER="insatsbas", INSATSBAS_SMTP_PASSWORD="hemligt-losen",
                   SSL_CERT_FILE=str(ca_file))
    with smtp_server(mailbox, authenticator=accept_only("insatsbas", "hemligt-losen"), auth_required=True,
                     **tls) as port:
        result = remind("--catalogue", str(due_catalogue), env={**env, "INSATSBAS_SMTP_PORT": str(port)})
        assert result.exit_code == 0, result.output
        assert len(mailbox.received) == 2
        wrong = remind("--catalogue", str(due_catalogue),
                       env={**env, "INSATSBAS_SMTP_PORT": str(port), "INSATSBAS_SMTP_PASSWORD": "fel"})
    assert wrong.exit_code == 1 and len(mailbox.received) == 2
    assert "535" in wrong.output
    assert "2 påminnelser skickades inte: arbetsformedlingen, huddinge." in wrong.output


def test_a_refused_address_fails_that_owner_only_and_the_others_still_go_out(due_catalogue):
    mailbox = Mailbox(refuse={"insatsbas.af-sodertorn@example.org"})
    with smtp_server(mailbox) as port:
        result = remind("--catalogue", str(due_catalogue), env=smtp_env(port))
    assert result.exit_code == 1
    assert [r.rcpt_tos for r in mailbox.received] == [["insatsbas.huddinge@example.org"]]
    assert ("Påminnelsen till Arbetsförmedlingen (arbetsformedlingen, insatsbas.af-sodertorn@example.org) kunde "
            "inte skickas: insatsbas.af-sodertorn@example.org: 550 5.1.1 Mottagaren finns inte") in result.output
    assert "Skickade påminnelsen till Huddinge kommun" in result.output
    assert result.output.splitlines()[-1].startswith("1 påminnelser skickades inte: arbetsformedlingen.")


def test_an_unreachable_server_fails_every_owner_by_name(due_catalogue):
    result = remind("--catalogue", str(due_catalogue), env=smtp_env(free_port()))
    assert result.exit_code == 1
    assert "2 påminnelser skickades inte: arbetsformedlingen, huddinge." in result.output


def test_without_smtp_settings_nothing_is_sent_and_the_variables_are_named(due_catalogue):
    result = remind("--catalogue", str(due_catalogue), env={"INSATSBAS_SMTP_HOST": "", "INSATSBAS_SMTP_FROM": ""})
    assert result.exit_code == 2
    assert "Ange INSATSBAS_SMTP_HOST, INSATSBAS_SMTP_FROM i miljön" in result.output
    result = remind("--catalogue", str(due_catalogue), env=smtp_env(25, "tls"))
    assert result.exit_code == 2 and "INSATSBAS_SMTP_SECURITY ska vara starttls, ssl, none" in result.output
    result = remind("--catalogue", str(due_catalogue), env=smtp_env(25, INSATSBAS_SMTP_USER="insatsbas"))
    assert result.exit_code == 2 and "Ange både INSATSBAS_SMTP_USER och INSATSBAS_SMTP_PASSWORD" in result.output
    # smtplib sends the login as ASCII only: say so before sending anything, not halfway through.
    result = remind("--catalogue", str(due_catalogue),
                    env=smtp_env(25, INSATSBAS_SMTP_USER="insatsbas", INSATSBAS_SMTP_PASSWORD="hemligt lösen"))
    assert result.exit_code == 2 and "utanför ASCII" in result.output


def test_owner_and_within_choose_what_is_reminded(due_catalogue, tmp_path):
    result = remind("--catalogue", str(due_catalogue), "--dry-run", "--out", str(tmp_path / "a"), "--within", "10")
    assert result.exit_code == 0
    body = text_of(parse((tmp_path / "a" / "huddinge.eml").read_bytes()))
    assert "Läxhjälp" not in body and "GRANSKA INOM" not in body
    result = remind("--catalogue", str(due_catalogue), "--dry-run", "--out", str(tmp_path / "b"), "--owner", "botkyrka")
    assert result.exit_code == 0
    assert list((tmp_path / "b").glob("*.eml")) == []
    assert "Ingen insats behöver granskas inom 30 dagar." in result.output


# --- dry run on the sample ------------------------------------------------------------------------


def test_dry_run_on_the_sample_writes_one_eml_per_owner_with_due_entries_and_none_for_the_others(tmp_path):
    out = tmp_path / "eml"
    out.mkdir()
    (out / "nykvarn.eml").write_text("från en tidigare körning", encoding="utf-8")
    result = remind("--catalogue", str(SAMPLE), "--dry-run", "--out", str(out),
                    env={"INSATSBAS_SMTP_HOST": "", "INSATSBAS_SMTP_FROM": ""})
    assert result.exit_code == 0, result.output
    due = due_statuses(SAMPLE)
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    nothing_due = set(catalogue.owners) - set(due)
    assert len(due) >= 10 and {"nykvarn", "forsakringskassan"} <= nothing_due
    assert {path.stem for path in out.iterdir()} == set(due)
    assert len(result.output.splitlines()) == len(due)
    for slug, status in due.items():
        message = parse((out / f"{slug}.eml").read_bytes())
        assert message["To"].addresses[0].addr_spec == status.owner.contact
        body = text_of(message)
        for entry in status.overdue + status.due_soon:
            assert f"* {entry.title}\n" in body and long_date(entry.due) in body
            assert f"catalogue/{entry.id}.yml" in body
        listed = re.findall(r"^\* (.+)$", body.split("SÅ HÄR GRANSKAR")[0], re.MULTILINE)
        assert len(listed) == len(status.overdue) + len(status.due_soon)


def test_dry_run_without_out_prints_the_messages_and_sends_nothing(due_catalogue):
    result = remind("--catalogue", str(due_catalogue), "--dry-run", env={"INSATSBAS_SMTP_HOST": ""})
    assert result.exit_code == 0
    assert result.output.count("Subject: ") == 2
    assert "To: =?utf-8?q?Arbetsf=C3=B6rmedlingen?= <insatsbas.af-sodertorn@example.org>" in result.output


def test_out_needs_dry_run_and_issues_excludes_it(tmp_path, due_catalogue):
    assert remind("--catalogue", str(due_catalogue), "--out", str(tmp_path)).exit_code == 2
    assert remind("--catalogue", str(due_catalogue), "--issues", "--dry-run").exit_code == 2


# --- issues for the git host ----------------------------------------------------------------------


def issues(root: Path, *args: str, today: str = TODAY.isoformat()) -> dict[str, dict]:
    result = CliRunner().invoke(cli, ["remind", "--issues", "--catalogue", str(root), "--today", today, *args])
    assert result.exit_code == 0, result.output
    return {issue["owner"]: issue for issue in json.loads(result.output)["issues"]}


def test_issue_json_is_open_for_owners_with_due_entries_closed_for_the_others_and_mentions_the_editors():
    found = issues(SAMPLE)
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    due = due_statuses(SAMPLE)
    assert set(found) == set(catalogue.owners)
    assert {slug for slug, issue in found.items() if issue["state"] == "open"} == set(due)
    assert {issue["state"] for slug, issue in found.items() if slug not in due} == {"closed"}
    assert len({issue["label"] for issue in found.values()}) == len(found)
    for slug, issue in found.items():
        owner = catalogue.owners[slug]
        assert issue["label"] == f"granskning-{slug}" and issue["title"] == f"Granskning av insatser: {owner.name}"
        assert issue["body"].startswith(issue["marker"] + "\n")
        if slug in due:
            assert all(f"@{editor}" in issue["body"] for editor in owner.editors)
            assert issue["overdue"] + issue["due_soon"] == [e.id for e in due[slug].overdue + due[slug].due_soon]
            assert all(f"`catalogue/{entry_id}.yml`" in issue["body"] for entry_id in issue["overdue"])
        else:
            assert "@" not in issue["body"] and "Inga insatser hos" in issue["body"]
    assert "Hej @botkyrka-integration, @botkyrka-vux!" in found["botkyrka"]["body"]


def test_issue_titles_are_escaped_markdown_and_link_to_the_site(make_catalogue):
    root = make_catalogue({"huddinge/kod.yml": reviewed("2025-01-01", '"Kod *och* [länkar] @någon"')})
    body = issues(root, "--site-url", "https://insatsbas.example.org")["huddinge"]["body"]
    assert r"[Kod \*och\* \[länkar\] \@någon](https://insatsbas.example.org/insats/huddinge/kod/)" in body
    assert "[webbredigeraren](https://insatsbas.example.org/redigera/)" in body
    assert markdown_text("a_b <i>") == r"a\_b \<i\>"


def test_the_regions_site_address_is_used_when_neither_option_nor_environment_gives_one(make_catalogue, monkeypatch):
    monkeypatch.delenv("INSATSBAS_SITE_URL", raising=False)
    root = make_catalogue({"huddinge/kod.yml": reviewed("2025-01-01", "Kodstuga")})
    assert "https://" not in issues(root)["huddinge"]["body"]
    region = root / "region.yml"
    region.write_text(region.read_text(encoding="utf-8") + "site_url: https://region.example.org/\n", encoding="utf-8")
    body = issues(root)["huddinge"]["body"]
    assert "(https://region.example.org/insats/huddinge/kod/)" in body
    assert "(https://other.example.org/insats/huddinge/kod/)" in issues(
        root, "--site-url", "https://other.example.org")["huddinge"]["body"]


# --- the scheduled workflow and its script, against a recording `gh` -------------------------------


def run_issue_script(root: Path, state: Path, bin_dir: Path, today: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FAKE_GH_STATE": str(state),
           "PATH": os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), os.environ["PATH"]])}
    return subprocess.run(["bash", str(ISSUE_SCRIPT), "--catalogue", str(root), "--today", today],
                          env=env, capture_output=True, text=True, cwd=root.parent)


@pytest.fixture
def fake_gh(tmp_path) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} {shlex.quote(str(FAKE_GH))} "$@"\n')
    gh.chmod(0o755)
    return bin_dir


def host_issues(state: Path) -> dict[str, dict]:
    return {issue["labels"][0].removeprefix("granskning-"): issue
            for issue in json.loads(state.read_text(encoding="utf-8"))["issues"]}


def calls(state: Path) -> list[list[str]]:
    return json.loads(state.read_text(encoding="utf-8"))["calls"]


def test_the_script_keeps_one_issue_per_owner_updated_in_place_and_closes_it_when_all_is_reviewed(tmp_path, fake_gh):
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    state = tmp_path / "host.json"

    first = run_issue_script(root, state, fake_gh, "2026-11-22")
    assert first.returncode == 0, first.stderr
    due = due_statuses(root)
    opened = host_issues(state)
    assert set(opened) == set(due) and all(issue["state"] == "OPEN" for issue in opened.values())
    assert "@haninge-etablering" in opened["haninge"]["body"]
    numbers = {slug: issue["number"] for slug, issue in opened.items()}

    # The editor confirms Haninge's one due entry; the next run closes Haninge's issue and creates nothing.
    [entry] = due["haninge"].overdue + due["haninge"].due_soon
    confirmed = CliRunner().invoke(cli, ["reviewed", str(root / f"{entry.id}.yml"), "--by", "Enhetschef",
                                         "--today", "2026-11-22"])
    assert confirmed.exit_code == 0, confirmed.output
    before = len(calls(state))
    second = run_issue_script(root, state, fake_gh, "2026-11-22")
    assert second.returncode == 0, second.stderr
    after = host_issues(state)
    assert {slug: issue["number"] for slug, issue in after.items()} == numbers
    assert after["haninge"]["state"] == "CLOSED" and "Inga insatser hos Haninge kommun" in after["haninge"]["body"]
    assert all(after[slug]["state"] == "OPEN" for slug in numbers if slug != "haninge")
    second_calls = calls(state)[before:]
    assert not [call for call in second_calls if call[:2] == ["issue", "create"]]
    assert ["issue", "close", str(numbers["haninge"])] in second_calls

    # A year on, Haninge's entry is due again: the same issue is reopened, not a new one.
    third = run_issue_script(root, state, fake_gh, "2027-11-23")
    assert third.returncode == 0, third.stderr
    later = host_issues(state)
    assert later["haninge"]["number"] == numbers["haninge"] and later["haninge"]["state"] == "OPEN"
    assert {slug for slug, issue in later.items() if issue["state"] == "OPEN"} == set(
        due_statuses(root, today=date(2027, 11, 23)))


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def test_workflow_runs_weekly_and_on_demand_with_only_issue_rights_in_swedish_time(workflow):
    [schedule] = workflow["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday not in ("*", "") and hour.isdigit()
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"issues": "write", "contents": "read"}
    assert workflow["env"]["TZ"] == "Europe/Stockholm"


def test_workflow_and_script_never_pin_the_date():
    for path in (WORKFLOW, ISSUE_SCRIPT):
        assert "--today" not in path.read_text(encoding="utf-8"), path


def test_workflow_sends_e_mail_only_when_smtp_secrets_are_set(workflow):
    job = workflow["jobs"]["email"]
    assert job["env"] == {f"INSATSBAS_SMTP_{name}": f"${{{{ secrets.INSATSBAS_SMTP_{name} }}}}"
                          for name in SMTP_VARIABLES}
    runs = [step for step in job["steps"] if step.get("run", "").startswith("insatsbas ")]
    assert [step["run"] for step in runs] == ["insatsbas remind"]
    assert all(step.get("if") == "env.INSATSBAS_SMTP_HOST != ''" for step in job["steps"][1:])


def test_workflow_keeps_the_issues_with_the_hosts_cli_through_the_tested_script(workflow):
    job = workflow["jobs"]["issues"]
    assert job["env"]["GH_TOKEN"] == "${{ github.token }}"
    [script_step] = [step for step in job["steps"] if "review-issues.sh" in step.get("run", "")]
    assert script_step["run"] == f"bash {ISSUE_SCRIPT.relative_to(REPO)}"
    script = ISSUE_SCRIPT.read_text(encoding="utf-8")
    assert 'insatsbas remind --issues "$@"' in script
    assert all(command in script for command in ("gh issue list", "gh issue create", "gh issue edit",
                                                 "gh issue close", "gh issue reopen"))


def test_every_insatsbas_command_in_the_workflow_exists(workflow):
    commands = [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
                if step.get("run", "").startswith("insatsbas ")]
    commands.append("insatsbas remind --issues")
    for command in commands:
        result = CliRunner().invoke(cli, [*shlex.split(command)[1:], "--help"])
        assert result.exit_code == 0, (command, result.output)


def test_days_are_written_as_words_near_the_due_date_and_singular_for_one(make_catalogue, tmp_path):
    root = make_catalogue({
        "huddinge/igar.yml": reviewed("2025-11-21", "Förfallen i går"),        # due 2026-11-21
        "huddinge/idag.yml": reviewed("2025-11-22", "Förfaller i dag"),        # due 2026-11-22
        "huddinge/imorgon.yml": reviewed("2025-11-23", "Förfaller i morgon"),  # due 2026-11-23
    })
    assert remind("--catalogue", str(root), "--dry-run", "--out", str(tmp_path / "eml")).exit_code == 0
    message = parse((tmp_path / "eml" / "huddinge.eml").read_bytes())
    body = text_of(message)
    assert "* Förfallen i går\n  Skulle ha granskats senast 21 november 2026, i går.\n" in body
    assert "* Förfaller i dag\n  Ska granskas senast 22 november 2026, i dag.\n" in body
    assert "* Förfaller i morgon\n  Ska granskas senast 23 november 2026, i morgon.\n" in body
    assert "Huddinge kommun har 3 insatser på webbplatsen." in body
    assert message["Subject"] == "Insatsbas: 3 insatser hos Huddinge kommun behöver granskas"


def test_one_entry_is_written_in_the_singular(make_catalogue, tmp_path):
    root = make_catalogue({"huddinge/en.yml": reviewed("2025-01-31")})
    assert remind("--catalogue", str(root), "--dry-run", "--out", str(tmp_path / "eml")).exit_code == 0
    message = parse((tmp_path / "eml" / "huddinge.eml").read_bytes())
    assert message["Subject"] == "Insatsbas: 1 insats hos Huddinge kommun behöver granskas"
    body = text_of(message)
    assert "Huddinge kommun har 1 insats på webbplatsen." in body and "Nu behöver 1 insats granskas." in body
    assert "Varje insats ska granskas en gång om året" in body
