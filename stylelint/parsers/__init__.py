"""Built-in input formats: plain text, Markdown and HTML."""
