"""The `insatsbas` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO

import click

from insatsbas import __version__
from insatsbas.build import DEFAULT_CATALOGUE, DEFAULT_OUTPUT, build
from insatsbas.editing.authoring import (
    NewEntryRefused,
    VocabulariesInvalid,
    entry_schema_is_current,
    new_entry,
    schema_path,
    write_entry_schema,
)
from insatsbas.editing.confirm import RoleRefused, checked_role, confirm_files
from insatsbas.editing.owners import GitError, RulesUnreadable, check_ownership, write_codeowners
from insatsbas.editing.remind import (
    DEFAULT_WITHIN,
    SmtpSettingsInvalid,
    email_messages,
    eml_bytes,
    issues_json,
    preview_sender,
    reminder_settings,
    reminders,
    send_reminders,
    smtp_settings,
    write_eml_files,
)
from insatsbas.editing.review import as_json as review_as_json
from insatsbas.editing.review import review_lines, review_status
from insatsbas.editing.validation import (
    SelectionRefused,
    annotation,
    append_job_summary,
    repository_root,
    summary,
    validate_catalogue,
)
from insatsbas.hsds.export import write_hsds
from insatsbas.hsds.importer import HsdsImportError, import_hsds, render_report
from insatsbas.i18n import N_, available_languages, translate
from insatsbas.progress import Progress
from insatsbas.reader import load_catalogue, read_catalogue
from insatsbas.sources.files import display_path
from insatsbas.sources.problems import CatalogueInvalid, Problem, sort_problems

# --- how a command fails ---------------------------------------------------------------------------------


class Refused(click.ClickException):
    """A command that could not do what was asked. It shows its problems (errors on standard error, warnings
    on standard output), then its lines on standard error, in the language chosen with --lang, and exits
    with `exit_code`: 1 when the input is invalid, 2 when the command was asked for what it cannot do."""

    def __init__(self, *lines: str, problems: Sequence[Problem] = (), lang: str = "sv", exit_code: int = 1):
        super().__init__("\n".join(lines))
        self.lines, self.problems, self.lang, self.exit_code = lines, list(problems), lang, exit_code

    def show(self, file: IO[str] | None = None) -> None:
        for problem in sort_problems(self.problems):
            click.echo(problem.render(self.lang), err=problem.is_error)
        for line in self.lines:
            click.echo(line, err=True)


class CatalogueErrors(Refused):
    """Files with errors: every problem, a count of errors and warnings, and then `after`."""

    def __init__(self, problems: Sequence[Problem], lang: str, *after: str):
        errors = sum(p.is_error for p in problems)
        count = translate(N_("{errors} fel och {warnings} varningar. Rätta felen och kör igen."), lang,
                          errors=errors, warnings=len(problems) - errors)
        super().__init__(count, *after, problems=problems, lang=lang)


catalogue_option = click.option(
    "--catalogue", "catalogue_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_CATALOGUE,
    show_default=True, help="Katalogmappen (catalogue folder).",
)
lang_option = click.option(
    "--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
    help="Språk för meddelanden (language of messages).",
)
today_option = click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
    help="Räkna som om det vore detta datum, ÅÅÅÅ-MM-DD (for reproducible checks).",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="Visa inga förlopp (no progress output).")
templates_option = click.option(
    "--templates", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Regionens egna mallar, som ersätter paketets med samma namn (default: templates/ beside the catalogue).",
)
pages_option = click.option(
    "--pages", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Regionens egna sidor, som ersätter paketets med samma namn (default: pages/ beside the catalogue).",
)


def as_date(value) -> date | None:
    return value.date() if value else None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="insatsbas")
def cli() -> None:
    """Insatsbas: en katalog över insatser för nyanlända (a catalogue of services for newcomers)."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--owner", default=None, help="Bara denna ägares mapp (only this owner's folder).")
@click.option("--format", "output_format", type=click.Choice(["text", "github"]), default="text", show_default=True,
              help="github: som anteckningar på en pull request och en sammanfattning för jobbet.")
