"""Reports: the results of a run and the output formats that render them."""
