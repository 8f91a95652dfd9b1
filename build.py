"""`python build.py` is `insatsbas build`."""

from insatsbas.cli import cli

if __name__ == "__main__":
    cli(["build", *__import__("sys").argv[1:]])
