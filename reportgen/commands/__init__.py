"""Click commands, one module each; glue only: parse options, call the core, print."""
