"""Shared pytest configuration: hypothesis profiles.

The default profile keeps the suite quick; FERROFUZZ_HYPOTHESIS=thorough
runs many more examples.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("FERROFUZZ_HYPOTHESIS", "default"))
