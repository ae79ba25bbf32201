"""Built-in output formats."""
