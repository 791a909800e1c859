"""`py -m reportgen`: the command where pip's Scripts folder is not on PATH (a --user install)."""

from reportgen.cli import main

main()
