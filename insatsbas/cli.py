"""The `insatsbas` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from insatsbas import __version__
from insatsbas.build import DEFAULT_CATALOGUE, DEFAULT_OUTPUT, build
from insatsbas.hsds.export import write_hsds
from insatsbas.hsds.importer import HsdsImportError, import_hsds, render_report
from insatsbas.i18n import N_, available_languages, translate
from insatsbas.problems import CatalogueInvalid, Problem, sort_problems
from insatsbas.progress import Progress
from insatsbas.reader import read_catalogue

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


def as_date(value) -> date | None:
    return value.date() if value else None


def print_problems(problems: list[Problem], language: str) -> None:
    for problem in sort_problems(problems):
        click.echo(problem.render(language), err=problem.is_error)


def summary_of_errors(problems: list[Problem], language: str) -> str:
    errors = sum(p.is_error for p in problems)
    return translate(N_("{errors} fel och {warnings} varningar. Rätta felen och kör igen."), language,
                     errors=errors, warnings=len(problems) - errors)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="insatsbas")
def cli() -> None:
    """Insatsbas: katalogen över insatser för nyanlända på Södertörn."""


@cli.command()
@catalogue_option
@lang_option
@today_option
def validate(catalogue_dir: Path, lang: str, today) -> None:
    """Kontrollera hela katalogen och visa alla problem (check the whole catalogue)."""
    result = read_catalogue(catalogue_dir, today=as_date(today))
    print_problems(result.problems, lang)
    if result.catalogue is None:
        click.echo(summary_of_errors(result.problems, lang), err=True)
        sys.exit(1)
    catalogue = result.catalogue
    click.echo(translate(
        N_("Katalogen är giltig: {entries} insatser ({active} aktiva) från {owners} ägare, {warnings} varningar."),
        lang, entries=len(catalogue.interventions),
        active=sum(i.status == "active" for i in catalogue.interventions),
        owners=len({i.owner for i in catalogue.interventions}), warnings=len(result.warnings),
    ))


@cli.command("build")
@catalogue_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Mappen som byggs (output folder).")
@lang_option
@today_option
@quiet_option
def build_command(catalogue_dir: Path, out: Path, lang: str, today, quiet: bool) -> None:
    """Validera och bygg databasen och webbplatsen (validate, then build)."""
    progress = Progress(enabled=False if quiet else None)
    try:
        result = build(catalogue_dir, out, progress=progress, today=as_date(today))
    except CatalogueInvalid as invalid:
        print_problems(invalid.problems, lang)
        click.echo(summary_of_errors(invalid.problems, lang), err=True)
        click.echo(translate(N_("Inget byggdes; {out} är orörd."), lang, out=out), err=True)
        sys.exit(1)
    if not quiet:
        click.echo(translate(N_("Byggt: {entries} insatser i {out} ({warnings} varningar)."), lang,
                             entries=len(result.catalogue.interventions), out=out, warnings=len(result.warnings)))


@cli.command()
@catalogue_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, help="Datasette.")
def serve(catalogue_dir: Path, out: Path, host: str, port: int) -> None:
    """Bygg katalogen och öppna databasen i Datasette (build, then serve)."""
    from insatsbas.serve import serve_output

    try:
        build(catalogue_dir, out, progress=Progress())
    except CatalogueInvalid as invalid:
        print_problems(invalid.problems, "sv")
        sys.exit(1)
    serve_output(out, host=host, datasette_port=port)


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
        print_problems(result.problems, lang)
        click.echo(summary_of_errors(result.problems, lang), err=True)
        sys.exit(1)
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
    """Läs in en HSDS 3.0-lista med tjänster som YAML-filer (import an HSDS JSON service list)."""
    try:
        result = import_hsds(file, owner, catalogue_dir, today=as_date(today), replace=replace)
    except HsdsImportError as error:
        click.echo(translate(error.message, lang, **error.params), err=True)
        sys.exit(1)
    except ValueError as error:
        click.echo(translate(N_("Filen {file} är inte giltig JSON: {detail}"), lang, file=file, detail=error), err=True)
        sys.exit(1)
    for line in render_report(result, catalogue_dir / owner, lang):
        click.echo(line, err=not result.ok)
    if not result.ok:
        sys.exit(1)


assert "en" in available_languages(), "the English message catalogue is missing"