@catalogue_option
@lang_option
@today_option
def validate(paths: tuple[Path, ...], owner: str | None, output_format: str, catalogue_dir: Path, lang: str,
             today) -> None:
    """Kontrollera katalogen, eller bara PATHS (filer eller mappar) eller en ägare (check the catalogue)."""
    try:
        result = validate_catalogue(catalogue_dir, paths=paths, owner=owner, today=as_date(today))
    except SelectionRefused as refused:
        raise Refused(refused.reason.text(lang), exit_code=2) from None
    if output_format == "github":
        root = repository_root(catalogue_dir)
        for problem in result.problems:
            click.echo(annotation(problem, root, lang))
        append_job_summary(result, catalogue_dir, lang)
    else:
        for problem in result.problems:
            click.echo(problem.render(lang), err=problem.is_error)
    if not result.ok:
        raise Refused(summary(result, lang))
    click.echo(summary(result, lang))


@cli.command("build")
@catalogue_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Mappen som byggs (output folder).")
@lang_option
@today_option
@quiet_option
@click.option("--full", is_flag=True, help="Bygg allt, återanvänd inget från förra bygget (rebuild everything).")
@click.option("--editor-repo", envvar="INSATSBAS_EDITOR_REPO", default=None, metavar="OWNER/REPO",
              help="Bygg webbredigeraren på /redigera/ för detta GitHub-repo (the web editor, via pull requests).")
@click.option("--editor-auth-url", envvar="INSATSBAS_EDITOR_AUTH_URL", default=None,
              help="OAuth-tjänsten för inloggning med GitHub (Decap's base_url; default: Decap's own).")
@templates_option
@pages_option
def build_command(catalogue_dir: Path, out: Path, lang: str, today, quiet: bool, full: bool,
                  editor_repo: str | None, editor_auth_url: str | None, templates: Path | None,
                  pages: Path | None) -> None:
    """Validera och bygg databasen och webbplatsen (validate, then build)."""
    from insatsbas.editor import PublishedEditor

    progress = Progress(enabled=False if quiet else None)
    editor = PublishedEditor(editor_repo, auth_url=editor_auth_url) if editor_repo else None
    try:
        result = build(catalogue_dir, out, progress=progress, today=as_date(today), full=full, editor=editor,
                       templates=templates, pages=pages)
    except CatalogueInvalid as invalid:
        raise CatalogueErrors(invalid.problems, lang, translate(N_("Inget byggdes; {out} är orörd."), lang, out=out)) \
            from None
    for leftover in result.removed_leftovers:
        click.echo(translate(N_("Tog bort {path}, som ett avbrutet bygge lämnat kvar."), lang, path=leftover), err=True)
    if result.editor_unavailable is not None:
        unavailable = result.editor_unavailable
        click.echo(translate(N_("Webbredigeraren togs inte med i bygget."), lang) + " "
                   + translate(unavailable.message, lang, path=unavailable.missing), err=True)
    elif result.editor is not None and not quiet:
        click.echo(translate(N_("Webbredigeraren: /redigera/ i {out}, för {repo} (varje ändring blir en pull request)."),
                             lang, out=out, repo=editor_repo))
    if not quiet:
        click.echo(translate(N_("Byggt: {entries} insatser i {out} ({warnings} varningar)."), lang,
                             entries=len(result.catalogue.interventions), out=out, warnings=len(result.warnings)))
        if result.incremental:
            click.echo(translate(N_("Sidor: {rendered} renderade, {reused} återanvända från förra bygget."), lang,
                                 rendered=result.pages_rendered, reused=result.pages_reused))


@cli.command("rollback")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Mappen som visas (output folder).")
@lang_option
def rollback_command(out: Path, lang: str) -> None:
    """Visa förra bygget igen, i ett steg (switch the output back to the previous build)."""
    from insatsbas.staging import NothingToRollBack, rollback

    try:
        build_folder = rollback(out)
    except NothingToRollBack:
        raise Refused(translate(N_("Det finns inget tidigare bygge av {out} att gå tillbaka till."), lang, out=out),
                      exit_code=2) from None
    click.echo(translate(N_("{out} visar nu det förra bygget ({build}). Kör rollback igen för att ångra."), lang,
                         out=out, build=build_folder.name))


