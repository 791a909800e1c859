"""reportgen: the district's yearly lifelong-learning report, from the units' workbooks."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reportgen")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
