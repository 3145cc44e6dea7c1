"""A named entity's mentions gathered under one key, and what their labels say.

The tagger labels each mention; a ``Group`` keeps one name's spellings, labels and
mentions per article, and its type is the label most of its mentions got. The head word
of a name ("... Board", "... Road") says more of its type than the small model does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsweave.analysis.person_names import fold

# The small model confuses organisations, places and facilities; a name's head noun
# ("... Board", "... Road") settles the type far more reliably.
ORG_HEADS = {
    "agency", "association", "authority", "bank", "board", "bureau", "church", "club",
    "college", "commission", "committee", "company", "corp", "corporation", "council",
    "court", "department", "foundation", "group", "hospital", "inc", "institute", "ltd",
    "ministry", "office", "party", "police", "polytechnic", "school", "service", "transit",
    "union", "university",
    # newspapers, broadcasters and legislatures: "Washington Post", "Library of Congress"
    "post", "times", "news", "journal", "herald", "tribune", "gazette", "magazine", "press",
    "network", "congress", "senate", "parliament", "assembly",
}
PLACE_HEADS = {
    "avenue", "bay", "bridge", "city", "county", "district", "harbour", "harbor", "island",
    "lane", "park", "point", "quay", "road", "square", "street", "tunnel", "valley",
}


def name_key(name: str) -> str:
    """What two spellings of one name share: "Kim Jong-un" = "Kim Jong Un", "US" = "U.S.",
    "Yulín Cruz" = "Yulin Cruz"."""
    key = fold(name).replace(".", "")
    key = key[4:] if key.startswith("the ") else key
    return " ".join(key.replace("-", " ").split())



@dataclass
class Group:
    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    mentions: Counter[int] = field(default_factory=Counter)

    def absorb(self, other: Group) -> None:
        self.forms.update(other.forms)
        self.labels.update(other.labels)
        self.mentions.update(other.mentions)



def group_type(group: Group) -> str:
    return group.labels.most_common(1)[0][0]


def full_person_names(groups: dict[str, Group]) -> dict[str, str]:
    """The key of each group of a person named in two words or more, and the name as it is
    most often written there: what ``person_names`` compares."""
    return {key: group.forms.most_common(1)[0][0] for key, group in groups.items()
            if group_type(group) == "person" and " " in key}