@cli.command()
@catalogue_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, help="Datasette.")
@click.option("--site-port", default=8000, show_default=True, help="Webbplatsen (the static site).")
@templates_option
@pages_option
def serve(catalogue_dir: Path, out: Path, host: str, port: int, site_port: int, templates: Path | None,
          pages: Path | None) -> None:
    """Bygg katalogen och visa webbplatsen och databasen (build, then serve the site and Datasette)."""
    from insatsbas.serve import serve_output

    try:
        result = build(catalogue_dir, out, progress=Progress(), templates=templates, pages=pages)
    except CatalogueInvalid as invalid:
        raise Refused(problems=invalid.problems) from None
    serve_output(out, host=host, datasette_port=port, site_port=site_port, region=result.catalogue.region)

# --- editors: ownership, freshness, help while typing --------------------------------------------


@cli.group()
def owners() -> None:
    """Vem som får ändra vad (who may change what)."""


@owners.command("check")
@catalogue_option
@click.option("--base", required=True, help="Revisionen ändringarna görs mot (base revision).")
@click.option("--head", default="HEAD", show_default=True, help="Revisionen med ändringarna (head revision).")
@click.option("--editor", required=True, help="Redaktörens användarnamn i git (git host handle).")
@lang_option
def owners_check(catalogue_dir: Path, base: str, head: str, editor: str, lang: str) -> None:
    """Kontrollera att redaktören bara ändrar sin egen organisations filer (exit 1 otherwise)."""
    try:
        check = check_ownership(catalogue_dir, editor, base, head)
    except GitError as error:
        raise Refused(translate(N_("git kunde inte jämföra {base} och {head}: {detail}"), lang,
                                base=base, head=head, detail=error.detail), exit_code=2) from None
    except RulesUnreadable as unreadable:
        raise Refused(translate(N_("owners.yml i {base} går inte att läsa; ingen ändring kan godkännas."), lang,
                                base=base), problems=unreadable.problems, lang=lang, exit_code=2) from None
    if not check.accepted:
        raise Refused(*(refusal.render(lang) for refusal in check.refusals),
                      translate(N_("Ändringarna godkänns inte för {editor}. Be en behörig redaktör eller en samordnare "
                                   "om hjälp, eller ta bort ändringarna av filerna ovan."), lang, editor=editor))
    click.echo(translate(N_("{editor} får ändra alla {count} ändrade filer."), lang,
                         editor=editor, count=len(check.paths)))


@owners.command("codeowners")
@catalogue_option
@lang_option
def owners_codeowners(catalogue_dir: Path, lang: str) -> None:
    """Skriv .github/CODEOWNERS från owners.yml (write CODEOWNERS)."""
    try:
        path = write_codeowners(catalogue_dir)
    except RulesUnreadable as unreadable:
        raise Refused(problems=unreadable.problems, lang=lang) from None
    click.echo(translate(N_("Skrev {path}."), lang, path=display_path(catalogue_dir, path)))


@cli.command("review-status")
@catalogue_option
@click.option("--owner", default=None, help="Bara denna ägare (owner folder).")
@today_option
@click.option("--within", "within", type=click.IntRange(min=0), default=None, metavar="DAGAR",
              help="Visa också insatser som ska granskas inom så många dagar (also entries due within DAYS).")
@click.option("--json", "as_json", is_flag=True, help="Skriv JSON (for machines).")
@lang_option
def review_status_command(catalogue_dir: Path, owner: str | None, today, within: int | None, as_json: bool,
                          lang: str) -> None:
    """Insatser som har passerat sitt granskningsdatum, per ägare (always exit 0 when readable)."""
    day = as_date(today) or date.today()
    catalogue = readable_catalogue(catalogue_dir, day, lang)
    check_owner(catalogue, owner, lang)
    statuses = review_status(catalogue, day, owner, within)
    if as_json:
        click.echo(json.dumps(review_as_json(statuses, day, within), ensure_ascii=False, indent=2))
        return
    for line in review_lines(statuses, day, lang, always_show=owner is not None, within=within):
        click.echo(line)


def readable_catalogue(catalogue_dir: Path, day: date, lang: str):
    """The catalogue checked as of `day` (warnings allowed); its errors refuse the command."""
    result = read_catalogue(catalogue_dir, today=day)
    if result.catalogue is None:
        raise CatalogueErrors(result.errors, lang)
    return result.catalogue


def check_owner(catalogue, owner: str | None, lang: str) -> None:
    if owner is not None and owner not in catalogue.owners:
        raise click.BadParameter(translate(N_("Ägaren «{owner}» finns inte i owners.yml."), lang, owner=owner),
                                 param_hint="--owner")


