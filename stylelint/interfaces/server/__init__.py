"""``stylelint serve``: the HTTP service (``pip install 'stylelint[server]'``).

One asyncio front process (Starlette on uvicorn) answers HTTP; ``--workers``
lint processes do the linting. Each worker loads and compiles the rules of
the operator's configuration once, at start, and keeps them; a document
that runs past ``--timeout`` has its worker killed and replaced while the
others go on serving (a thread cannot be stopped; a process can).

- :mod:`.app`: the ASGI application (routes, limits, auth, CORS, errors);
- :mod:`.pool`: the worker processes, their queue and time limits;
- :mod:`.work`: what a worker runs (the native API and LanguageTool's);
- :mod:`.languagetool`: LanguageTool's ``/v2`` request and answer shapes;
- :mod:`.metrics`: the Prometheus metrics;
- :mod:`.openapi`: the OpenAPI document and the ``/docs`` page;
- :mod:`.cli`: ``stylelint serve``;
- :mod:`.testing`: start a real server on a free port (tests, benchmarks, a CMS's own tests);
- ``static/``: the check page's own script and style sheet.
"""
