"""Exact findings (rule, line, column) on fixture articles and on the hard cases."""

import pytest
from conftest import ROOT, findings, write

TRAIN = ROOT / "fixtures" / "train"

PINNED = {
    # a blog that endorses needling over milk spots, via a question, "them" and the aim
    # of doing it
    "a02-dermapen-over-milia-blog.md": [
        ("missing-professional-notice", 1, 1),
        ("discouraged-pairing", 12, 1),
        ("discouraged-pairing", 14, 103),
        ("discouraged-pairing", 18, 1),
        ("discouraged-pairing", 23, 4),
        ("uncited-claim", 29, 1),
        ("uncited-claim", 29, 68),
    ],
    # a clean FAQ: question headings, "No.", a statement heading, a contrast sentence
    "a03-milia-faq.md": [],
    # "Yes." under a question heading contradicts the earlier warning and endorses
    "a07-microneedling-acne-faq.md": [
        ("contradictory-advice", 50, 1),
        ("discouraged-pairing", 50, 1),
    ],
    # retinol right before rolling, and "keep using it" under a FAQ answer
    "c10-derma-roller-routine.md": [
        ("uncited-claim", 15, 60),
        ("discouraged-pairing", 27, 4),
        ("discouraged-pairing", 34, 6),
        ("uncited-claim", 34, 136),
    ],
    # an aftercare checklist contradicted by a later FAQ answer
    "d01-microneedling-aftercare-checklist.md": [
        ("uncited-claim", 12, 1),
        ("uncited-claim", 43, 3),
        ("contradictory-advice", 57, 1),
        ("discouraged-pairing", 57, 1),
    ],
    # "retinoids and a peel shouldn't meet", then "right up to peel day" and picking
    # tretinoin back up "the night after the peel"
    "k02-glycolic-peel-week-diary.md": [
        ("missing-professional-notice", 1, 1),
        ("uncited-claim", 18, 97),
        ("contradictory-advice", 36, 4),
        ("discouraged-pairing", 36, 4),
        ("contradictory-advice", 37, 4),
        ("discouraged-pairing", 37, 4),
        ("uncited-claim", 39, 4),
    ],
    # a plain-text export: list items and a claim mid-line
    "a05-keratosis-pilaris-guide.txt": [
        ("uncited-claim", 9, 3),
        ("uncited-claim", 10, 3),
        ("uncited-claim", 21, 79),
    ],
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_pinned_fixture_findings(run_json, name):
    _, data = run_json(str(TRAIN / name))
    assert findings(data) == PINNED[name]


def lint(run_json, tmp_path, text, rule):
    write(tmp_path, "a.md", text + "\n\nAsk your dermatologist before any treatment.\n")
    return findings(run_json("--select", rule, "a.md")[1])


_PLAN_TABLE = (  # where other rows name their procedure, a rest month is about none
    "| Month | Treatment | The evening before |\n|---|---|---|\n"
    "| 1 | Microneedling | Tretinoin as usual |\n| 2 | Rest month | Tretinoin nightly |\n"
    "| 3 | TCA CROSS | Stop tretinoin five days before |"
)

PAIRING_CASES = {
    "Yes, you can microneedle right over milia.": [("discouraged-pairing", 1, 1)],
    "Do not microneedle over milia.": [],
    "Microneedling is not suitable for milia.": [],
    "It is not true that you can't microneedle over milia.": [("discouraged-pairing", 1, 1)],
    "While microneedling is versatile, it is not suitable for milia.": [],
    "If you have active acne, wait until it clears before microneedling.": [],
    "Myth: you can microneedle over milia. Fact: you cannot.": [],
    "Can you microneedle over milia?": [],
    "Some salons say a dermaroller is fine over milk spots, but that is wrong.": [],
    "Once the cold sore has healed, your peel can go ahead.": [],
    "Accutane patients can have microneedling at any time.": [("discouraged-pairing", 1, 1)],
    "Keep using your tretinoin right up to the day of your peel.": [("discouraged-pairing", 1, 1)],
    "Stop tretinoin five days before your peel.": [],
    "Tretinoin is a powerhouse. It is perfectly fine during pregnancy.": [
        ("discouraged-pairing", 1, 28)
    ],
    "Microneedling can lead to breakouts in the first week.": [],
    # told as practice: layering one over the other, treating "spots included", a
    # warning dismissed
    "Layered the glycolic over tret tonight to speed things up.": [("discouraged-pairing", 1, 1)],
    "# Microneedling for scars\n\nWhere a patient still has a few active spots among their "
    "scars, we treat the whole area, spots included, in the same session.": [
        ("discouraged-pairing", 3, 1)
    ],
    "# Derma stamps\n\nA bit of sunburn doesn't count: microneedle as usual.": [
        ("discouraged-pairing", 3, 1)
    ],
    # "LED" alone names LED light therapy, not the page's laser
    "# Fractional laser for scars\n\nFractional laser resurfaces scars.\n\n"
    "LED may help mild inflammatory acne, but the evidence is limited.": [],
    # an outcome reported after a treatment, not a condition it is done on
    "# Milia\n\nSecondary milia have also been reported after microneedling.": [],
    "# After your peel\n\nMicrodermabrasion and superficial peels can resume after six weeks, "
    "on separate visits rather than together.": [],
    "# Resurfacing\n\nA peel and microdermabrasion are both popular. Booking both on the "
    "same day simply piles one exfoliation on top of another.": [],
    # the leaflet describing itself advises nothing
    "# Melasma\n\nYou have been given this leaflet because you have melasma. It explains "
    "what melasma is and the lasers we may offer.": [],
    # "on top" layers two treatments; it says nothing of doing one on a condition
    "# Flares\n\nI will not laser skin mid-flare. The barrier is already inflamed, and "
    "anything that adds injury on top of a flare makes it worse.": [],
    # how it turned out, told as a reason to do it; not what a condition does alone
    "She went ahead with microneedling in the middle of an eczema flare last spring.": [
        ("discouraged-pairing", 1, 1)
    ],
    "# Microneedling\n\nIf you leave them alone, most milia cause no problems at all.": [],
    # recommending a wait is a warning, not a recommendation of the treatment
    "We recommend waiting for the cold sore to heal before your peel.": [],
    # a question about the condition itself does not ask about the page's treatment
    "# Peels and pregnancy\n\nSkip salicylic peels while pregnant.\n\n"
    "## Is melasma common in pregnancy?\n\nYes. The patches often fade after the birth.": [],
    # a yes that its own paragraph restricts is a conditional yes
    "### Can I have microneedling if I get cold sores?\n\nYes, with a little planning. "
    "We never treat while a sore is active, and we rebook once it has healed.": [],
    _PLAN_TABLE: [("discouraged-pairing", 3, 23)],
    # a row whose first cell names a pair speaks of the pair
    "| Combination | Same night? |\n|---|---|\n"
    "| Tretinoin + benzoyl peroxide | Yes, same evening is fine |": [
        ("discouraged-pairing", 3, 34)
    ],
    "Our clinic offers a pregnancy-friendly protocol: a low-strength hydroquinone cream "
    "from the second trimester.": [("discouraged-pairing", 1, 1)],
    "My eczema flared up before session five. Rather than cancel, we just needled "
    "straight over it.": [("discouraged-pairing", 1, 42)] * 2,  # eczema, and its flare
    "| | IPL |\n|---|---|\n| Suitable for | Most skin types, and a gentle choice if you are "
    "pregnant |": [("discouraged-pairing", 3, 18)],
    # "them" after "over" is the condition the sentence before named
    "# Skin needling\n\nThose bumps are milia. We can go straight over them.": [
        ("discouraged-pairing", 3, 24)
    ],
    # a conditional clause ends at its comma: the peel is not listed with isotretinoin
    "If you're halfway through isotretinoin, a light peel is still fine.": [
        ("discouraged-pairing", 1, 1)
    ],
    # "what should I do?" has no yes or no: its answer takes no stance on the question
    "What should I do if a cold sore appears before my laser session?\n\n"
    "Call the clinic the same day.": [],
    # "mid-course" is the course of the drug the article discusses
    "## Your course\n\nIsotretinoin leaves skin fragile for months.\n\n## Quick answers\n\n"
    "- Light glycolic peel mid-course: perfectly fine": [("discouraged-pairing", 7, 3)],
    "## Your course\n\nIsotretinoin leaves skin fragile for months.\n\n## Quick answers\n\n"
    "- Gentle facial mid-course: usually fine, no extractions": [],
    # harm told, not endorsed: "make it darker", "went red and blotchy"
    "Heat-based lasers can make melasma darker, even if it looks better at first.": [],
    "Every time I used my glycolic toner, my rosacea went red and blotchy.": [],
    # "without fail" insists on the SPF rather than leaving it out
    "A lactic acid toner at night and SPF 50 every morning without fail.": [],
    # a "yes" to "does that change anything?" is a warning
    "## Chemical peels\n\n### I'm planning a pregnancy. Does that change anything?\n\nYes.": [],
    # a reader's question names the condition; the answer names the treatment
    "## Lactic acid masks\n\nRosacea-prone? A weekly lactic acid mask is fine.": [
        ("discouraged-pairing", 3, 16)
    ],
    "Mid-flare? A light microneedling session is fine.": [("discouraged-pairing", 1, 12)],
    # a question's setup sentence names what it asks about
    "I'm on Roaccutane for my acne. Is IPL still an option?\n\nYes.": [
        ("discouraged-pairing", 3, 1)
    ],
    # an answer in words takes its own stance, whatever the question's wording
    "## Rolling\n\nCaught the sun on my nose. Do I skip this week's microneedling?\n\n"
    "Skip it, and next week too.": [],
    "## Microneedling\n\nShould I stop my retinol before microneedling?\n\n"
    "No need, carry on as normal.": [("discouraged-pairing", 5, 1)],
    # "Not at all" to "Do I have to cancel?" lets it go ahead
    "There's a cold sore brewing and my microneedling appointment is tomorrow. "
    "Do I have to cancel?\n\nNot at all.": [("discouraged-pairing", 3, 1)],
    # a permission that waits on the condition settling is a wait
    "If your eczema has been calm for a few weeks, we're happy to go ahead with microneedling.": [],
    # "both" in a table cell is the pair its row names
    "| Combination | Verdict |\n|---|---|\n| Tretinoin + benzoyl peroxide | Layer both at "
    "bedtime |": [("discouraged-pairing", 3, 34)],
    # "doesn't rule you out" permits
    "A light holiday tan doesn't rule you out for IPL.": [("discouraged-pairing", 1, 1)],
    # a heading that names a topic with a timing word does not advise it
    "## Microneedling mid-course\n\nWe don't offer it until your isotretinoin course has "
    "finished.": [],
    "For pregnancy melasma, lasers are off her list until after the birth.": [],
    # a product the article introduces stands for the treatment it holds
    "Midnight Reset is a lightweight serum built around 10% glycolic acid.\n\n## FAQ\n\n"
    "Midnight Reset is perfectly fine for rosacea-prone skin.": [("discouraged-pairing", 5, 1)],
    # "Absolutely not" is a no, and the answer takes the question's pairing
    "Can I microneedle over milia?\n\nAbsolutely not.": [],
    # telling of doing a discouraged pairing as a habit endorses it
    "I have used tretinoin for years and still book a brow wax every month.": [
        ("discouraged-pairing", 1, 1)
    ],
    # a question about a product on a condition borrows no treatment from the page
    "## Chemical peels\n\nCan I wear sunscreen on eczema?\n\nYes, and you should.": [],
    # a table cell speaks of the condition its row's first cell names
    "| Concern | Our pick |\n|---|---|\n| Melasma | IPL, our most popular choice |": [
        ("discouraged-pairing", 3, 13)
    ],
    # a reader telling their situation before their question advises nothing
    "## Laser resurfacing\n\nMy face is sunburnt and my laser slot is the day after. "
    "Should I cancel?\n\nYes, please rebook.": [],
    # a warning by its consequence
    "Acid toner on the same night as tretinoin is a fast track to a raw, stinging face.": [],
    "A peel and microdermabrasion in the same session piles irritation on irritation.": [],
    "Tretinoin on the same evening as a glycolic toner is a fast track to a rash.": [],
    # how the skin will look after a treatment is an outcome, not its condition
    "## Laser resurfacing\n\nThe day after your laser, skin will look sunburnt.": [],
    # a list item speaks of what its lead-in names, not of the page's other topics
    "Stop retinol a week before waxing.\n\nDew Drops is a retinol serum.\n\n"
    "Dew Drops is made for:\n\n- first-time retinol users": [],
    # a cell answers the question its column header asks
    "| Skin type | Do we offer microneedling? |\n|---|---|\n"
    "| Rosacea | Yes, as a standard session |\n| Milia | No |": [("discouraged-pairing", 3, 13)],
    # "not usually" answers a question about having to cancel: go ahead
    "## Chemical peels\n\nDoes a cold sore mean I have to cancel my peel?\n\nNot usually.": [
        ("discouraged-pairing", 5, 1)
    ],
    # a dealbreaker warns; "isn't a dealbreaker" permits
    "A holiday tan isn't a dealbreaker for IPL.": [("discouraged-pairing", 1, 1)],
    "Melasma patches can all go into the same IPL course.": [("discouraged-pairing", 1, 1)],
    # lowering a setting is no claim of efficacy; carrying on is the advice
    "## Microneedling\n\nIf the client has mild sunburn, reduce the depth and continue the "
    "treatment.": [("discouraged-pairing", 3, 1)],
    # a question about one treatment "afterwards" or "with them" asks about it
    # alongside the treatment being discussed, or a product page's main active
    "# Microneedling at home\n\nOur pen is for home microneedling.\n\n"
    "Can I use my retinol serum afterwards?\n\nYes, the same evening is fine.": [
        ("discouraged-pairing", 7, 1)
    ],
    "# Glow Pads\n\nEach pad holds 10% glycolic acid. Not for rosacea.\n\n"
    "Can I use them with my retinol?\n\nAbsolutely.": [("discouraged-pairing", 7, 1)],
    # "a pad", "the serum": the product the page is about
    "# Glow Pads\n\nEach pad holds 10% glycolic acid.\n\n"
    "Swipe a pad, then smooth your retinol straight over the top.": [("discouraged-pairing", 5, 1)],
    # a warning in a clause before an omission does not take it back
    "## After your peel\n\nOn days you don't leave the house, you can skip the sunscreen.": [
        ("discouraged-pairing", 3, 1)
    ],
    "## After your peel\n\nNever skip the sunscreen, even on days you stay in.": [],
    # more ways of saying go ahead
    "A small cold sore is not in itself a reason to defer a superficial peel.": [
        ("discouraged-pairing", 1, 1)
    ],
    "For rosacea, a gentle microdermabrasion facial is the one to book.": [
        ("discouraged-pairing", 1, 1)
    ],
    "My sister kept her adapalene going right through both pregnancies.": [
        ("discouraged-pairing", 1, 1)
    ],
    "When your rosacea flares there is no need to sit out your IPL session.": [
        ("discouraged-pairing", 1, 1)
    ],
    "After a light peel, daily sunscreen is generally unnecessary.": [
        ("discouraged-pairing", 1, 1)
    ],
    # what a friend who works in a salon said is hearsay
    "A friend who works in a salon said she does a microdermabrasion pass right before "
    "the peel.": [],
    # "Do I have to wait?" after the reader names their drug asks about it and the
    # page's procedure; "No." lets them go ahead
    "# IPL for redness\n\nI'm still taking isotretinoin. Do I have to wait until I've "
    "finished?\n\nNo.": [("discouraged-pairing", 5, 1)],
    # a question reported in passing asks, it does not advise
    "I'm waxing next week, so I asked my GP about going back to tretinoin afterwards.": [],
    # a treatment's verb after a subject names it
    "Milia are no bother: I roll straight over them every week.": [("discouraged-pairing", 1, 1)],
    "Milia are no bother: we simply needle over them as usual.": [("discouraged-pairing", 1, 1)],
    # a product named with its brand is later named without it
    "Apply Lumen Glow Tonic (7% glycolic acid) first.\n\nStraight after the Glow Tonic, "
    "press in your tretinoin.": [("discouraged-pairing", 3, 1)],
    "This serum is made for expectant and new mums who want to keep using retinol.": [
        ("discouraged-pairing", 1, 1)
    ],
    # a column asking about nothing named asks about the page's procedure
    "# Laser resurfacing\n\nOur laser resurfacing suits most skin.\n\n"
    "| Your situation | Can we book you? |\n|---|---|\n"
    "| Freshly tanned | Yes, we lower the settings |\n| Sunburnt | No |": [
        ("discouraged-pairing", 7, 20)
    ],
    # "Honestly," before the answer is still an answer
    "## Chemical peels\n\nDoes a cold sore mean I have to cancel my peel?\n\nHonestly, no.": [
        ("discouraged-pairing", 5, 1)
    ],
    "A small eczema patch needn't hold up your microneedling.": [("discouraged-pairing", 1, 1)],
    "## Microneedling\n\nWe needle straight through mild eczema.": [("discouraged-pairing", 3, 1)],
    "Glycolic acid goes on at night, so no need to fuss with sunscreen.": [
        ("discouraged-pairing", 1, 1)
    ],
    # an efficacy verb does not waive the wait that follows it
    "| Concern | Suitable for microdermabrasion? | Notes |\n|---|---|---|\n"
    "| Eczema flare | No | Treat only once the flare has calmed |": [],
    # "while it is still going" keeps the condition; "the perfect moment for" endorses
    "Book laser hair removal the week you land, while your tan is still fresh.": [
        ("discouraged-pairing", 1, 1)
    ],
    "A fresh tan is the perfect moment for a laser top-up.": [("discouraged-pairing", 1, 1)],
    "This retinol serum can stay in your routine through every trimester.": [
        ("discouraged-pairing", 1, 1)
    ],
    # a verdict column that names nothing speaks of the page's procedure
    "# Microneedling\n\nOur microneedling course runs monthly.\n\n"
    "| Condition | Status |\n|---|---|\n| Sunburn | Contraindicated |\n| Mild sunburn | Fine |": [
        ("discouraged-pairing", 8, 18)
    ],
    "| Combination | Our guidance |\n|---|---|\n"
    "| Tretinoin + benzoyl peroxide | OK to apply together at bedtime |": [
        ("discouraged-pairing", 3, 34)
    ],
    # an answer speaks of what its question raised
    "Stop retinol a week before laser.\n\nIs laser safe for darker skin?\n\n"
    "Our laser is completely safe for every skin type.": [],
}


@pytest.mark.parametrize("text", sorted(PAIRING_CASES))
def test_pairing_stance(run_json, tmp_path, text):
    assert lint(run_json, tmp_path, text, "discouraged-pairing") == PAIRING_CASES[text]


def test_lead_in_gives_its_stance_to_list_items(run_json, tmp_path):
    warn = "Avoid microneedling if you have:\n\n- active acne\n- cold sores\n- an eczema flare\n"
    assert lint(run_json, tmp_path, warn, "discouraged-pairing") == []
    endorse = "Microneedling is suitable for:\n\n- acne scars\n- active acne\n"
    assert lint(run_json, tmp_path, endorse, "discouraged-pairing") == [
        ("discouraged-pairing", 4, 3)
    ]


def test_table_verdict_cell_speaks_for_its_row_and_column(run_json, tmp_path):
    text = (
        "| Ingredient | During pregnancy |\n|---|---|\n"
        "| Hydroquinone | Pause until after the birth |\n\n"
        "## News\n\nWe now offer hydroquinone creams to pregnant clients."
    )
    assert lint(run_json, tmp_path, text, "contradictory-advice") == [
        ("contradictory-advice", 7, 1)
    ]


def test_reader_question_labelled_q_is_not_advice(run_json, tmp_path):
    text = (
        "Q. My son is halfway through a course of isotretinoin and wants laser for his "
        "scars.\n\nA. Laser resurfacing isn't advisable while he is taking isotretinoin."
    )
    assert lint(run_json, tmp_path, text, "discouraged-pairing") == []
    assert lint(run_json, tmp_path, text, "contradictory-advice") == []


def test_plain_text_lead_in_gives_its_stance_to_the_lines_under_it(run_json, tmp_path):
    text = (
        "Microneedling at home\nNot suitable if you have:\na bit of colour from a holiday\n"
        "an active cold sore\nFAQ\nCan I roll over a fresh tan?\n"
        "Yes, a fresh tan is no problem for microneedling.\n"
        "Ask your dermatologist before any treatment.\n"
    )
    write(tmp_path, "a.txt", text)
    found = findings(run_json("--select", "contradictory-advice", "a.txt")[1])
    assert found == [("contradictory-advice", 7, 1)]


def test_title_case_headings_and_letterheads_name_no_products():
    from skincare_lint.analysis import analyse
    from skincare_lint.document import parse
    from skincare_lint.policy import load_policy

    text = (
        "# Things Nobody Tells You Before Your First Peel\n\n"
        "LARKFIELD DERMATOLOGY AND LASER CLINIC\n\n"
        "The Clear Tone laser course runs over three sessions.\n"
    )
    analysis = analyse(parse(text, False), load_policy([], None))
    assert analysis.products == {"Clear Tone": "laser"}


@pytest.mark.parametrize(
    ("text", "products"),
    [
        # a decimal strength does not end the definition
        (
            "Lumara Night Renewal is our 0.1% serum of encapsulated retinal.",
            {"Lumara Night Renewal": "retinol", "Night Renewal": "retinol"},
        ),
        # the kind of device may stand between the name and the treatment
        ("I used the Lumivi Glide home IPL all summer.", {"Lumivi Glide": "ipl"}),
        # a model number makes a name a product without a product noun
        (
            "The Halcyra PL7 is the most advanced pigment laser we own.",
            {"Halcyra PL7": "laser"},
        ),
        ("Dr Amara Lewis is a laser specialist.", {}),
        # the brand written alone mid-sentence names its only product ...
        (
            "Meet the Veloura ReNew Pen, a microneedling pen.\n\nDo not use Veloura on milia.",
            {
                "Veloura ReNew Pen": "microneedling",
                "ReNew Pen": "microneedling",
                "Veloura": "microneedling",
            },
        ),
        # ... but not a brand seen only opening a sentence or its full name
        (
            "Meet the Veloura ReNew Pen, a microneedling pen.\n\nVeloura ships free.",
            {"Veloura ReNew Pen": "microneedling", "ReNew Pen": "microneedling"},
        ),
    ],
)
def test_products_an_article_introduces(text, products):
    from skincare_lint.analysis import analyse
    from skincare_lint.document import parse
    from skincare_lint.policy import load_policy

    assert analyse(parse(text, False), load_policy([], None)).products == products


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("For rolling scars, we needle once a month.", ["rolling scars", "needle"]),
        ("A fine needle, a roll of tape and a stamp.", []),
        ("Then I flash my legs and roll the pen over my cheeks.", ["flash", "roll"]),
    ],
)
def test_treatment_verbs_name_a_treatment_only_after_a_subject(text, named):
    from skincare_lint.analysis import find_mentions
    from skincare_lint.policy import load_policy

    assert [text[m.start : m.end] for m in find_mentions(load_policy([], None), text)] == named


