"""The `insatsbas` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from insatsbas import __version__
from insatsbas.authoring import (
    NewEntryRefused,
    VocabulariesInvalid,
    entry_schema_is_current,
    new_entry,
    schema_path,
    write_entry_schema,
)
from insatsbas.build import DEFAULT_CATALOGUE, DEFAULT_OUTPUT, build
from insatsbas.hsds.export import write_hsds
from insatsbas.hsds.importer import HsdsImportError, import_hsds, render_report
from insatsbas.i18n import N_, available_languages, translate
from insatsbas.owners import GitError, RulesUnreadable, check_ownership, write_codeowners
from insatsbas.problems import CatalogueInvalid, Problem, sort_problems
from insatsbas.progress import Progress
from insatsbas.reader import display_path, load_catalogue, read_catalogue
from insatsbas.review import as_json as review_as_json
from insatsbas.review import review_lines, review_status
from insatsbas.validation import (
    SelectionRefused,
    annotation,
    append_job_summary,
    repository_root,
    summary,
    validate_catalogue,
)

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
        click.echo(refused.reason.text(lang), err=True)
        sys.exit(2)
    if output_format == "github":
        root = repository_root(catalogue_dir)
        for problem in result.problems:
            click.echo(annotation(problem, root, lang))
        append_job_summary(result, catalogue_dir, lang)
    else:
        for problem in result.problems:
            click.echo(problem.render(lang), err=problem.is_error)
    click.echo(summary(result, lang), err=not result.ok)
    if not result.ok:
        sys.exit(1)


@cli.command("build")
@catalogue_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Mappen som byggs (output folder).")
@lang_option
@today_option
@quiet_option
@click.option("--full", is_flag=True, help="Bygg allt, återanvänd inget från förra bygget (rebuild everything).")
def build_command(catalogue_dir: Path, out: Path, lang: str, today, quiet: bool, full: bool) -> None:
    """Validera och bygg databasen och webbplatsen (validate, then build)."""
    progress = Progress(enabled=False if quiet else None)
    try:
        result = build(catalogue_dir, out, progress=progress, today=as_date(today), full=full)
    except CatalogueInvalid as invalid:
        print_problems(invalid.problems, lang)
        click.echo(summary_of_errors(invalid.problems, lang), err=True)
        click.echo(translate(N_("Inget byggdes; {out} är orörd."), lang, out=out), err=True)
        sys.exit(1)
    if not quiet:
        click.echo(translate(N_("Byggt: {entries} insatser i {out} ({warnings} varningar)."), lang,
                             entries=len(result.catalogue.interventions), out=out, warnings=len(result.warnings)))
        if result.incremental:
            click.echo(translate(N_("Sidor: {rendered} renderade, {reused} återanvända från förra bygget."), lang,
                                 rendered=result.pages_rendered, reused=result.pages_reused))


@cli.command()
@catalogue_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, help="Datasette.")
@click.option("--site-port", default=8000, show_default=True, help="Webbplatsen (the static site).")
def serve(catalogue_dir: Path, out: Path, host: str, port: int, site_port: int) -> None:
    """Bygg katalogen och visa webbplatsen och databasen (build, then serve the site and Datasette)."""
    from insatsbas.serve import serve_output

    try:
        build(catalogue_dir, out, progress=Progress())
    except CatalogueInvalid as invalid:
        print_problems(invalid.problems, "sv")
        sys.exit(1)
    serve_output(out, host=host, datasette_port=port, site_port=site_port)

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
        click.echo(translate(N_("git kunde inte jämföra {base} och {head}: {detail}"), lang,
                             base=base, head=head, detail=error.detail), err=True)
        sys.exit(2)
    except RulesUnreadable as unreadable:
        print_problems(unreadable.problems, lang)
        click.echo(translate(N_("owners.yml i {base} går inte att läsa; ingen ändring kan godkännas."), lang,
                             base=base), err=True)
        sys.exit(2)
    for refusal in check.refusals:
        click.echo(refusal.render(lang), err=True)
    if not check.accepted:
        click.echo(translate(N_("Ändringarna godkänns inte för {editor}. Be en behörig redaktör eller en samordnare "
                                "om hjälp, eller ta bort ändringarna av filerna ovan."), lang, editor=editor), err=True)
        sys.exit(1)
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
        print_problems(unreadable.problems, lang)
        sys.exit(1)
    click.echo(translate(N_("Skrev {path}."), lang, path=display_path(catalogue_dir, path)))


@cli.command("review-status")
@catalogue_option
@click.option("--owner", default=None, help="Bara denna ägare (owner folder).")
@today_option
@click.option("--json", "as_json", is_flag=True, help="Skriv JSON (for machines).")
@lang_option
def review_status_command(catalogue_dir: Path, owner: str | None, today, as_json: bool, lang: str) -> None:
    """Insatser som har passerat sitt granskningsdatum, per ägare (always exit 0 when readable)."""
    day = as_date(today) or date.today()
    result = read_catalogue(catalogue_dir, today=day)
    if result.catalogue is None:
        print_problems(result.errors, lang)
        click.echo(summary_of_errors(result.errors, lang), err=True)
        sys.exit(1)
    if owner is not None and owner not in result.catalogue.owners:
        raise click.BadParameter(translate(N_("Ägaren «{owner}» finns inte i owners.yml."), lang, owner=owner),
                                 param_hint="--owner")
    statuses = review_status(result.catalogue, day, owner)
    if as_json:
        click.echo(json.dumps(review_as_json(statuses, day), ensure_ascii=False, indent=2))
        return
    for line in review_lines(statuses, day, lang, always_show=owner is not None):
        click.echo(line)


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
                click.echo(translate(N_("{path} är inte aktuell. Kör `insatsbas schema` och checka in filen."),
                                     lang, path=shown), err=True)
                sys.exit(1)
            click.echo(translate(N_("{path} är aktuell."), lang, path=shown))
            return
        write_entry_schema(catalogue_dir, target)
    except VocabulariesInvalid as invalid:
        print_problems(invalid.problems, lang)
        sys.exit(1)
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
        click.echo(refused.reason.text(lang), err=True)
        sys.exit(1)
    except RulesUnreadable as unreadable:
        print_problems(unreadable.problems, lang)
        sys.exit(1)
    click.echo(translate(N_("Skrev {path}. Fyll i fälten och kör `insatsbas validate`."), lang,
                         path=display_path(catalogue_dir, path)))


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


# --- search and statistics -----------------------------------------------------------------------

db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=Path("stats.db"),
                         show_default=True, help="Statistikdatabasen (statistics database).")
min_count_option = click.option(
    "--min-count", type=click.IntRange(min=1), default=5, show_default=True,
    help="Visa ett sökord bara när minst så många sökningar har det (privacy threshold).",
)


def load_or_exit(catalogue_dir: Path, lang: str):
    try:
        return load_catalogue(catalogue_dir)
    except CatalogueInvalid as invalid:
        print_problems(invalid.problems, lang)
        click.echo(summary_of_errors(invalid.problems, lang), err=True)
        sys.exit(1)


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
        print_problems(invalid.problems, lang)
        click.echo(summary_of_errors(invalid.problems, lang), err=True)
        sys.exit(1)
    try:
        result = search_catalogue(text, searcher, municipality=municipality, limit=limit)
    except UnknownMunicipality as unknown:
        click.echo(translate(N_("Okänd kommun «{municipality}». Giltiga: {values}."), lang,
                             municipality=unknown.municipality, values=", ".join(unknown.known)), err=True)
        sys.exit(2)
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
    from insatsbas.stats.ingest import ingest

    report = ingest(list(files), db_path, server=server)
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
        click.echo(translate(N_("Hittar inte {db}. Kör först insatsbas stats ingest."), lang, db=db_path), err=True)
        sys.exit(1)
    page = write_report(db_path, load_or_exit(catalogue_dir, lang), out, min_count=min_count)
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
        click.echo(translate(N_("Hittar inte {db}. Kör först insatsbas stats ingest."), lang, db=db_path), err=True)
        sys.exit(1)
    searcher = Searcher(*index_in_memory(load_or_exit(catalogue_dir, lang)))
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
