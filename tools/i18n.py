"""Keep the zh_CN catalogue in step with the source.

    python tools/i18n.py update    # pyside6-lupdate: add new tr() strings to i18n/*.ts
    python tools/i18n.py release   # pyside6-lrelease: compile i18n/*.ts to .qm
    python tools/i18n.py check     # fail if a string is untranslated or the .qm is stale
    python tools/i18n.py fill F.json   # fill untranslated strings from {"source": "译文"}

Translate new strings in Qt Linguist (pyside6-linguist i18n/union_desk_zh_CN.ts) or by hand in the
.ts file, then run `release` and commit both files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "i18n" / "union_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "union_desk").rglob("*.py")
        if {"ui", "areas"} & set(p.relative_to(ROOT).parts)
        or p.name == "app.py"
        or "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")  # e.g. a statistics section's page words
    )


def update(ts: Path = TS) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )


def unfinished(ts: Path = TS) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        numerus = translation.findall("numerusform")
        text = "".join(n.text or "" for n in numerus) if numerus else (translation.text or "")
        if translation.get("type") == "unfinished" or not text.strip():
            missing.append(message.findtext("source"))
    return missing


def fill(glossary: dict, ts: Path = TS) -> int:
    """Fill untranslated messages whose source is in `glossary`; return how many were filled.

    `glossary` is {source: 译文}, or {context: {source: 译文}} when a source reads differently
    in different places ("Activities": 活动报名 in the navigation, 活动台账 among the ledgers)."""
    tree = ET.parse(ts)
    filled = 0
    by_context = all(isinstance(v, dict) for v in glossary.values())
    for context in tree.iter("context"):
        words = glossary.get(context.findtext("name"), {}) if by_context else glossary
        filled += _fill_context(context, words)
    ET.indent(tree)
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return filled


def _fill_context(context, glossary: dict[str, str]) -> int:
    filled = 0
    for message in context.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation.get("type") != "unfinished" or source not in glossary:
            continue
        numerus = translation.findall("numerusform")
        if message.get("numerus") == "yes":
            if not numerus:
                numerus = [ET.SubElement(translation, "numerusform")]
            for form in numerus:
                form.text = glossary[source]
        else:
            translation.text = glossary[source]
        del translation.attrib["type"]
        filled += 1
    return filled


def check() -> list[str]:
    """Problems: untranslated strings, strings missing from the .ts, a stale .qm."""
    problems = [f"untranslated: {s!r}" for s in unfinished()]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copy(TS, copy)
        update(copy)
        problems += [f"not in the .ts yet (run update): {s!r}" for s in unfinished(copy) if s not in unfinished()]
        qm = Path(tmp) / QM.name
        release(TS, qm)
        if not QM.exists() or qm.read_bytes() != QM.read_bytes():
            problems.append("i18n/union_desk_zh_CN.qm is stale (run release)")
    return problems


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
        print(f"{len(unfinished())} string(s) to translate in {TS}")
    elif command == "release":
        release()
    elif command == "fill":
        import json

        count = fill(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
        print(f"filled {count}; {len(unfinished())} left")
    elif command == "check":
        found = check()
        print("\n".join(found) or "ok")
        sys.exit(1 if found else 0)
    else:
        raise SystemExit(__doc__)
