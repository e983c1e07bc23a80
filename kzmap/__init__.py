"""kzmap: places, partners and dated events of Kazakhstan's foreign partnerships, from articles."""

__version__ = "0.1.0"