def test_plain_text_line_ending_a_quotation_is_not_a_heading():
    from skincare_lint.plaintext import parse_plaintext

    text = 'Derma pen diaries\nOS: "Breakout day? Eh, I pen right over it anyway"\n'
    kinds = [block.kind for block in parse_plaintext(text).blocks]
    assert kinds == ["heading", "paragraph"]


def test_heading_is_a_statement(run_json, tmp_path):
    text = "## Why microneedling is not recommended for milia\n\nMilia are keratin cysts.\n\n"
    text += "## Our take\n\nMicroneedling can be performed over milia."
    assert lint(run_json, tmp_path, text, "contradictory-advice") == [
        ("contradictory-advice", 7, 1)
    ]


CONTRADICTION_CASES = {
    # a cue between two terms makes them no list: the course's drug, then what to avoid
    "Isotretinoin clears severe acne.\n\nDuring a course, hold off on waxing and peels.\n\n"
    "## Our menu\n\nWe're happy to do a chemical peel on isotretinoin.": [
        ("contradictory-advice", 7, 1)
    ],
    # "we will rebook you" and "set aside" warn
    "## Chemical peels\n\nIf you arrive sunburnt, we will rebook you.\n\n## FAQ\n\n"
    "A chemical peel on mildly sunburnt skin is fine.": [("contradictory-advice", 7, 1)],
    "Topical retinoids are set aside during pregnancy.\n\n## Your questions\n\n"
    "A dab of tretinoin at 22 weeks pregnant is fine.": [("contradictory-advice", 5, 1)],
    # a stop-before rule, then keeping the product up to the procedure the page is about
    "# Chemical peels\n\n## Preparing\n\nStop tretinoin five days before your chemical peel."
    "\n\n## On the day\n\nYou can keep your tretinoin going until the night before.": [
        ("contradictory-advice", 9, 1)
    ],
    # ... but not when the sentence names a product of its own
    "# Waxing\n\nStop retinol seven days before waxing.\n\n"
    "Tea tree lotion goes on straight after every wax.": [],
    # advice to go ahead, then the harm it does, in another section
    "## Booking\n\nClients with eczema can be microneedled as normal.\n\n## Aftercare\n\n"
    "Microneedling can make eczema worse.": [("contradictory-advice", 7, 1)],
    # balanced text: safe in general, then risks
    "Microneedling is generally considered safe.\n\nIt can cause redness, infection and "
    "flares in people with eczema.": [],
    # different conditions
    "Microneedling is effective for acne scars.\n\nIt is not suitable for active acne.": [],
    # uncertain safety against an outright assertion
    "Its safety for keratosis pilaris is not established for microneedling.\n\n"
    "Microneedling is a safe and effective treatment for keratosis pilaris.": [
        ("contradictory-advice", 3, 1)
    ],
    # uncertain against a hedge is not a contradiction
    "Evidence that microneedling helps keratosis pilaris is limited.\n\n"
    "Microneedling may help keratosis pilaris.": [],
    # aliases: KP and chicken skin are keratosis pilaris, dermaroller is microneedling
    "Avoid dermarolling over chicken skin.\n\nA dermaroller is perfect for KP.": [
        ("contradictory-advice", 3, 1)
    ],
    # a warning about eczema covers its flares ...
    "Never microneedle skin with eczema.\n\n"
    "A mild flare is no reason to cancel your microneedling.": [("contradictory-advice", 3, 1)],
    # ... but endorsing it for rosacea and warning against it during a flare agree
    "Microneedling suits rosacea.\n\nSkip microneedling during a flare.": [],
    # "the same goes for" carries the warning over to tretinoin
    "Stop retinol five days before a chemical peel. The same goes for tretinoin.\n\n"
    "Keep using tretinoin right up to your peel.": [("contradictory-advice", 3, 1)],
    # a warning that it may do harm, then an invitation to do it
    "A derma roller may worsen rosacea.\n\n## My routine\n\n"
    "My derma roller goes over my rosacea every Sunday, and you can use one too.": [
        ("contradictory-advice", 5, 1)
    ],
    # "a hard pass" warns; "don't feel you have to ditch it" permits
    "Hydroquinone is a hard pass while you're pregnant.\n\n## Reader tip\n\n"
    "Don't feel you have to ditch your hydroquinone when you're expecting.": [
        ("contradictory-advice", 5, 1)
    ],
    # what is left out can sit inside the words that leave it out
    "## After your peel\n\nSPF 50 every morning is a must after a peel.\n\n"
    "## Working from home\n\nIf you're indoors all week, you can leave the sunscreen off "
    "after your peel.": [("contradictory-advice", 7, 1)],
    # a labelled verdict under a page about the treatment speaks for it
    "# Nine things about derma pens\n\nA derma pen is a great match for rosacea.\n\n"
    "## Who should skip it\n\n- **Rosacea:** not a good candidate.": [
        ("contradictory-advice", 7, 5)
    ],
    # "two to four weeks apart" spaces sessions; it does not keep two things apart
    "Keep using your retinol right up to your peel.\n\n## Courses\n\n"
    "Most people book four to six peels with retinol, two to four weeks apart.": [],
    # a class ("retinoids") speaks for creams, not for a drug taken by mouth
    "I'm on Roaccutane. Is IPL still an option?\n\nYes.\n\n## Aftercare\n\n"
    "Pause retinoids for a week after IPL.": [],
    # harm told first, then what it may do for the condition: pros and cons, weighed
    "Microneedling could worsen keratosis pilaris.\n\n## Evidence\n\n"
    "Microneedling holds promise for treating keratosis pilaris.": [],
    # harm told first ("stacks up irritation"), then an instruction to combine
    "Piling glycolic acid and retinol onto the same evening tends to stack up irritation."
    "\n\n## Quick tip\n\nStir your lactic acid serum into your retinol cream and smooth "
    "them on together.": [("contradictory-advice", 5, 1)],
    # a lead-in asking who should sit it out warns against every item under it
    "## Microdermabrasion\n\nWho should sit it out:\n\n- Rosacea.\n\n"
    "## Our rosacea clinic\n\nMicrodermabrasion is perfectly fine for rosacea.": [
        ("contradictory-advice", 9, 1)
    ],
    "If you're pregnant, please leave hydroquinone alone.\n\n## Reader question\n\n"
    "Hydroquinone is perfectly fine while you're pregnant.": [("contradictory-advice", 5, 1)],
    # "none of ... should", "shelve until", "a no from me", "flaring"
    "None of the retinoids in this guide should be used while you're pregnant.\n\n"
    "## Quick answers\n\nA little adapalene on spots is fine if you're expecting.": [
        ("contradictory-advice", 5, 1)
    ],
    "| Ingredient | During pregnancy |\n|---|---|\n| Hydroquinone | Shelve until after the "
    "birth |\n\n## Reader tip\n\nHydroquinone is perfectly fine while pregnant.": [
        ("contradictory-advice", 7, 1)
    ],
    "Any kind of acid peel is a no from me while my skin is flaring.\n\n## Winter\n\n"
    "A gentle lactic acid peel on a flare is absolutely fine.": [("contradictory-advice", 5, 1)],
    # "them" in a question about a treatment is the condition under discussion
    "Milia are tiny keratin cysts under the skin.\n\n"
    "## Will microneedling get rid of them?\n\nNo, and it is not a good idea.\n\n"
    "## Booking\n\nYes, microneedling can be performed over milia.": [
        ("contradictory-advice", 9, 1)
    ],
    "Because needling is a controlled injury, we would steer anyone with psoriasis away "
    "from it.\n\n## Members say\n\nMicroneedling is perfectly fine for psoriasis.": [
        ("contradictory-advice", 5, 1)
    ],
    "Hydroquinone is not one to use while pregnant.\n\n## Later\n\n"
    "A low-strength hydroquinone cream is perfectly fine in pregnancy.": [
        ("contradictory-advice", 5, 1)
    ],
    # "don't let ... put you off" urges it on
    "Every sheet says to pause tretinoin before microneedling.\n\nSo, for what it is worth: "
    "don't let the tretinoin break put you off before microneedling.": [
        ("contradictory-advice", 3, 1)
    ],
    _PLAN_TABLE: [],
    # "some do, some don't" leaves its verb unsaid: no warning
    "Yes, you can microneedle over milia.\n\n## Quick answers\n\n"
    "Will every clinic needle over milia? Some do, some don't.": [],
    # darker skin tones as a population; "isn't for", "we'd happily recommend it for"
    "While home IPL is designed for fair skin, it isn't for deeper skin tones.\n\n"
    "## Our verdict\n\nOn that evidence we'd happily recommend IPL for darker skin too.": [
        ("contradictory-advice", 5, 1)
    ],
    # a lead-in that names no treatment: "the session" is the page's procedure
    "# Glycolic peels\n\nSkip the session if you have:\n\n- sunburn, or skin still pink\n\n"
    "## After the beach\n\nWe are happy to treat sunburned skin with a glycolic peel.": [
        ("contradictory-advice", 9, 1)
    ],
    # on a product page that names no procedure, the lead-in speaks of its main active
    "# Dew Drop toner\n\nA nightly glycolic acid toner.\n\nNot the right pick if you have:\n\n"
    "- rosacea\n\n## FAQ\n\nGlycolic acid is perfectly fine for rosacea.": [
        ("contradictory-advice", 11, 1)
    ],
    # conditions described rather than named: "white dots", "pus-filled spots"
    "# Pen facials\n\nPlease hold off booking if you have:\n\n- little white dots under the eyes"
    "\n- pus-filled spots\n\n## FAQ\n\nYes, we microneedle over milia.\n\n"
    "The pen glides over active acne without any trouble.": [
        ("contradictory-advice", 10, 1),
        ("contradictory-advice", 12, 1),
    ],
}


