"""``stylelint lsp``: the language server (install with ``pip install 'stylelint[lsp]'``).

- :mod:`.server`: the pygls server (documents, debounce, config, features);
- :mod:`.worker`: the process that lints, so the server never waits on a rule;
- :mod:`.positions` and :mod:`.diagnostics`: offsets to LSP positions in the
  negotiated encoding, findings to diagnostics;
- :mod:`.actions`: quick fixes, "disable for this line", fix all, hover text;
- :mod:`.cli`: ``stylelint lsp [--tcp PORT]``.
"""
