"""kzmap.foliumfix: st_folium's initial value says what its page will send (no second run per page load)."""
from __future__ import annotations

import types

import streamlit_folium

from kzmap import foliumfix


def test_the_initial_click_count_is_zero_and_the_rest_is_kept():
    default = {"last_object_clicked": None, "last_object_clicked_count": None, "zoom": 4}
    assert foliumfix.initial_value(default) == {"last_object_clicked": None, "last_object_clicked_count": 0,
                                                "zoom": 4}
    assert default["last_object_clicked_count"] is None  # the caller's dict is not changed
    assert foliumfix.initial_value({"zoom": 4}) == {"zoom": 4}  # not returned: nothing to align
    assert foliumfix.initial_value({"last_object_clicked_count": 3}) == {"last_object_clicked_count": 3}
    assert foliumfix.initial_value(None) is None


def test_the_wrapper_passes_everything_through_and_is_set_once():
    calls = []
    module = types.SimpleNamespace(_component_func=lambda *a, **kw: calls.append((a, kw)) or "value")
    assert foliumfix.align_initial_value(module)
    wrapped = module._component_func
    assert foliumfix.align_initial_value(module) and module._component_func is wrapped  # not wrapped twice
    assert wrapped("x", key="k", default={"last_object_clicked_count": None}) == "value"
    assert calls == [(("x",), {"key": "k", "default": {"last_object_clicked_count": 0}})]
    wrapped(key="k")
    assert calls[-1] == ((), {"key": "k"})


def test_a_library_without_the_component_function_is_left_alone():
    module = types.SimpleNamespace()
    assert not foliumfix.align_initial_value(module)
    assert not hasattr(module, "_component_func")


def test_the_installed_streamlit_folium_has_what_the_fix_wraps():
    """A new streamlit-folium that drops ``_component_func`` or its ``default`` fails here, not silently (one
    that gives the count 0 itself needs no fix: the wrapper then changes nothing)."""
    import inspect

    assert callable(streamlit_folium._component_func)
    source = inspect.getsource(streamlit_folium.st_folium)
    assert "default=defaults" in source
