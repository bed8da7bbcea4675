"""Timing workbench pages from the benchmarks (run as scripts: `bench/` is on their path)."""

import statistics
import time


def median_ms(client, url: str, requests: int) -> float:
    """The median time of `requests` GETs of `url`, in milliseconds; each must answer 200."""
    timings = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings)
