"""Find "consult a professional" notices: advice to the reader to see someone qualified.

A notice pairs an advice verb ("consult", "talk to", "ask", "book a consultation with")
with a qualified professional a few words later. "Book your consultation today!" names
no professional and is marketing, not a notice. "No need to see a doctor" is not one
either.
"""

from __future__ import annotations

from .analysis import Analysis


def find_notices(analysis: Analysis) -> list[int]:
    """Indexes of the sentences that tell the reader to consult a professional."""
    policy = analysis.policy
    found = []
    for sentence in analysis.sentences:
        text = sentence.text
        for advice in policy.advice.finditer(text):
            if policy.dismissal.search(text[max(0, advice.start() - 40) : advice.start()]):
                continue
            reach = text[advice.end() : advice.end() + policy.notice_window]
            if policy.professional.search(reach):
                found.append(sentence.index)
                break
    return found
