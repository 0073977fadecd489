"""Draw the application icon resources/union_desk.ico (16–256 px) with Pillow.

    python tools/make_icon.py

A red rounded square with a gold 工 built from three bars (no font needed, so the result is the
same on every machine). Each size is drawn on its own at 4× and scaled down, so the small sizes
stay crisp. The .ico is committed; run this again only to change the design.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICON = ROOT / "resources" / "union_desk.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = (196, 30, 38, 255)
GOLD = (255, 214, 92, 255)


def draw(size: int) -> Image.Image:
    scale = 4
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big * 0.04
    pen.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big * 0.18, fill=RED)
    bar = big * (0.14 if size <= 24 else 0.11)  # thicker strokes where pixels are few
    left, right = big * 0.22, big * 0.78
    top, bottom = big * 0.24, big * 0.76
    pen.rectangle((left + big * 0.06, top, right - big * 0.06, top + bar), fill=GOLD)  # upper stroke
    pen.rectangle((big / 2 - bar / 2, top, big / 2 + bar / 2, bottom), fill=GOLD)  # stem
    pen.rectangle((left, bottom - bar, right, bottom), fill=GOLD)  # lower stroke
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    images = [draw(size) for size in SIZES]
    largest = images[-1]
    # Pillow writes one entry per size in `sizes`, taking each from the appended image of that size.
    largest.save(ICON, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"wrote {ICON} ({', '.join(map(str, SIZES))} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