@cli.command("reviewed")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--by", "role", required=True, metavar="ROLL",
              help="Rollen som granskade, till exempel \"Enhetschef\", aldrig ett namn (the reviewer's role).")
@today_option
@lang_option
def reviewed_command(files: tuple[Path, ...], role: str, today, lang: str) -> None:
    """Bekräfta att insatserna stämmer: sätt last_reviewed och reviewed_by, ändra inget annat i filerna."""
    try:
        role = checked_role(role)
    except RoleRefused as refused:
        raise click.BadParameter(translate(refused.message, lang), param_hint="--by") from None
    day = as_date(today) or date.today()
    result = confirm_files(list(files), role, day)
    for confirmation in result.confirmed:
        click.echo(translate(N_("{path}: bekräftad, granskad {date} av {role}."), lang,
                             path=confirmation.path, date=day.isoformat(), role=role))
    if result.refused:
        raise Refused(translate(N_("{count} filer ändrades inte. Rätta det som står ovan och kör kommandot igen för "
                                   "dem."), lang, count=len(result.refused)), problems=result.refused, lang=lang)


@cli.command("remind")
@catalogue_option
@today_option
@click.option("--within", type=click.IntRange(min=0), default=DEFAULT_WITHIN, show_default=True, metavar="DAGAR",
              help="Påminn också om insatser som ska granskas inom så många dagar (also entries due within DAYS).")
@click.option("--owner", default=None, help="Bara denna ägare (owner folder).")
@click.option("--site-url", envvar="INSATSBAS_SITE_URL", default=None, metavar="URL",
              help="Webbplatsens adress, för länkar till insatserna och webbredigeraren (env INSATSBAS_SITE_URL).")
@click.option("--dry-run", is_flag=True, help="Skicka inget: visa meddelandena, eller skriv dem till --out.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Med --dry-run: skriv ett .eml-meddelande per ägare i mappen (one .eml per owner).")
@click.option("--issues", is_flag=True,
              help="Skicka inget: skriv ett ärende per ägare som JSON, för arbetsflödet på git-värden (issue bodies).")
@lang_option
def remind_command(catalogue_dir: Path, today, within: int, owner: str | None, site_url: str | None, dry_run: bool,
                   out: Path | None, issues: bool, lang: str) -> None:
    """Påminn ägare om insatser som ska granskas: e-post över SMTP (INSATSBAS_SMTP_*), eller ärenden som JSON."""
    if out is not None and not dry_run:
        raise click.UsageError(translate(N_("--out används bara tillsammans med --dry-run."), lang))
    if issues and dry_run:
        raise click.UsageError(translate(N_("Välj antingen --issues eller --dry-run."), lang))
    day = as_date(today) or date.today()
    catalogue = readable_catalogue(catalogue_dir, day, lang)
    check_owner(catalogue, owner, lang)
    settings = reminder_settings(catalogue, catalogue_dir, day, within, site_url)
    every = reminders(catalogue, settings, owner)
    if issues:
        click.echo(json.dumps(issues_json(every, settings), ensure_ascii=False, indent=2))
        return
    due = [reminder for reminder in every if reminder.has_due]
    if dry_run:
        preview_reminders(due, [r.owner for r in every if not r.has_due], settings, out, lang)
    else:
        send_reminder_emails(due, settings, lang)
    if not due:
        click.echo(translate(N_("Ingen insats behöver granskas inom {within} dagar. Ingen påminnelse behövs."), lang,
                             within=within))


def preview_reminders(due: list, nothing_due: list, settings, out: Path | None, lang: str) -> None:
    pairs = email_messages(due, settings, preview_sender(os.environ, settings))
    if out is None:
        for _, message in pairs:
            click.echo(eml_bytes(message).decode("ascii"))
        return
    for (reminder, _), path in zip(pairs, write_eml_files(pairs, out, nothing_due), strict=True):
        click.echo(translate(N_("Skrev {path}: påminnelsen till {name} <{address}>. Inget skickades."), lang,
                             path=path, name=reminder.owner.name, address=reminder.owner.contact))


