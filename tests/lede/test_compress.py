"""A lede no cut makes headline-short loses its subordinate parts by the parse instead."""

import pytest

from newsweave.lede.compress import without_subordinates
from newsweave.lede.core_clause import LONGEST, MAX_WORDS, lede_clause
from newsweave.summarizer.cut_short import load_parser


@pytest.mark.parametrize(
    ("lede", "headline"),
    [
        # raw dev: "A man who was freed on a technicality from a more than 300-year prison
        # sentence was put back behind bars Friday night in El Paso County" (26 words)
        ("A ferry captain who was cleared on a technicality of a more than 20-year-old "
         "smuggling charge was put back behind bars Friday night in Port Ellis.",
         "A ferry captain was put back behind bars Friday night in Port Ellis"),
        # an adverbial clause between commas, and an appositive inside the subject
        ("Harbour Foods Co., citing the collapse of a region in the midst of a long drought, "
         "said Tuesday it was closing its plants in Dunmere and would pay its workers.",
         "Harbour Foods Co. said Tuesday it was closing its plants in Dunmere and would pay "
         "its workers"),
        ("The deaths last month of Ada Brannock, the wealthy founder of the ferry line "
         "Hallam Shipping Ltd., and her husband are being investigated as a double homicide.",
         "The deaths last month of Ada Brannock and her husband are being investigated as a "
         "double homicide"),
        # an aside between dashes goes with both of them
        ("one tenth of all the region's commercially caught fish — totaling 4.2 million "
         "tonnes in 2024 — is used to make animal feed in Hallam.",
         "one tenth of all the region's commercially caught fish is used to make animal feed "
         "in Hallam"),
        # a participle's phrase after the subject
        ("A swimmer standing in a crowd of more than 100 people on the long harbour wall at "
         "Port Ellis fatally injured himself on Saturday.",
         "A swimmer fatally injured himself on Saturday"),
    ],
)
def test_a_long_lede_keeps_its_core_clause(lede: str, headline: str) -> None:
    assert lede_clause(lede) == headline
    assert len(headline.split()) <= LONGEST


def test_nothing_is_left_out_where_the_parse_is_unsure() -> None:
    parser = load_parser()
    # the parse reads "before" as the verb's and "cup" as a second subject: leaving the
    # who-clause out would have the bishop suspend him before the final
    lede = ("A harbour priest who made headlines around the world by holding a blue mass to "
            "pray for the rowing team before its cup final against Dunmere has been "
            "suspended by his bishop")
    assert without_subordinates(parser(lede), MAX_WORDS, LONGEST) in (
        None, "A harbour priest has been suspended by his bishop")
    # a quotation is never cut into
    quoted = ("The mayor, speaking at a meeting for pupils at the harbour school today, "
              "stressed the importance of engineers \"building bridges for everyone in the "
              "world\" on Monday")
    shortened = without_subordinates(parser(quoted), MAX_WORDS, LONGEST)
    assert shortened is None or shortened.count('"') % 2 == 0
    # short already: nothing to do
    assert without_subordinates(parser("The bridge reopened on Monday"), MAX_WORDS,
                                LONGEST) is None
