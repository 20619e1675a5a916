"""core.html_clean: a saved page keeps its text, structure and the pictures inside it, and
loses everything that could run or fetch (scripts, handlers, javascript: links, frames, forms,
outside pictures), with counts of what went."""

from __future__ import annotations

from mcdesk.core.html_clean import clean_page

PIXEL = "data:image/png;base64,iVBORw0KGgo="


def test_scripts_handlers_and_javascript_links_are_removed() -> None:
    page = clean_page(
        "<html><head><script>steal()</script><noscript>no</noscript></head>"
        "<body onload='alert(1)'><h1 onclick=\"x()\">Wait time</h1>"
        "<p>Count to <b>five</b> &amp; wait.</p><a href='javascript:go()'>go</a>"
        "<a href='https://example.org/more'>more</a>"
        "<p style='width: expression(alert(1))'>old IE</p>"
        "<SCRIPT type='text/javascript'>also()</SCRIPT></body></html>")
    html = page.html.lower()
    for gone in ("steal", "alert", "onclick", "onload", "javascript", "also()", "<noscript",
                 "expression"):
        assert gone not in html
    assert "<h1>wait time</h1>" in html
    assert "count to <b>five</b> &amp; wait." in html
    assert "href=\"https://example.org/more\"" in html  # shown, never followed by itself
    assert page.scripts_removed == 7


def test_frames_forms_and_outside_pictures_go_and_inside_pictures_stay() -> None:
    page = clean_page(
        f"<p><img src='{PIXEL}' alt='card'><img src='https://tracker.example/p.gif'>"
        "<iframe src='https://ads.example'><p>inside</p></iframe>"
        "<form action='https://x.example'><input name='q'></form>"
        "<object data='x.swf'></object><embed src='y'>after</p>")
    assert f'src="{PIXEL}"' in page.html
    assert "tracker.example" not in page.html and "ads.example" not in page.html
    assert "inside" not in page.html and "<form" not in page.html
    assert "after" in page.html
    assert page.other_removed == 5


def test_broken_markup_is_shown_as_far_as_it_goes() -> None:
    page = clean_page("<p>unclosed <b>bold <script>x(")
    assert "unclosed" in page.html and "x(" not in page.html
