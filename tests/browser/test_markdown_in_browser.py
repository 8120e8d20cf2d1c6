"""Markdown typed into a draft stays text in real Chromium: imported, then seen on the compose
header and the drafts list, it makes no image, no link, no LaTeX, no icon, no request."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from helpers import by_key, choose, new_context, shows, wait_for_app

from pressdraft.app.service import AppService
from pressdraft.app.settings import load_settings
from pressdraft.app.trust import template_runner
from pressdraft.ui.text import WORD_JOINER

EXAMPLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "v1" / "joint-media-platform.yaml"
HOSTILE = (
    "PWNED ![t](http://pixel.invalid/pixel.png) [Session expired, sign in](http://evil.invalid/login) "
    "$\\huge BIG$ :red[x] :material/home: :smile: <img src=http://pixel.invalid/2.png> &lt; "
    "www.evil.invalid a@evil.invalid -> # x"
)


def hostile_draft(tmp_path: Path) -> Path:
    data = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    data["fields"]["headline"] = {lang: HOSTILE for lang in data["languages"]}
    data["fields"]["quotes"][0]["text"]["tr"] = HOSTILE
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def assert_literal(page, shown) -> None:
    """``shown`` shows the hostile text as typed; the page has none of what it would have made."""
    if shown is not None:
        assert shown.inner_text().replace(WORD_JOINER, "") == HOSTILE
    main = page.locator("[data-testid=stMain]")
    assert main.locator("img").count() == 0
    assert main.locator(".katex, math").count() == 0
    assert main.locator("a[href*='invalid'], a[href^='mailto'], a[href^='http']").count() == 0
    assert main.locator("a").filter(has_text="Session expired").count() == 0
    assert main.locator("[data-testid=stIconMaterial]").filter(has_text=re.compile(r"^home$")).count() == 0
    assert main.locator(".stMarkdownColoredText").filter(has_text=re.compile(r"^x$")).count() == 0  # :red[x]


def test_an_imported_draft_full_of_markdown_shows_as_typed(page, server, tmp_path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server.url}/drafts")
    wait_for_app(page)
    uploader = by_key(page, "import-draft").locator("input[type=file]")
    name = "PWNED ![t](pixel.invalid.png) [Session expired](evil.invalid) $\\huge BIG$ :material_home: :smile:.yaml"
    uploader.set_input_files({"name": name, "mimeType": "application/yaml", "buffer": b"\xff\xfe not UTF-8"})
    wait_for_app(page)
    refusal = page.locator("[data-testid=stMarkdownContainer] li").filter(has_text="PWNED")
    assert refusal.inner_text().replace(WORD_JOINER, "") == f"{name}: the file is not UTF-8 text"
    assert_literal(page, None)
    uploader.set_input_files(str(hostile_draft(tmp_path)))
    page.wait_for_url("**/?draft=*", timeout=30_000)
    wait_for_app(page)

    assert_literal(page, page.locator("[data-testid=stHeadingWithActionElements] h3").first)

    page.goto(f"{server.url}/drafts")
    wait_for_app(page)
    titles = page.locator("[data-testid=stMarkdownContainer] strong").filter(has_text="PWNED")
    assert titles.count() == 1
    assert_literal(page, titles.first)
    assert [url for url in requests if ".invalid" in url] == []


def seed_hostile_templates(data_dir: Path, monkeypatch) -> None:
    """The example's template with a name, a label and a help full of Markdown; another broken by it."""
    monkeypatch.setenv("PRESSDRAFT_DATA_DIR", str(data_dir))
    service = AppService.open(load_settings(), template_runner())
    files, base = service.workshop.files("joint-meeting")
    meta = files["meta.yaml"].replace("en: Headline}", f"en: '{HOSTILE}'}}", 1)
    meta = meta.replace("en: Joint meeting", f"en: '{HOSTILE}'", 1)
    meta = meta.replace("en: Left empty, the headline is proposed from the facts.", f"en: '{HOSTILE}'", 1)
    assert service.workshop.save("joint-meeting", {**files, "meta.yaml": meta}, base_version=base).used
    files, base = service.workshop.files("statement")
    broken = files["meta.yaml"].replace("type: choice", f"type: '{HOSTILE}'", 1)
    service.workshop.save("statement", {**files, "meta.yaml": broken}, base_version=base)
    service.store.close()


def test_template_labels_help_and_problems_full_of_markdown_show_as_typed(browser, start_server, tmp_path, monkeypatch):
    seed_hostile_templates(tmp_path / "office", monkeypatch)
    server = start_server("office")
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server.url)
    wait_for_app(page)
    label = page.locator("[data-testid=stMarkdownContainer] strong").filter(has_text="PWNED")
    assert label.count() == 1
    assert_literal(page, label.first)
    label.first.locator("xpath=ancestor::*[@data-testid='stMarkdown'][1]").locator(
        "[data-testid=stTooltipHoverTarget]"
    ).first.hover()
    tooltip = page.locator("[data-testid=stTooltipContent]").filter(has_text="PWNED")
    tooltip.first.wait_for(timeout=10_000)
    assert_literal(page, tooltip.first)
    assert tooltip.first.locator("img, a, .katex").count() == 0
    # selectbox options are plain text in Streamlit (not Markdown), so the name is shown unescaped
    shows(page, "w-template", HOSTILE)

    page.goto(f"{server.url}/templates")
    wait_for_app(page)
    choose(page, "tpl-pick", "statement")
    problem = page.locator("[data-testid=stMarkdownContainer] li").filter(has_text="PWNED").first
    shown = problem.inner_text().replace(WORD_JOINER, "")
    assert shown.startswith("statement/meta.yaml: fields[3]: unknown type '" + HOSTILE.replace("\\", "\\\\") + "'")
    assert_literal(page, None)
    assert [url for url in requests if ".invalid" in url] == []
    context.close()
