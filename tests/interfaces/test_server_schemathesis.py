"""A bounded schemathesis run against the live ``/openapi.json``: no request it makes gets a 5xx.

Each operation gets a few requests generated from the schema, valid ones
and invalid ones, derandomized so every run makes the same requests; every
answer must be below 500 and match the documented status codes, media types
and schemas. (The schema-driven run is driven from one test, operation by
operation, rather than through schemathesis' pytest plugin.)
"""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")
pytest.importorskip("schemathesis")

import schemathesis  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from stylelint.interfaces.server.testing import serve  # noqa: E402

ENV = {"STYLELINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
#: Generated requests per operation and mode: bounded, so the run takes seconds.
EXAMPLES = 6
#: The schema cannot say everything the server checks (a rule id must name a rule that
#: exists, a rule table must build): a schema-valid request may still get a 422.
EXCLUDED = [schemathesis.checks.positive_data_acceptance]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve("--workers", "2", cwd=tmp_path_factory.mktemp("fuzz"), env=ENV) as srv:
        yield srv


def _runner(label: str, strategy, calls: list):
    """A hypothesis test of one operation in one mode: every answer below 500 and as documented."""

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call()
        calls.append((label, response.status_code))
        assert response.status_code < 500, (label, response.status_code, response.text[:300])
        case.validate_response(response, excluded_checks=EXCLUDED)

    return run


def test_generated_requests_get_no_server_error(server):
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    calls: list[tuple[str, int]] = []
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in GenerationMode:
            try:
                _runner(operation.label, operation.as_strategy(generation_mode=mode), calls)()
            except Unsatisfiable:
                if mode is GenerationMode.NEGATIVE:
                    continue  # nothing to get wrong: no parameters, no body
                raise
            except Exception as exc:  # collect every operation's failure, then report them all
                failures.append(f"{operation.label} ({mode.value}): {str(exc)[:2000]}")
    internal = [ln for ln in server.lines if "internal error" in ln]
    assert not failures, "\n\n".join([*failures, *internal])
    assert {label for label, _ in calls} == {r.ok().label for r in schema.get_all_operations()}
    assert all(status < 500 for _, status in calls)
    assert "Traceback" not in server.log
