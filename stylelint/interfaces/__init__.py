"""The ways in: the command line, the Python API and the pytest plugin."""
