"""Reminders to owners whose entries are due for review: an e-mail to the owner's contact address over
SMTP, or the body of one issue per owner on the git host.

The text is Swedish, from the templates in insatsbas/editing/templates/reminder/, for a municipal editor who knows
e-mail and a web form but not git. Which entries are due comes from review.review_status, so a reminder
never disagrees with `insatsbas review-status --within`.

SMTP settings come from the environment (never from the repository):
INSATSBAS_SMTP_HOST, INSATSBAS_SMTP_PORT, INSATSBAS_SMTP_SECURITY (starttls, ssl or none),
INSATSBAS_SMTP_USER, INSATSBAS_SMTP_PASSWORD and INSATSBAS_SMTP_FROM.
"""

from __future__ import annotations

import re
import shlex
import smtplib
import ssl
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, getaddresses, make_msgid
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined

from insatsbas.editing.review import OwnerStatus, ReviewEntry, review_status
from insatsbas.i18n import N_
from insatsbas.model import Catalogue, Coordinator, Owner, Region
from insatsbas.urls import intervention_path

DEFAULT_WITHIN = 30
EDITOR_PATH = "/redigera/"
ISSUE_LABEL_PREFIX = "granskning-"
SMTP_VARIABLES = ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "FROM")  # each INSATSBAS_SMTP_<name>
SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
SMTP_TIMEOUT_SECONDS = 60


# --- what is due, per owner ---------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """One entry as the reminder shows it. `days` counts days overdue, or days left when not yet due."""

    id: str
    title: str
    file: str
    due: date
    days: int
    reviewed_by: str
    page_url: str | None

    @property
    def confirm_command(self) -> str:
        return f"insatsbas reviewed {shlex.quote(self.file)} --by {shell_words(self.reviewed_by)}"


@dataclass(frozen=True)
class Reminder:
    owner: Owner
    published_entries: int
    overdue: tuple[DueItem, ...]
    due_soon: tuple[DueItem, ...]

    @property
    def has_due(self) -> bool:
        return bool(self.overdue or self.due_soon)


@dataclass(frozen=True)
class ReminderSettings:
    """What every reminder shares: the date, the horizon, the coordinators and where the site is."""

    today: date
    within: int
    coordinators: tuple[Coordinator, ...]
    catalogue_folder: str
    region: Region
    site_url: str | None = None

    @property
    def editor_url(self) -> str | None:
        return self.site_url + EDITOR_PATH if self.site_url else None


def reminder_settings(catalogue: Catalogue, catalogue_dir: Path, today: date, within: int = DEFAULT_WITHIN,
                      site_url: str | None = None) -> ReminderSettings:
    """`site_url` (the option or the environment's) before the one region.yml gives, if any."""
    site_url = site_url or catalogue.region.site_url
    return ReminderSettings(today=today, within=within, coordinators=tuple(catalogue.coordinators),
                            catalogue_folder=catalogue_dir.resolve().name, region=catalogue.region,
                            site_url=site_url.rstrip("/") if site_url else None)


def reminders(catalogue: Catalogue, settings: ReminderSettings, owner: str | None = None) -> list[Reminder]:
    """One reminder per owner (or the one asked for), whether or not anything is due."""
    return [reminder_for(status, settings)
            for status in review_status(catalogue, settings.today, owner, within=settings.within)]


def reminder_for(status: OwnerStatus, settings: ReminderSettings) -> Reminder:
    def item(entry: ReviewEntry, days: int) -> DueItem:
        return DueItem(
            id=entry.id, title=entry.title, due=entry.due, days=days, reviewed_by=entry.reviewed_by,
            file=f"{settings.catalogue_folder}/{status.owner.slug}/{Path(entry.source).name}",
            page_url=settings.site_url + intervention_path(entry.id) if settings.site_url else None,
        )

    return Reminder(
        owner=status.owner, published_entries=status.entries,
        overdue=tuple(item(e, e.days_overdue) for e in status.overdue),
        due_soon=tuple(item(e, e.days_left) for e in status.due_soon),
    )


def shell_words(text: str) -> str:
    """Text as one shell word: in double quotes when that needs no escapes (easier to read and to retype)."""
    return f'"{text}"' if re.fullmatch(r'[^"$`\\!]*', text) else shlex.quote(text)


# --- the text ------------------------------------------------------------------------------------


