"""DTL: datelines, the ALL-CAPS place that opens a wire story.

AP's form is ``CITY (AP) — `` on AP's own copy and ``CITY — `` (or
``CITY, State — ``) elsewhere: the place in capitals, the AP abbreviation of
the state unless the city stands alone, then one space, an em dash and one
space. Only the opening of the story is read, and only a strict dateline
shape counts (see :mod:`.analysis`). Profiles whose ``datelines`` setting is
false (nyt, guardian) skip the family.
"""

FAMILY = "DTL"

#: Where the family's rules come from (research/house-style-rules.md §1.8, §1.9).
SOURCE_AP = (
    "AP datelines: research/house-style-rules.md §1.9 AP-DL-1 and §1.8 (https://writingexplained.org/ap-style/ap-style-datelines ; "
    "http://www.gatehousenewsroom.com/2016/03/24/a-refreshing-ap-stylebook-refresher-on-datelines-and-places/ ; "
    "AP Stylebook \"datelines\" quoted at https://quizwizapp.com/study/ap-style-book)"
)
