"""Generate a seeded, deterministic corpus of realistic skincare articles for benchmarks.

    python benchmarks/generate_corpus.py OUT_DIR [--articles 2000] [--seed 7]

Articles are 800-1,500 words of Markdown with YAML front matter, headings, paragraphs,
lists, tables, blockquotes, links and footnotes, built from sentence templates written
for this project. A few are very large (about 210 KB), as content repositories always
have some. The same seed always gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TREATMENTS = [
    "microneedling",
    "a chemical peel",
    "a glycolic peel",
    "laser resurfacing",
    "IPL",
    "dermaplaning",
    "microdermabrasion",
    "a derma roller",
    "LED light therapy",
]
ACTIVES = [
    "retinol",
    "tretinoin",
    "adapalene",
    "azelaic acid",
    "niacinamide",
    "vitamin C",
    "benzoyl peroxide",
    "salicylic acid",
    "lactic acid",
    "hyaluronic acid",
]
CONDITIONS = [
    "acne scars",
    "fine lines",
    "uneven texture",
    "enlarged pores",
    "dark spots",
    "melasma",
    "rosacea",
    "milia",
    "keratosis pilaris",
    "active acne",
    "eczema",
    "sun damage",
]
PROFESSIONALS = ["dermatologist", "GP", "pharmacist", "qualified practitioner", "doctor"]

DESCRIPTIONS = [
    "{T} works by creating controlled micro-injuries that the skin then repairs.",
    "A typical session of {t} takes between thirty and sixty minutes.",
    "Most clinics apply a numbing cream about twenty minutes before {t}.",
    "Expect some redness and tightness for a day or two after {t}.",
    "The skin may feel warm, a little like a mild sunburn, for the first evening.",
    "Results build gradually over several weeks as the skin renews itself.",
    "Your practitioner will cleanse the area and check your medical history first.",
    "{A} is usually applied at night, after cleansing and before moisturiser.",
    "Start {a} twice a week and increase slowly as your skin adjusts.",
    "Apply a pea-sized amount of {a} to dry skin and wait a minute before moisturiser.",
    "Wear a broad-spectrum sunscreen every morning, whatever the weather.",
    "Avoid makeup for twenty-four hours and keep the area clean.",
    "A bland, fragrance-free moisturiser is all most people need in the first week.",
    "Many people book a course of three to six sessions, a month apart.",
    "Prices vary between clinics and depend on the size of the area treated.",
    "Keep a simple routine while your skin settles: cleanser, moisturiser and SPF.",
    "If your skin stings, skip a night and go back to a gentler routine.",
    "Pat your skin dry with a clean towel instead of rubbing it.",
]
CLAIMS = [
    "Studies show that {t} improves {c} in most patients.",
    "{A} is clinically proven to reduce {c} within eight weeks.",
    "Dermatologists agree that {a} is the gold standard for {c}.",
    "A 2019 study found that {t} boosted collagen by 400%.",
    "{T} is one of the most effective treatments for {c}.",
    "Nine out of ten clients see visible results after one session.",
    "Research suggests {a} can fade {c} faster than any other ingredient.",
]
CITED_CLAIMS = [
    "A randomised trial found that {a} reduced {c} over twelve weeks "
    "([Lee et al., 2019](https://doi.org/10.1000/skin.{n})).",
    "Evidence from a systematic review supports {t} for {c}[^{f}].",
    "{A} improved {c} in a split-face study (Nguyen & Park, 2021).",
]
WARNINGS = [
    "Do not have {t} if you have active acne or an open wound.",
    "Avoid {a} during pregnancy and while breastfeeding.",
    "Stop {a} five days before {t} and wait until your skin has healed to restart.",
    "{T} is not suitable for skin with an active cold sore.",
    "Wait until any infection has fully cleared before booking {t}.",
    "If you have eczema, hold off until the flare has settled.",
]
NOTICES = [
    "Talk to a board-certified {p} before starting any new treatment.",
    "Ask your {p} whether {t} is right for your skin.",
    "If you are unsure, book a consultation with a {p}.",
]
HEADINGS = [
    "What to expect",
    "How it works",
    "Who is it for?",
    "Aftercare",
    "Risks and side effects",
    "Before your appointment",
    "Building a routine",
    "Frequently asked questions",
    "The evidence",
    "Our verdict",
]
TITLES = [
    "A beginner's guide to {t}",
    "Everything you need to know about {a}",
    "How to treat {c} at home and in clinic",
    "{T}: what the evidence says",
    "Our dermatology team answers your questions on {c}",
]


def _fill(template: str, rng: random.Random) -> str:
    t = rng.choice(TREATMENTS)
    a = rng.choice(ACTIVES)
    return template.format(
        t=t,
        T=t[0].upper() + t[1:],
        a=a,
        A=a[0].upper() + a[1:],
        c=rng.choice(CONDITIONS),
        p=rng.choice(PROFESSIONALS),
        n=rng.randint(1000, 9999),
        f=rng.randint(1, 3),
    )


def _sentence(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.62:
        pool = DESCRIPTIONS
    elif roll < 0.74:
        pool = CLAIMS
    elif roll < 0.84:
        pool = CITED_CLAIMS
    elif roll < 0.95:
        pool = WARNINGS
    else:
        pool = NOTICES
    return _fill(rng.choice(pool), rng)


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _list(rng: random.Random) -> str:
    return "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(3, 6)))


def _table(rng: random.Random) -> str:
    rows = ["| Treatment | Best for | Downtime |", "| --- | --- | --- |"]
    for _ in range(rng.randint(3, 5)):
        rows.append(
            f"| {rng.choice(TREATMENTS)} | {rng.choice(CONDITIONS)} | {rng.randint(0, 7)} days |"
        )
    return "\n".join(rows)


def article(rng: random.Random, target_words: int) -> str:
    title = _fill(rng.choice(TITLES), rng)
    parts = [
        "---",
        f'title: "{title}"',
        f"date: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"author: Writer {rng.randint(1, 40)}",
        f"tags: [{rng.choice(TREATMENTS)}, {rng.choice(ACTIVES)}]",
        "---",
        "",
        f"# {title}",
        "",
    ]
    words = 0
    while words < target_words:
        kind = rng.random()
        if kind < 0.12:
            block = f"## {rng.choice(HEADINGS)}"
        elif kind < 0.22:
            block = _list(rng)
        elif kind < 0.26:
            block = _table(rng)
        elif kind < 0.30:
            block = f"> {_sentence(rng)}"
        else:
            block = _paragraph(rng)
        parts += [block, ""]
        words += len(block.split())
    parts += [
        "[^1]: Lee J et al. J Cosmet Dermatol. 2019. doi:10.1000/jcd.2019",
        "[^2]: Patel R. Br J Dermatol. 2020. PMID: 31234567",
        "[^3]: Smith A, Jones B. Dermatol Surg. 2021.",
        "",
    ]
    return "\n".join(parts)


def generate(out: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        large = i % 400 == 7  # five monsters in two thousand
        words = 30_000 if large else rng.randint(800, 1500)
        path = out / f"article-{i:05d}.md"
        path.write_text(article(rng, words), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.articles, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