def send_reminder_emails(due: list, settings, lang: str) -> None:
    try:
        smtp = smtp_settings(os.environ)
    except SmtpSettingsInvalid as invalid:
        raise Refused(translate(invalid.message, lang, **invalid.params), exit_code=2) from None
    deliveries = send_reminders(email_messages(due, settings, smtp.sender), smtp)
    for delivery, reminder in zip(deliveries, due, strict=True):
        if delivery.sent:
            click.echo(translate(N_("Skickade påminnelsen till {name} <{address}>: {overdue} försenade, {soon} inom "
                                    "{within} dagar."), lang, name=reminder.owner.name, address=reminder.owner.contact,
                                 overdue=len(reminder.overdue), soon=len(reminder.due_soon), within=settings.within))
        else:
            click.echo(translate(N_("Påminnelsen till {name} ({owner}, {address}) kunde inte skickas: {detail}"), lang,
                                 name=reminder.owner.name, owner=reminder.owner.slug, address=reminder.owner.contact,
                                 detail=delivery.error), err=True)
    failed = [delivery.owner.slug for delivery in deliveries if not delivery.sent]
    if failed:
        raise Refused(translate(N_("{count} påminnelser skickades inte: {owners}. Kör kommandot igen med --owner för "
                                   "var och en när felet är rättat."), lang, count=len(failed), owners=", ".join(failed)))


@cli.command("schema")
@catalogue_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Filen som skrivs (default: schema/insats.schema.json beside the catalogue).")
@click.option("--check", is_flag=True, help="Skriv inget; exit 1 om filen inte är aktuell (only check).")
@lang_option
def schema_command(catalogue_dir: Path, out: Path | None, check: bool, lang: str) -> None:
    """Skriv JSON Schema för en insats, för redigerare med YAML-stöd (write the entry JSON Schema)."""
    target = out or schema_path(catalogue_dir)
    shown = display_path(catalogue_dir, target)
    try:
        if check:
            if not entry_schema_is_current(catalogue_dir, target):
                raise Refused(translate(N_("{path} är inte aktuell. Kör `insatsbas schema` och checka in filen."),
                                        lang, path=shown))
            click.echo(translate(N_("{path} är aktuell."), lang, path=shown))
            return
        write_entry_schema(catalogue_dir, target)
    except VocabulariesInvalid as invalid:
        raise Refused(problems=invalid.problems, lang=lang) from None
    click.echo(translate(N_("Skrev {path}."), lang, path=shown))


@cli.command("new")
@catalogue_option
@click.argument("owner")
@click.argument("title")
@today_option
@lang_option
def new_command(catalogue_dir: Path, owner: str, title: str, today, lang: str) -> None:
    """Skapa en ny insats OWNER "Titel" från en mall (write a new entry from a template)."""
    try:
        path = new_entry(catalogue_dir, owner, title, as_date(today))
    except NewEntryRefused as refused:
        raise Refused(refused.reason.text(lang)) from None
    except RulesUnreadable as unreadable:
        raise Refused(problems=unreadable.problems, lang=lang) from None
    click.echo(translate(N_("Skrev {path}. Fyll i fälten och kör `insatsbas validate`."), lang,
                         path=display_path(catalogue_dir, path)))


@cli.command("format")
@catalogue_option
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--check", is_flag=True, help="Ändra inget; exit 1 om en fil inte är i katalogens form (only check).")
@lang_option
def format_command(catalogue_dir: Path, paths: tuple[Path, ...], check: bool, lang: str) -> None:
    """Skriv insatsfiler i katalogens form, som webbredigeraren skriver dem (rewrite entries canonically)."""
    from insatsbas.editing.formatting import Outcome, format_entries

    try:
        report = format_entries(catalogue_dir, paths, check=check)
    except VocabulariesInvalid as invalid:
        raise Refused(problems=invalid.problems, lang=lang) from None
    unreadable = report.with_outcome(Outcome.UNREADABLE)
    rewritten = report.with_outcome(Outcome.REWRITTEN)

    # The unreadable files' problems come first; the command fails at the end.
    Refused(problems=[f.problem for f in unreadable if f.problem], lang=lang).show()
    for result in rewritten:
        if check:
            message = N_("{path}: är inte skriven i katalogens form. Kör `insatsbas format {path}`.")
        elif result.comments:
            message = N_("Skrev om {path} i katalogens form. Kommentarer som togs bort: {count}.")
        else:
            message = N_("Skrev om {path} i katalogens form.")
        click.echo(translate(message, lang, path=result.shown, count=result.comments), err=check)
    total = len(report.files)
    failures = [translate(N_("{count} filer gick inte att läsa och ändrades inte. Rätta felen ovan och kör igen."),
                          lang, count=len(unreadable))] if unreadable else []
    if check and rewritten:
        raise Refused(*failures, translate(N_("{count} av {total} filer är inte i katalogens form. Kör `insatsbas "
                                              "format` och checka in ändringarna."), lang, count=len(rewritten),
                                           total=total))
    if check:
        done = translate(N_("Alla {total} filer är i katalogens form."), lang, total=total - len(unreadable))
    else:
        done = translate(N_("{changed} av {total} filer skrevs om."), lang, changed=len(rewritten), total=total)
    if failures:
        raise Refused(*failures, done)
    click.echo(done)


