"""How long something that keeps failing waits before its next try: a watched source that fails polls
in a row (comity.watch) and an alert its webhook refuses (comity.webhooks) back off alike."""
from __future__ import annotations

FIRST = 60.0  # seconds after the first failure in a row; doubled with each more
MOST = 6 * 3600.0  # ... up to this


def delay(failures: int) -> float:
    """Seconds to wait after `failures` failures in a row: 1 min, 2, 4 ... at most 6 h; 0 after none."""
    return min(FIRST * 2 ** (failures - 1), MOST) if failures > 0 else 0.0
