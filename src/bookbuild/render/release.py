"""What makes a release reproducible: its date (never the clock) and its stable identifier."""

from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone

from ..config import BookConfig
from ..normalise.patterns import YEAR


def release_date(config: BookConfig) -> datetime:
    """SOURCE_DATE_EPOCH if set; otherwise the first day of the manuscript's publication year."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    year = YEAR.search(config.pubdate or "")
    return datetime(int(year.group(0)) if year else 2000, 1, 1, tzinfo=timezone.utc)


def book_identifier(config: BookConfig, title: str) -> str:
    """The same for every build of the same book."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'bookbuild:{config.slug}:{title}')}"
