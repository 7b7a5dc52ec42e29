"""Find "consult a professional" notices: advice to the reader to see someone qualified.

A notice pairs an advice verb ("consult", "talk to", "ask", "book a consultation with")
with a qualified professional a few words later. "Book your consultation today!" names
no professional and is marketing, not a notice. "No need to see a doctor" is not one
either.
"""

from __future__ import annotations

from .analysis import Analysis


def find_notices(analysis: Analysis) -> list[int]:
    """Indexes of the sentences that tell the reader to consult a professional.

    "Your dermatologist is the best person to ask. Check with them first." counts: a
    pronoun after the advice verb stands for a professional named in the sentence
    before it.
    """
    policy = analysis.policy
    found = []
    previous_names_professional = False
    previous_block = -1
    for sentence in analysis.sentences:
        text = sentence.text
        if sentence.block != previous_block:
            previous_names_professional = False
            previous_block = sentence.block
        if policy.notice_phrase.search(text):
            found.append(sentence.index)
            previous_names_professional = True
            continue
        for advice in policy.advice.finditer(text):
            if policy.dismissal.search(text[max(0, advice.start() - 40) : advice.start()]):
                continue
            reach = text[advice.end() : advice.end() + policy.notice_window]
            named_before = previous_names_professional or policy.professional.search(
                text[: advice.start()]
            )
            if policy.professional.search(reach) or (
                named_before and policy.professional_pronoun.match(reach.lstrip())
            ):
                found.append(sentence.index)
                break
        previous_names_professional = bool(policy.professional.search(text))
    return found
