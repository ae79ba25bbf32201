"""The engine: plugins, selecting rules, running them over a document and placing their findings."""