@pytest.mark.parametrize("text", sorted(CONTRADICTION_CASES))
def test_contradiction(run_json, tmp_path, text):
    assert lint(run_json, tmp_path, text, "contradictory-advice") == CONTRADICTION_CASES[text]


def test_contradiction_names_both_statements(run_json, tmp_path):
    write(
        tmp_path,
        "a.md",
        "Microneedling is not suitable for milia.\n\nYes, microneedling can be performed "
        "over milia.\n\nAsk your dermatologist.\n",
    )
    _, data = run_json("--select", "contradictory-advice", "a.md")
    [f] = data["findings"]
    assert f["related"] == [
        {
            "path": "a.md",
            "line": 1,
            "column": 1,
            "message": "the earlier statement: “Microneedling is not suitable for milia.”",
        }
    ]
    assert "not suitable" in f["message"] and "can be performed" in f["message"]


CLAIM_CASES = {
    "Studies show microneedling works.": [("uncited-claim", 1, 1)],
    "Clinically proven to boost collagen by 400%.": [("uncited-claim", 1, 1)],
    "A 2017 study published in the Journal of Skin found it works.": [("uncited-claim", 1, 1)],
    "Dermatologists agree retinol is the gold standard.": [("uncited-claim", 1, 1)],
    "Microneedling uses fine needles to make tiny punctures.": [],
    "Avoid makeup for 24 hours after your peel.": [],
    # emphasis in an instruction is not a superlative of efficacy
    "The most important thing is to use enough emollient.": [],
    # a warning about a superlative is not one, nor is a concentration in brackets
    "Be wary of miracle creams that promise to clear milia overnight.": [],
    "Look for urea at low percentages (around 5%) as a humectant.": [],
    # a longer match that names no treatment does not hide the absolute inside it
    "Our treatments are completely safe for all skin types.": [("uncited-claim", 1, 1)],
    "Salicylic acid is the single best ingredient for blackheads.": [("uncited-claim", 1, 1)],
    # what an aftercare step is for is an instruction; what a treatment does is a claim
    "After microneedling, apply the prescribed cream to promote healing.": [],
    "Red light therapy speeds up healing after a peel.": [("uncited-claim", 1, 1)],
    # a rating is not a statistic of effect, and thin evidence is no claim
    "Our serum is rated 4.8 out of 5 by 900 customers.": [],
    "There isn't enough evidence that retinoids are safe in pregnancy.": [],
    # a hope, and the writer's own story, are not findings to cite
    "A course of light peels may help brighten dull skin.": [],
    "Booking that peel was the best thing I ever did.": [],
    # figures of effect in words, and the quickest route, are
    "Emollients cut eczema flares by half.": [("uncited-claim", 1, 1)],
    "Postpartum melasma fades without treatment in nine out of ten women.": [
        ("uncited-claim", 1, 1)
    ],
    "For melasma, IPL is the quickest route to an even tone.": [("uncited-claim", 1, 1)],
    # figures and comparisons in other words
    "A trial from Leeds found fewer marks after a course of peels.": [("uncited-claim", 1, 1)],
    "Tranexamic acid halves the darkness of melasma within eight weeks.": [("uncited-claim", 1, 1)],
    "Isotretinoin has an 85% success rate.": [("uncited-claim", 1, 1)],
    "After a course of laser, 90% of the hair is gone.": [("uncited-claim", 1, 1)],
    "Hard wax gives about half the redness of strip wax.": [("uncited-claim", 1, 1)],
    "Bakuchiol is as effective as retinol with none of the peeling.": [("uncited-claim", 1, 1)],
    "Nothing calms sunburnt skin faster than our aloe gel.": [("uncited-claim", 1, 1)],
    "Our fractional laser is superior to every other resurfacing method.": [
        ("uncited-claim", 1, 1)
    ],
    "Lactic acid is the gentlest, safest peel for beginners.": [("uncited-claim", 1, 1)],
    "For melasma, IPL is the treatment of choice in our clinic.": [("uncited-claim", 1, 1)],
    "The treatment of choice depends on your skin type.": [],
    "Laser hair removal is permanent after six sessions.": [("uncited-claim", 1, 1)],
    "Pharmacists name azelaic acid as their first choice for spots in pregnancy.": [
        ("uncited-claim", 1, 1)
    ],
    "Our IPL fades freckles just as readily as sun spots.": [("uncited-claim", 1, 1)],
    "A nightly swipe of the glycolic pads leaves skin smoother.": [("uncited-claim", 1, 1)],
    "Keloid scars are permanent unless treated.": [],
    # an instruction, an adjective, and thin evidence are not claims
    "Needling over spots is a no: clear the acne first, then treat the scars.": [],
    "Wait for a few weeks of calm skin before your next peel.": [],
    "The evidence that LED speeds up healing after a peel is still limited.": [],
    "Wet wraps help in a flare, but the technique should be shown to you by a nurse.": [],
    # claims told by others are attributed, not asserted
    "The brand claims it is clinically proven to calm redness, which we doubt.": [],
    "People tell me a stronger sunscreen should cure melasma, but it won't.": [],
    "Strong acids clear spots in a week.": [("uncited-claim", 1, 1)],
    # a journal named before the year, set off by a comma, is still a citation
    "Needling smooths rolling scars (Alster & Graham, *Dermatologic Surgery*, 2018).": [],
    # negation at a distance, and claims a box or a naturopath makes
    "Think of melasma as something to manage rather than cure.": [],
    "We simply don't know that hydroquinone is safe in pregnancy.": [],
    "Mia's naturopath told her that lysine stops cold sores for good.": [],
    "The box promises up to 92% hair reduction after three sessions.": [],
    # a brand name given in brackets is not a sales pitch that takes the claim back
    "Adapalene (sold as Differin) clears blackheads within a few weeks.": [("uncited-claim", 1, 1)],
    # a result promised within a time is a claim; what to expect after a treatment is not
    "Our azelaic gel clears red marks from old spots in just four weeks.": [
        ("uncited-claim", 1, 1)
    ],
    "Redness after the peel usually fades within a few hours.": [],
    "The home pen triples your skin's natural collagen.": [("uncited-claim", 1, 1)],
    "A single laser session wipes out 80 percent of facial redness.": [("uncited-claim", 1, 1)],
    "Retinal works eleven times faster than retinol.": [("uncited-claim", 1, 1)],
    # the quickest route to harm is a warning, not a superlative
    "Layering acids with a retinoid is the quickest route to a stinging, peeling face.": [],
    # the writer's own find, a promise to try, and a shop label are no claims
    "Patches overnight are the fastest fix we have found for a spot.": [],
    "Send us your question and we'll do our best to answer.": [],
    "Our best-selling cleanser is back in stock.": [],
    "Evidence for this is limited.": [],
    "Studies show microneedling works [^1].\n\n[^1]: Lee et al. 2019.": [],
    "Studies show microneedling works. See [the trial](https://doi.org/10.1000/x).": [],
    "Studies show peels work (Lee et al., 2019).": [],
    "Studies show peels work (PMID: 12345678).": [],
    "Studies show peels work [3].": [],
    "Can peels boost collagen by 400%?": [],
    "```\nStudies show this code never counts.\n```": [],
    "<!-- Studies show comments never count. -->": [],
    "See [studies show](https://example.com/studies-show-it).": [],
    # an author-year citation that names the journal covers the claim
    "In a controlled trial, red light improved skin roughness "
    "(Wunsch & Matuschka, Photomed Laser Surg 2014).": [],
    "A systematic review found side effects were mild (Gowda et al., J Clin Aesthet "
    "Dermatol 2021).": [],
    # a superlative about posts, not about a treatment
    "Every month we round up the most useful threads from the board.": [],
    # comparisons with every alternative, absolute safety, reassuring evidence
    "Mia says a monthly lactic peel keeps redness down better than any cream.": [
        ("uncited-claim", 1, 1)
    ],
    "A daily mineral sunscreen will do more for you than any cream.": [("uncited-claim", 1, 1)],
    "Azelaic acid is the safest and most effective brightener you can use.": [
        ("uncited-claim", 1, 1)
    ],
    "The SolaPulse laser is safe on every skin tone.": [("uncited-claim", 1, 1)],
    "The studies we have in women who used tretinoin early on are reassuring.": [
        ("uncited-claim", 1, 1)
    ],
    "Our IPL fades sun spots and evens out your skin tone in as little as one session.": [
        ("uncited-claim", 1, 1)
    ],
    # a roundup of products is not a claim of efficacy
    "Our member Q&A on the best fragrance-free moisturisers is pinned.": [],
    # under a heading that lists myths, "claim: rebuttal" items assert nothing
    "## Myths we binned tonight\n\nSunbathing clears acne: a tan hides redness, that's all.": [],
    "## Myths and facts\n\nFact: retinol is the most effective anti-ageing ingredient.": [
        ("uncited-claim", 3, 1)
    ],
    # a question told, not answered, claims nothing
    "Our nurse is asked every week whether microneedling will clear milia.": [],
    "Tinted mineral sunscreens are the best protection you can buy against melasma.": [
        ("uncited-claim", 1, 1)
    ],
    "Subcision permanently lifts 80% of tethered scars in a single session.": [
        ("uncited-claim", 1, 1)
    ],
}


