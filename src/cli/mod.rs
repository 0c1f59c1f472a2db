//! Command-line subcommands, one file each.