@cli.command("edit")
@catalogue_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, help="Redigerarens sida (the editor page; 0: a free port).")
@click.option("--decap-port", default=8081, show_default=True, help="decap-server (0: a free port).")
@click.option("--no-browser", is_flag=True, help="Öppna ingen webbläsare (do not open a browser).")
@lang_option
def edit_command(catalogue_dir: Path, host: str, port: int, decap_port: int, no_browser: bool, lang: str) -> None:
    """Öppna webbredigeraren på katalogen i den här mappen (the web editor on the working copy)."""
    import webbrowser

    from insatsbas.editor.page import EditorUnavailable
    from insatsbas.serve.editor import CatalogueUnreadable, DecapServerFailed, serve_editor

    def announce(url: str) -> None:
        click.echo(translate(N_("Webbredigeraren: {url}  (Ctrl-C avslutar)"), lang, url=url))
        click.echo(translate(N_("Det du sparar skrivs till {folder}."), lang,
                             folder=display_path(catalogue_dir, catalogue_dir)))
        if not no_browser:
            webbrowser.open(url)

    try:
        serve_editor(catalogue_dir, announce, host=host, port=port, decap_port=decap_port)
    except EditorUnavailable as missing:
        raise Refused(translate(missing.message, lang, path=missing.missing)) from None
    except CatalogueUnreadable as unreadable:
        raise Refused(translate(N_("Webbredigeraren behöver vokabulärerna och owners.yml. Rätta felen ovan."), lang),
                      problems=unreadable.problems, lang=lang) from None
    except DecapServerFailed as failed:
        raise Refused(translate(N_("decap-server startade inte: {output}"), lang, output=failed.output.strip())) \
            from None


@cli.group("export")
def export_group() -> None:
    """Exportera katalogen i ett standardformat (export the catalogue)."""


@export_group.command("hsds")
@catalogue_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Mappen som exporten skrivs till (output folder).")
@lang_option
@today_option
def export_hsds(catalogue_dir: Path, out: Path, lang: str, today) -> None:
    """Skriv katalogen som Open Referral HSDS 3.0: JSON och CSV (write HSDS JSON and tabular)."""
    result = read_catalogue(catalogue_dir, today=as_date(today))
    if result.catalogue is None:
        raise CatalogueErrors(result.problems, lang)
    export = write_hsds(result.catalogue, out)
    click.echo(translate(N_("Exporterade {services} tjänster i HSDS 3.0: {json} och {tables} tabeller i {tabular}."),
                         lang, services=export.services, json=export.json_path, tables=len(export.tables),
                         tabular=export.tabular_dir))


@cli.group("import")
def import_group() -> None:
    """Läs in insatser från ett standardformat (import interventions)."""


@import_group.command("hsds")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--owner", required=True, help="Ägaren (mappen) som insatserna läggs hos (owner folder).")
@catalogue_option
@click.option("--replace", is_flag=True, help="Skriv över befintliga filer med samma namn (overwrite files).")
@lang_option
@today_option
def import_hsds_command(file: Path, owner: str, catalogue_dir: Path, replace: bool, lang: str, today) -> None:
    """Läs in HSDS 3.0 som YAML-filer: JSON med tjänster, organisationer eller tjänster på platser, eller
    tabellerna genom deras datapackage.json (import HSDS JSON or tables)."""
    try:
        result = import_hsds(file, owner, catalogue_dir, today=as_date(today), replace=replace)
    except HsdsImportError as error:
        raise Refused(translate(error.message, lang, **error.params)) from None
    except ValueError as error:
        raise Refused(translate(N_("Filen {file} är inte giltig JSON: {detail}"), lang, file=file, detail=error)) \
            from None
    report = render_report(result, catalogue_dir / owner, lang)
    if not result.ok:
        raise Refused(*report)
    for line in report:
        click.echo(line)