def markdown_text(text: str) -> str:
    """Text that Markdown shows as typed: no emphasis, links, HTML or @-mentions from an entry's title."""
    return re.sub(r"([\\`*_\[\]<>#|@~])", r"\\\1", text)


def long_date(day: date) -> str:
    return format_date(day, "d MMMM y", locale="sv")


def templates() -> Environment:
    environment = Environment(loader=PackageLoader("insatsbas.editing", "templates"), autoescape=False,
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)
    environment.filters.update(long_date=long_date, md=markdown_text)
    return environment


def render(template: str, reminder: Reminder, settings: ReminderSettings) -> str:
    return templates().get_template(f"reminder/{template}").render(
        reminder=reminder, owner=reminder.owner, settings=settings, today=settings.today, within=settings.within,
    )


def subject(reminder: Reminder, settings: ReminderSettings) -> str:
    return render("subject.txt", reminder, settings).strip()


# --- e-mail --------------------------------------------------------------------------------------


def email_message(reminder: Reminder, settings: ReminderSettings, sender: str) -> EmailMessage:
    """The reminder as an e-mail to the owner's contact address; replies go to the coordinators."""
    message = EmailMessage()
    message["Subject"] = subject(reminder, settings)
    message["From"] = sender
    message["To"] = Address(display_name=reminder.owner.name, addr_spec=reminder.owner.contact)
    if settings.coordinators:
        message["Reply-To"] = [Address(display_name=c.role, addr_spec=c.email) for c in settings.coordinators]
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender_domain(sender))
    # Quoted-printable keeps the Swedish text 7-bit clean for any mail server and readable in the raw file.
    message.set_content(render("email.txt", reminder, settings), charset="utf-8", cte="quoted-printable")
    return message


def sender_domain(sender: str) -> str | None:
    addresses = getaddresses([sender])
    return addresses[0][1].rpartition("@")[2] or None if addresses else None


def preview_sender(environ: Mapping[str, str], settings: ReminderSettings) -> str:
    """The sender a dry run shows: the configured one, or else the first coordinator's address."""
    configured = (environ.get("INSATSBAS_SMTP_FROM") or "").strip()
    if configured:
        return configured
    return str(Address("Insatsbas", addr_spec=settings.coordinators[0].email)) if settings.coordinators else "insatsbas"


def email_messages(due: Iterable[Reminder], settings: ReminderSettings,
                   sender: str) -> list[tuple[Reminder, EmailMessage]]:
    return [(reminder, email_message(reminder, settings, sender)) for reminder in due]


def eml_bytes(message: EmailMessage) -> bytes:
    return message.as_bytes(policy=SMTP_POLICY)


def write_eml_files(pairs: Iterable[tuple[Reminder, EmailMessage]], out: Path, stale: Iterable[Owner]) -> list[Path]:
    """Write OUT/<owner>.eml per message; remove an earlier run's file for an owner with nothing due now."""
    out.mkdir(parents=True, exist_ok=True)
    for owner in stale:
        (out / f"{owner.slug}.eml").unlink(missing_ok=True)
    written = []
    for reminder, message in pairs:
        path = out / f"{reminder.owner.slug}.eml"
        path.write_bytes(eml_bytes(message))
        written.append(path)
    return written


class SmtpSettingsInvalid(ValueError):
    """The environment does not say how to send. `message` is a Swedish message id."""

    def __init__(self, message: str, **params: object):
        super().__init__(message.format(**params))
        self.message = message
        self.params = params


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str
    sender: str
    user: str | None = None
    password: str | None = None