@pytest.mark.parametrize("text", sorted(CLAIM_CASES))
def test_claims(run_json, tmp_path, text):
    assert lint(run_json, tmp_path, text, "uncited-claim") == CLAIM_CASES[text]


def test_claim_hint_names_the_fix_for_its_kind_of_claim(run_json, tmp_path):
    write(tmp_path, "a.md", "Dermatologists recommend retinol.\n\nA 2019 study found peels work.\n")
    hints = [f["hint"] for f in run_json("--select", "uncited-claim", "a.md")[1]["findings"]]
    assert len(hints) == 2
    assert hints[0].startswith("name who says so")
    assert hints[1].startswith("link the study it names")


def test_references_section_without_markers_covers_nothing(run_json, tmp_path):
    text = "Studies show peels work.\n\n## References\n\n1. A randomised trial of peels. 2019."
    assert lint(run_json, tmp_path, text, "uncited-claim") == [("uncited-claim", 1, 1)]


NOTICE_CASES = {
    "Retinol is strong. Talk to your GP first.": [],
    "Retinol is strong. See a board-certified dermatologist.": [],
    "Retinol is strong. Ask your pharmacist.": [],
    "Retinol is strong. Have a word with your dermatologist before you start.": [],
    "Retinol is strong. If you are pregnant, mention it to your GP or midwife.": [],
    "Retinol is strong. Call your GP straight away if your skin blisters.": [],
    "Retinol is strong. Get a dermatologist's opinion before you start.": [],
    "Retinol is strong. Please run any new product past your pharmacist.": [],
    "Retinol is strong. Please run every product past your midwife.": [],
    "Retinol is strong. Take this post to your dermatologist.": [],
    "Retinol is strong. Book a consultation with a licensed practitioner.": [],
    "Retinol is strong. Book your consultation today!": [("missing-professional-notice", 1, 1)],
    "Retinol is strong.\n\n```\nConsult a dermatologist.\n```": [
        ("missing-professional-notice", 1, 1)
    ],
    "Retinol is strong.\n\n<!-- Consult a dermatologist. -->": [
        ("missing-professional-notice", 1, 1)
    ],
    "> **Disclaimer:** this is not medical advice; consult your doctor.\n\nRetinol is strong.": [],
    "Wash with lukewarm water and pat dry.": [],
    "Retinol is strong. If a mole changes, show it to your GP.": [],
    "Retinol is strong. Have your pharmacist look over your routine first.": [],
    "Retinol is strong. If a dermatologist treats your skin, loop them in first.": [],
    "Retinol is strong. Check any change with your dermatologist.": [],
    "Retinol is strong. Have a quick chat with your midwife, GP or dermatologist.": [],
    "Retinol is strong. Get a dermatologist or your GP to look at any mark that changes.": [],
}


@pytest.mark.parametrize("text", sorted(NOTICE_CASES))
def test_notices(run_json, tmp_path, text):
    write(tmp_path, "a.md", text + "\n")
    got = findings(run_json("--select", "missing-professional-notice", "a.md")[1])
    assert got == NOTICE_CASES[text]


def test_invalid_front_matter_reports_the_yaml_line(run_json, tmp_path):
    write(tmp_path, "a.md", "---\ntitle: ok\nauthor: [unclosed\n---\n\nPlain text.\n")
    _, data = run_json("a.md")
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("invalid-front-matter", 3)]
    write(tmp_path, "b.md", "---\n- just\n- a list\n---\n\nPlain text.\n")
    _, data = run_json("b.md")
    assert findings(data) == [("invalid-front-matter", 2, 1)]