# --- search and statistics -----------------------------------------------------------------------

db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=Path("stats.db"),
                         show_default=True, help="Statistikdatabasen (statistics database).")
min_count_option = click.option(
    "--min-count", type=click.IntRange(min=1), default=5, show_default=True,
    help="Visa ett sökord bara när minst så många sökningar har det (privacy threshold).",
)


def loaded_catalogue(catalogue_dir: Path, lang: str):
    """The checked catalogue; its problems refuse the command."""
    try:
        return load_catalogue(catalogue_dir)
    except CatalogueInvalid as invalid:
        raise CatalogueErrors(invalid.problems, lang) from None


@cli.command("search")
@click.argument("text")
@click.option("--kommun", "municipality", help="Bara insatser öppna för boende i kommunen, t.ex. huddinge.")
@click.option("--json", "as_json", is_flag=True, help="Skriv träffarna som JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@catalogue_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Bygget vars sökindex används; utan index söks katalogen direkt.")
@lang_option
def search_command(text: str, municipality: str | None, as_json: bool, limit: int, catalogue_dir: Path, out: Path,
                   lang: str) -> None:
    """Sök i katalogen (search the catalogue with Whoosh)."""
    from insatsbas.search import Searcher, UnknownMunicipality, search_catalogue

    try:
        searcher = Searcher.from_output(out, catalogue_dir)
    except CatalogueInvalid as invalid:
        raise CatalogueErrors(invalid.problems, lang) from None
    try:
        result = search_catalogue(text, searcher, municipality=municipality, limit=limit)
    except UnknownMunicipality as unknown:
        raise Refused(translate(N_("Okänd kommun «{municipality}». Giltiga: {values}."), lang,
                                municipality=unknown.municipality, values=", ".join(unknown.known)), exit_code=2) \
            from None
    if as_json:
        click.echo(json.dumps({
            "query": result.query, "searched": result.searched,
            "hits": [{"id": h.id, "title": h.title, "summary": h.summary, "municipality": h.municipality,
                      "path": h.path, "score": h.score} for h in result.hits],
        }, ensure_ascii=False, indent=2))
        return
    if result.corrected:
        click.echo(translate(N_("Visar resultat för «{searched}» (du sökte på «{query}»)."), lang,
                             searched=result.searched, query=text))
    if not result.hits:
        click.echo(translate(N_("Inga träffar för «{query}»."), lang, query=text))
        return
    for rank, hit in enumerate(result.hits, start=1):
        click.echo(f"{rank}. {hit.title} ({hit.municipality}) {hit.id}")
        click.echo(f"   {hit.summary}")


@cli.group("stats")
def stats_group() -> None:
    """Statistik över sökningar på webbplatsen (search statistics)."""


@stats_group.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@db_option
@click.option("--server", default="", metavar="NAMN",
              help="Webbserverns namn när flera servrar delar på trafiken; alltid samma namn för samma server.")