def smtp_settings(environ: Mapping[str, str]) -> SmtpSettings:
    """The SMTP settings from INSATSBAS_SMTP_* variables, or SmtpSettingsInvalid naming what is missing."""
    def value(name: str) -> str | None:
        return (environ.get(f"INSATSBAS_SMTP_{name}") or "").strip() or None

    missing = [f"INSATSBAS_SMTP_{name}" for name in ("HOST", "FROM") if not value(name)]
    if missing:
        raise SmtpSettingsInvalid(N_("Ange {names} i miljön för att kunna skicka e-post, eller använd --dry-run."),
                                  names=", ".join(missing))
    security = (value("SECURITY") or "starttls").lower()
    if security not in SECURITY_MODES:
        raise SmtpSettingsInvalid(N_("INSATSBAS_SMTP_SECURITY ska vara {allowed}, inte «{value}»."),
                                  allowed=", ".join(SECURITY_MODES), value=security)
    port = value("PORT") or str(DEFAULT_PORTS[security])
    if not port.isdigit():
        raise SmtpSettingsInvalid(N_("INSATSBAS_SMTP_PORT ska vara ett portnummer, inte «{value}»."), value=port)
    user, password = value("USER"), environ.get("INSATSBAS_SMTP_PASSWORD") or None
    if bool(user) != bool(password):
        raise SmtpSettingsInvalid(N_("Ange både INSATSBAS_SMTP_USER och INSATSBAS_SMTP_PASSWORD, eller ingen av dem."))
    if not f"{user or ''}{password or ''}".isascii():
        # Python's smtplib encodes the login as ASCII and would fail in the middle of sending.
        raise SmtpSettingsInvalid(N_("INSATSBAS_SMTP_USER och INSATSBAS_SMTP_PASSWORD får inte innehålla å, ä, ö "
                                     "eller andra tecken utanför ASCII. Byt lösenordet för e-postkontot."))
    return SmtpSettings(host=value("HOST"), port=int(port), security=security, sender=value("FROM"),
                        user=user, password=password)


@dataclass(frozen=True)
class Delivery:
    owner: Owner
    error: str | None = None

    @property
    def sent(self) -> bool:
        return self.error is None


def send_reminders(pairs: list[tuple[Reminder, EmailMessage]], settings: SmtpSettings) -> list[Delivery]:
    """Send every message over one connection. A message the server refuses fails alone; when the server
    cannot be reached or refuses the login, every message not yet sent fails with that reason."""
    deliveries: list[Delivery] = []
    try:
        connection = open_connection(settings)
    except (OSError, smtplib.SMTPException) as error:
        return [Delivery(reminder.owner, describe(error)) for reminder, _ in pairs]
    with connection:
        for reminder, message in pairs:
            try:
                connection.send_message(message)
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as refused:
                deliveries.append(Delivery(reminder.owner, describe(refused)))
                continue
            except (OSError, smtplib.SMTPException) as error:
                failed = [Delivery(r.owner, describe(error)) for r, _ in pairs[len(deliveries):]]
                return deliveries + failed
            deliveries.append(Delivery(reminder.owner))
    return deliveries


def open_connection(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        connection: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=SMTP_TIMEOUT_SECONDS,
                                                    context=ssl.create_default_context())
    else:
        connection = smtplib.SMTP(settings.host, settings.port, timeout=SMTP_TIMEOUT_SECONDS)
    try:
        if settings.security == "starttls":
            connection.starttls(context=ssl.create_default_context())
        if settings.user:
            connection.login(settings.user, settings.password or "")
    except BaseException:
        connection.close()
        raise
    return connection


def describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{address}: {code} {reply.decode(errors='replace')}"
                         for address, (code, reply) in error.recipients.items())
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else error.smtp_error
        return f"{error.smtp_code} {reply}"
    return str(error) or type(error).__name__


# --- issues on the git host ----------------------------------------------------------------------


def issue_payload(reminder: Reminder, settings: ReminderSettings) -> dict[str, Any]:
    """What the scheduled workflow needs to keep one issue per owner: found by its label (and the marker at
    the top of its body), open with the due entries, closed when nothing is due."""
    owner = reminder.owner
    return {
        "owner": owner.slug,
        "name": owner.name,
        "label": ISSUE_LABEL_PREFIX + owner.slug,
        "marker": issue_marker(owner),
        "state": "open" if reminder.has_due else "closed",
        "title": render("issue-title.txt", reminder, settings).strip(),
        "body": render("issue.md" if reminder.has_due else "issue-closed.md", reminder, settings),
        "editors": list(owner.editors),
        "overdue": [item.id for item in reminder.overdue],
        "due_soon": [item.id for item in reminder.due_soon],
    }


def issue_marker(owner: Owner) -> str:
    return f"<!-- insatsbas-granskning:{owner.slug} -->"


def issues_json(all_reminders: list[Reminder], settings: ReminderSettings) -> dict[str, Any]:
    return {
        "today": settings.today.isoformat(),
        "within": settings.within,
        "issues": [issue_payload(reminder, settings) for reminder in all_reminders],
    }
