"""One script run per page load: st_folium's first value made the one its page sends back.

streamlit-folium (0.27.4, the newest) gives a new map the initial value ``last_object_clicked_count: None``,
while its page starts the count at 0. Once the map is drawn, the page sends its value whenever it differs
from the initial one, so every page load (and every new map) asked the server for a second full run of the
script: 0.2 s of server time at 10,000 articles, and every element of the page sent again while the browser
was still drawing the map. ``align_initial_value`` wraps the library's component function so that the
initial count is 0 as well; the page then has nothing to send until a dot is clicked.

The wrapper is set once per process. A streamlit-folium without ``_component_func`` is left as it is
(its pages then cost the second run again, nothing else changes); ``tests/browser`` counts the runs.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

COUNT = "last_object_clicked_count"


def initial_value(default: dict[str, Any] | None) -> dict[str, Any] | None:
    """``default`` with a click count of 0 where st_folium gives None (a new dict; others unchanged)."""
    if default is not None and COUNT in default and default[COUNT] is None:
        return {**default, COUNT: 0}
    return default


def aligned(component_func: Callable[..., Any]) -> Callable[..., Any]:
    """``component_func`` called with ``initial_value(default)``."""
    if getattr(component_func, "kzmap_aligned", False):
        return component_func

    def call(*args: Any, **kwargs: Any) -> Any:
        if "default" in kwargs:
            kwargs["default"] = initial_value(kwargs["default"])
        return component_func(*args, **kwargs)

    call.kzmap_aligned = True  # type: ignore[attr-defined]
    return call


def align_initial_value(module: Any = None) -> bool:
    """Wrap ``module._component_func`` (``streamlit_folium``'s by default); False when it has none."""
    if module is None:
        import streamlit_folium as module
    func = getattr(module, "_component_func", None)
    if not callable(func):
        return False
    module._component_func = aligned(func)
    return True