@lang_option
def stats_ingest(files: tuple[str, ...], db_path: Path, server: str, lang: str) -> None:
    """Läs webbserverns åtkomstloggar (Common/Combined Log Format, .gz eller - för stdin) in i stats.db."""
    from insatsbas.stats.ingest import MAX_SEARCHES_PER_MINUTE, ReadUnderAnotherServer, ingest

    try:
        report = ingest(list(files), db_path, server=server)
    except ReadUnderAnotherServer as refused:
        raise Refused(translate(N_(
            "{source} är redan inläst som {earlier} med --server \"{earlier_server}\", och skulle räknas två gånger. "
            "Läs in den med samma --server, eller ta först bort den förra inläsningen med insatsbas stats forget."),
            lang, source=refused.source, earlier=refused.earlier["source"],
            earlier_server=refused.earlier["server"] or ""), exit_code=2) from None
    for source in report.sources:
        click.echo(translate(
            N_("{source}: {lines} rader, {searches} nya sökningar, {clicks} nya klick, {duplicates} redan räknade, "
               "{bots} från robotar, {invalid} ogiltiga anrop, {unparsable} rader som inte gick att läsa."),
            lang, source=source.source, lines=source.lines, searches=source.new_searches, clicks=source.new_clicks,
            duplicates=source.already_counted, bots=source.bots, invalid=source.invalid_beacons,
            unparsable=source.unparsable))
        if source.unparsable:
            click.echo(translate(N_("  Rader som inte gick att läsa (högst tio visas): {lines}."), lang,
                                 lines=", ".join(map(str, source.unparsable_lines))), err=True)
        if source.new_profiles or source.new_handouts:
            click.echo(translate(N_("  {profiles} nya profiler på För mig, {handouts} nya utskrivna eller delade listor."),
                                 lang, profiles=source.new_profiles, handouts=source.new_handouts))
        if source.rate_limited:
            click.echo(translate(N_("  {count} sökningar räknades inte: samma klient sökte mer än {limit} gånger "
                                    "på en minut."), lang, count=source.rate_limited, limit=MAX_SEARCHES_PER_MINUTE))


@stats_group.command("forget")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
@lang_option
def stats_forget(file: str, db_path: Path, lang: str) -> None:
    """Ta bort det som inläsningen av en logg lade till i stats.db (undo an ingest)."""
    from insatsbas.stats.ingest import forget

    if not db_path.exists():
        raise Refused(translate(N_("Hittar inte {db}. Kör först insatsbas stats ingest."), lang, db=db_path))
    forgotten = forget(file, db_path)
    if not forgotten.ingests:
        raise Refused(translate(N_("{file} har inte lästs in i {db}."), lang, file=file, db=db_path), exit_code=2)
    click.echo(translate(N_("{file}: {searches} sökningar och {clicks} klick borttagna ({ingests} inläsningar)."),
                         lang, file=file, searches=forgotten.searches, clicks=forgotten.clicks,
                         ingests=len(forgotten.ingests)))


@stats_group.command("report")
@db_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Webbplatsens mapp; sidan skrivs till OUT/statistik/.")
@catalogue_option
@min_count_option
@lang_option
def stats_report(db_path: Path, out: Path, catalogue_dir: Path, min_count: int, lang: str) -> None:
    """Skriv statistiksidan OUT/statistik/index.html (write the statistics page)."""
    from insatsbas.stats.report import write_report

    if not db_path.exists():
        raise Refused(translate(N_("Hittar inte {db}. Kör först insatsbas stats ingest."), lang, db=db_path))
    page = write_report(db_path, loaded_catalogue(catalogue_dir, lang), out, min_count=min_count)
    click.echo(translate(N_("Statistiksidan är skriven: {path}"), lang, path=page))


@stats_group.command("suggest")
@db_option
@click.option("--out", "review_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Granskningsfilen (YAML); utan --out skrivs förslagen ut här.")
@catalogue_option
@min_count_option
@lang_option
def stats_suggest(db_path: Path, review_file: Path | None, catalogue_dir: Path, min_count: int, lang: str) -> None:
    """Föreslå rättelser och synonymer utifrån sökningar utan träffar (suggest synonyms)."""
    from insatsbas.search import Searcher
    from insatsbas.search.index import index_in_memory
    from insatsbas.stats.suggest import render_review, suggest, write_review

    if not db_path.exists():
        raise Refused(translate(N_("Hittar inte {db}. Kör först insatsbas stats ingest."), lang, db=db_path))
    searcher = Searcher(*index_in_memory(loaded_catalogue(catalogue_dir, lang)))
    suggestions = suggest(db_path, searcher, min_count=min_count)
    if review_file is None:
        click.echo(render_review(suggestions), nl=False)
        return
    write_review(suggestions, review_file)
    click.echo(translate(
        N_("Förslagen är skrivna till {path}: {misspellings} felstavningar, {synonyms} synonymer, "
           "{unresolved} sökord utan förslag."),
        lang, path=review_file, misspellings=len(suggestions.misspellings), synonyms=len(suggestions.synonyms),
        unresolved=len(suggestions.unresolved)))


assert "en" in available_languages(), "the English message catalogue is missing"
