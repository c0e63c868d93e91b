"""``python -m timeline``: the same as the ``timeline`` command."""

from timeline.cli import main

if __name__ == "__main__":
    main(prog_name="timeline")
