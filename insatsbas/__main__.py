from insatsbas.cli import cli

cli()
