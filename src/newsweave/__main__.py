"""``python -m newsweave``: the same command line as the ``newsweave`` script."""

from newsweave.cli import main

if __name__ == "__main__":
    main(prog_name="newsweave")
