"""Who a sentence is about, and whether the summary introduced them (lede/introductions.py),
on invented text shaped like the readability benchmark's real hits."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.lede.cast import _TITLED, cast_of, is_cased, titled_names
from newsweave.lede.introductions import (
    introduces,
    opening_surname,
    subject_needing_introduction,
    unintroduced,
)
from newsweave.model import Sentence

ARTICLES = [
    "Sudanese President Omar al-Bashir left Port Ellis on Monday in defiance of a court. "
    "Passengers on his flight said nothing. The emirate of Velmar has huge oil riches, and "
    "Velmar has backed the rebels. Structural engineer Harold Karp said the tower leans.",
    "Bashir has evaded arrest for years. Karp says the foundation is a problem. The "
    "passengers were told to stay seated.",
]


def test_a_surname_with_a_particle_is_introduced_by_the_full_name() -> None:
    assert introduces("Sudanese President Omar al-Bashir flew out on Monday.", "Bashir")
    summary = ["Sudanese President Omar al-Bashir flew out of Port Ellis on Monday.",
               "Bashir has evaded arrest for years."]
    assert unintroduced(summary, cast_of(ARTICLES)) == []


def test_a_capitalised_word_is_a_subject_to_introduce_only_if_the_story_names_a_person_so() -> None:
    cast = cast_of(ARTICLES)
    # a place and a common noun at the start of a sentence: nobody to introduce
    assert subject_needing_introduction("Velmar has huge oil riches.", cast) is None
    assert subject_needing_introduction("Passengers said he screamed.", cast) is None
    # a surname the articles give with a first name: yes
    assert subject_needing_introduction("Karp says the foundation is a problem.", cast) == "Karp"
    summary = ["The tower has sunk another inch.", "Karp says the foundation is a problem."]
    assert unintroduced(summary, cast) == [1]
    # without the story, the old rule: any capitalised word
    assert subject_needing_introduction("Velmar has huge oil riches.") == "Velmar"


def test_a_pronoun_is_introduced_by_a_role_or_a_name_the_story_gives() -> None:
    cast = cast_of(ARTICLES)
    assert introduces("A police officer bought a replacement ring.", "")
    assert unintroduced(["A police officer bought a replacement ring.",
                         "She said the couple cried."], cast) == []
    assert unintroduced(["Nobody likes hearing about it on a public forum.",
                         "On Wednesday, his mom shared a thought."], cast) == [1]
    # a pronoun inside the subject, a share of hers: who is she?
    assert unintroduced(["The camp's remains were mapped with radar.",
                         "Much of her work is with police departments."], cast) == [1]
    assert unintroduced(["A police officer bought a replacement ring.",
                         "Most of her colleagues chipped in."], cast) == []
    # "Karp" alone, named before, is who "he" is
    assert unintroduced(["Then Karp looked at the tower.", "He found cracks."], cast) == []


LOWERCASED = [
    "kristen tavares, 23, is still on a breathing machine at the maui medical center. the "
    "crash happened on monday. \" we did find out they did do a ct scan, \" said joe tavares, "
    "her father. the distribution of aid continued. mr. cacheris declined to comment.",
]


def test_lowercased_text_names_people_after_a_title_or_another_word() -> None:
    assert not is_cased(LOWERCASED)
    assert is_cased(ARTICLES)
    cast = cast_of(LOWERCASED)
    assert {"tavares", "cacheris"} <= cast.surnames
    assert "distribution" not in cast.surnames
    # a common noun capitalised only because it opens the sentence
    assert subject_needing_introduction("Distribution will continue through the night.",
                                        cast) is None
    introduced = ["Kristen tavares, 23, is still in a coma.", "Tavares was hit on monday."]
    assert unintroduced(introduced, cast) == []
    assert unintroduced(["The crash happened on monday.", "Tavares was hit on monday."],
                        cast) == [1]
    # a pronoun after a titled name is introduced
    assert unintroduced(["No deal appears imminent, mr. Cacheris said.",
                         "He faces up to 30 years in prison."], cast) == []


def test_the_summary_is_chosen_again_without_a_sentence_it_does_not_introduce() -> None:
    from newsweave.lede.order import introduced_summary

    texts = ["The Port Ellis tower has sunk another inch this year.",
             "Karp says the tower's foundation is not anchored in bedrock.",
             "The city will pay for new piles under the tower."]
    sentences = [Sentence(k, 0, len(t), t, 0) for k, t in enumerate(texts)]
    cast = cast_of(["Structural engineer Harold Karp inspected the tower.", *texts])
    offered: list[set[int]] = []

    def arrange(left_out: set[int], held: Sequence[int] = ()) -> list[int]:
        offered.append(set(left_out))
        return [i for i in (0, 1, 2) if i not in left_out]

    assert introduced_summary(sentences, arrange, cast) == [0, 2]
    assert offered == [set(), {1}]  # chosen again, without "Karp says"


def test_a_sentence_naming_someone_by_surname_brings_their_introduction_along() -> None:
    from newsweave.lede.order import introduced_summary

    texts = ["The Port Ellis tower has sunk another inch this year.",
             "Karp says the tower's foundation is not anchored in bedrock.",
             "The city will pay for new piles under the tower.",
             "Structural engineer Harold Karp inspected the tower on Monday.",
             "Residents of the upper floors have been offered hotel rooms."]
    sentences = [Sentence(k, 0, len(t), t, 0) for k, t in enumerate(texts)]
    cast = cast_of(texts)
    offered: list[tuple[set[int], list[int]]] = []

    def arrange(left_out: set[int], held: Sequence[int] = ()) -> list[int]:
        # a budget of three sentences: the lede, what is held, then the best of the rest
        offered.append((set(left_out), list(held)))
        rest = [i for i in (1, 2, 4, 3) if i not in left_out and i not in held]
        return [0, *held, *rest][:3]

    # without its introduction "Karp says ..." would be withheld for the piles and hotels
    assert introduced_summary(sentences, arrange, cast, ranked=[2, 3, 4, 0]) == [0, 3, 1]
    assert offered == [(set(), []), (set(), [3])]


def test_a_summary_is_not_left_opening_on_a_sentence_that_leans() -> None:
    from newsweave.lede.order import introduced_summary

    texts = ["Karp says the tower's foundation is not anchored in bedrock.",
             "And there are concerns he may have been involved in some bad business."]
    sentences = [Sentence(k, 0, len(t), t, 0) for k, t in enumerate(texts)]
    cast = cast_of(["Structural engineer Harold Karp inspected the tower.", *texts])

    def arrange(left_out: set[int], held: Sequence[int] = ()) -> list[int]:
        return [i for i in (0, 1) if i not in left_out]

    # without the first, the summary would open on "And there are concerns he ..."
    assert introduced_summary(sentences, arrange, cast) == [0, 1]


def test_a_summary_is_never_left_empty_for_want_of_an_introduction() -> None:
    from newsweave.lede.order import introduced_summary

    # a 30-word budget only "Karp says ..." fits: shown, rather than nothing
    text = "Karp says the tower's foundation is not anchored in bedrock."
    sentences = [Sentence(0, 0, len(text), text, 0)]
    cast = cast_of(["Structural engineer Harold Karp inspected the tower.", text])

    def arrange(left_out: set[int], held: Sequence[int] = ()) -> list[int]:
        return [i for i in (0,) if i not in left_out]

    assert introduced_summary(sentences, arrange, cast) == [0]



def test_a_possessive_an_adverb_or_any_common_verb_still_makes_a_bare_name_the_subject() -> None:
    articles = ["Actor Milo Brenner was reported missing by his family on Monday.",
                "Brenner's wife filed a missing person's report with the police.",
                "Brenner feels he was treated unfairly, a friend said.",
                "Brenner previously told reporters he planned to move abroad."]
    cast = cast_of(articles)
    assert [subject_needing_introduction(t, cast) for t in articles[1:]] == ["Brenner"] * 3
    assert unintroduced(articles[1:], cast) == [0, 1, 2]
    assert unintroduced(articles, cast) == []
    # an object, not a person: "Harbor's" is no name the articles give
    assert subject_needing_introduction("Harbor's lights went out at dusk.", cast) is None


def test_lower_cased_text_names_people_after_verbs_only_where_a_name_goes() -> None:
    # Multi-News val: lower case but for each sentence's first letter, which a split in the
    # middle of a line may leave lower case too
    articles = ["Reporters asked devin, the driver of the truck, what happened. "
                "Regulators censored nimbus's messaging app last year. "
                "Fans watching starfall, the new film, cheered.",
                "devin previously told us the brakes had failed."]
    cast = cast_of(articles)
    assert not cast.cased
    assert "devin" in cast.surnames
    assert "nimbus" not in cast.surnames and "starfall" not in cast.surnames
    assert subject_needing_introduction(articles[1], cast) == "Devin"
    assert subject_needing_introduction("Nimbus is planning a new messaging app.", cast) is None


def test_a_courtesy_title_does_not_introduce_anyone() -> None:
    articles = ["Fire chief Owen Brennick said rescuers had pulled 14 people from the water.",
                "Mr. Brennick said the search would go on through the night."]
    cast = cast_of(articles)
    assert subject_needing_introduction(articles[1], cast) == "Brennick"
    assert unintroduced(["The bridge fell on Tuesday.", articles[1]], cast) == [1]
    assert unintroduced(articles, cast) == []


def test_an_update_reader_knows_the_people_of_what_they_read_before() -> None:
    from newsweave.lede.order import introduced_summary

    texts = ["The Port Ellis tower has sunk another inch this year.",
             "Karp says the tower's foundation is not anchored in bedrock."]
    sentences = [Sentence(k, 0, len(t), t, 0) for k, t in enumerate(texts)]
    before = ["Structural engineer Harold Karp inspected the tower on Monday."]
    cast = cast_of([*before, *texts])

    def arrange(left_out: set[int], held: Sequence[int] = ()) -> list[int]:
        return [i for i in (0, 1) if i not in left_out]

    assert introduced_summary(sentences, arrange, cast) == [0]
    assert introduced_summary(sentences, arrange, cast, read_before=before) == [0, 1]


def test_a_hyphenated_name_is_split_only_after_a_particle_and_an_opener_is_no_name() -> None:
    cast = cast_of(["Agence France-Presse reported the coins were struck in Pessac.",
                    "President Omar al-Bashir left on Monday. Besides France, Spain voted."])
    assert "bashir" in cast.surnames
    assert "france" not in cast.surnames
    assert subject_needing_introduction("France has already struck one billion coins.",
                                        cast) is None


# Shaped like raw dev's summaries read by hand (docs/quality.md): a quotation's speaker
# named after it by surname alone, and a name whose first word is the surname.
SPOKEN = [
    "Nuclear scientist Idris Qamar says he sold the designs. The letter was authenticated "
    "by former inspector Lena Halvorsen. \"He gave it to me to show he was no rogue,\" "
    "Halvorsen said. The substance of the letter, Halvorsen said, makes sense.",
    "Blind activist Wen Liqiang left the embassy on Wednesday. \"I want to study,\" Wen said. "
    "Wen plans to travel to the United States.",
]


def test_a_quotations_speaker_named_by_surname_alone_needs_an_introduction() -> None:
    cast = cast_of(SPOKEN)
    said = '"He gave it to me to show he was no rogue," Halvorsen said.'
    assert subject_needing_introduction(said, cast) == "Halvorsen"
    assert subject_needing_introduction(
        "The substance of the letter, Halvorsen said, makes sense.", cast) == "Halvorsen"
    assert unintroduced(["Idris Qamar says he sold the designs.", said], cast) == [1]
    assert unintroduced(["The letter was authenticated by former inspector Lena Halvorsen.",
                         said], cast) == []
    # a pronoun speaker needs some person before it
    assert unintroduced(["The designs were sold.", '"It was a deal," she explains.'],
                        cast) == [1]
    # a role is no name to introduce
    assert subject_needing_introduction('"It was a deal," the official said.', cast) is None
    # the verb before the name
    inverted = '"He gave it to me to show he was no rogue," said Halvorsen.'
    assert subject_needing_introduction(inverted, cast) == "Halvorsen"
    assert subject_needing_introduction('"It was a deal," said Sgt. Lena Halvorsen.', cast) is None


def test_a_name_whose_first_word_is_the_surname() -> None:
    cast = cast_of(SPOKEN)
    assert "wen" in cast.surnames  # "Wen Liqiang" and "Wen said": Wen is his surname
    assert unintroduced(["Officials let the activist leave on Wednesday.",
                         '"I want to study," Wen said.'], cast) == [1]
    assert unintroduced(["Blind activist Wen Liqiang left the embassy on Wednesday.",
                         '"I want to study," Wen said.'], cast) == []


def _sentences(articles: list[str]) -> list[Sentence]:
    """Each article's sentences (split at ". "), less an opening "Meanwhile, "."""
    return [Sentence(a, 0, len(t), t.removeprefix("Meanwhile, ").rstrip(".") + ".", p)
            for a, article in enumerate(articles)
            for p, t in enumerate(article.split(". "))]


def test_a_sentence_opening_on_a_surname_moves_behind_the_full_name() -> None:
    from newsweave.lede.order import news_order

    articles = [
        "The harbour trust's divers found a second wreck off Eastmere on Tuesday. "
        "The dive began at dawn. Moor and her crew measured the hull for six hours.",
        "The trust will publish the survey in May. The survey cost 9,000 pounds. "
        "Harbour engineer Dana Moor said the wreck was older than the first.",
    ]
    sentences = _sentences(articles)
    cast = cast_of(articles)
    # "Moor and her crew measured" before the sentence naming Dana Moor leaves the reader
    # asking who Moor is; news order puts it behind that sentence
    assert unintroduced([s.text for s in sentences], cast) == [2]
    assert news_order(sentences, [0, 2, 5], [3, 3], 0, cast) == [0, 5, 2]


def test_a_sentence_opening_on_a_things_name_moves_behind_what_says_what_it_is() -> None:
    from newsweave.lede.order import news_order

    articles = [
        "Divers found a second wreck off Eastmere on Tuesday. The dive began at dawn. "
        "Meanwhile, Tidewatch has said it cannot go on diving alone.",
        "The trust will publish the survey in May. The survey cost 9,000 pounds. "
        "Dana Moor, director of the group Tidewatch, said the wreck was older than the first.",
    ]
    sentences = _sentences(articles)
    cast = cast_of(articles)
    # no person's name: the pronoun rules leave it where it is, the thing's rule moves it
    assert subject_needing_introduction(sentences[2].text, cast) is None
    assert news_order(sentences, [0, 2, 5], [3, 3], 0, cast) == [0, 5, 2]
    # named before, it stays: the reader has met Tidewatch
    sentences[3] = Sentence(1, 0, 40, "Tidewatch divers went down at noon.", 0)
    assert news_order(sentences, [0, 3, 2, 5], [3, 3], 0, cast) == [0, 3, 2, 5]


# Shaped like raw dev's and val's NER-counted misses (docs/quality.md): a publicist who
# "declined", a reporter who "spoke", a founder whom no article names in full.
def test_more_verbs_of_a_bare_name_subject_need_the_full_name() -> None:
    articles = ["The actor was moved to intensive care, his representative Erik Kritzer said.",
                "Kritzer declined to say which hospital. Our reporter Ada Greene was there.",
                "Greene spoke to one nurse at the door."]
    cast = cast_of(articles)
    declined = "Kritzer declined to say which hospital."
    assert subject_needing_introduction(declined, cast) == "Kritzer"
    assert unintroduced(["The actor is in intensive care.", declined], cast) == [1]
    assert unintroduced([articles[0], declined], cast) == []
    assert unintroduced(["The actor is in intensive care.", articles[2]], cast) == [1]


def test_a_bare_name_blaming_or_denying_needs_the_full_name() -> None:
    # raw dev: "Maduro blames Venezuela's crisis on ..." after the sentence naming
    # "President Nicolas Maduro" had left the summary
    articles = ["The opposition blames President Tomas Okafor for the harbour's decline.",
                "Okafor blames the crisis on an economic war waged by the port's rivals."]
    cast = cast_of(articles)
    blames = articles[1]
    assert subject_needing_introduction(blames, cast) == "Okafor"
    assert unintroduced(["The harbour is in decline.", blames], cast) == [1]
    assert unintroduced(articles, cast) == []


def test_a_speaker_written_as_a_person_is_one_though_no_article_names_him_in_full() -> None:
    articles = ["The site will now allow any legal project, Strickler says. Back in 2009 "
                "Strickler and his co-founders built it in a loft.",
                "Strickler has never liked the approval step. Google says it will watch."]
    cast = cast_of(articles)
    assert "strickler" in cast.surnames
    assert "google" not in cast.surnames  # a speaker, but never written as a person
    assert unintroduced(["The site changed its rules.", "Strickler has never liked the "
                         "approval step."], cast) == [1]
    # no speaker: a man written "and his" is not enough ("Barcelona and his team-mates")
    assert "barcelona" not in cast_of(["Barcelona and his team-mates won."]).surnames


def test_a_surname_with_a_relative_clause_still_moves_behind_the_full_name() -> None:
    cast = cast_of(["Reclusive collector Cornelius Gurlitt died on Tuesday.",
                    "Gurlitt, who died on Tuesday, hoarded 1,000 works. Gurlitt said so."])
    assert opening_surname("Gurlitt, who died on Tuesday, hoarded 1,000 works.", cast) == \
        "Gurlitt"


def test_titled_names_are_those_the_case_blind_pattern_finds_in_any_script() -> None:
    texts = ["MR. KARP and judge karen s. Crawford met President Obama; Sen. al-Bashir too.",
             "Président Müller and Mr. İnönü met Dr. Smith and Mayor Kelvin (\u212a) Vos.",
             "No title here, Mrs"]
    for text in texts:
        expected = [m.group("name").lower() for m in _TITLED.finditer(text)]
        assert [name.lower() for name in titled_names(text)] == expected
    assert titled_names(texts[0]) == ["karp", "karen", "obama", "al-bashir"]


def test_a_bare_name_with_a_who_clause_needs_the_full_name() -> None:
    # raw dev: "Mr. Nauimi, who said he has known the incoming emir since ..., said ..."
    # opened on no introduction once a verbless lede had left the summary
    articles = ["Harbour master Idris Valcourt said the ferries would sail again on Monday.",
                "Mr. Valcourt, who watched the storm from the quay, said the damage was the "
                "worst he had seen."]
    cast = cast_of(articles)
    assert subject_needing_introduction(articles[1], cast) == "Valcourt"
    assert unintroduced(["The ferries stopped on Friday.", articles[1]], cast) == [1]
    assert unintroduced(articles, cast) == []
    sworn_in = "Valcourt, who was sworn in as harbour master on Sunday, said the port would open."
    assert subject_needing_introduction(sworn_in, cast) is None  # the clause gives his role


BUS_ARTICLES = [
    "Part of a road bridge collapsed on Tuesday, plunging a passenger bus and several cars "
    "into the harbour. The bus, which was carrying 22 passengers, came to rest against a "
    "pier. The bridge opened in 1968.",
    "A city bus was among the vehicles that fell. The bridge had been inspected in May.",
    "The company said the bridge was safe. The company, which built it, declined to comment.",
]


def test_a_thing_the_articles_bring_in_as_new_needs_bringing_in_before_the() -> None:
    cast = cast_of(BUS_ARTICLES)
    assert cast.brings_in("bus") and not cast.brings_in("bridge")
    assert subject_needing_introduction(
        "The bus, which was carrying 22 passengers, came to rest against a pier.", cast
    ) == "the bus"
    assert subject_needing_introduction("The passenger bus was towed away.", cast) == "the bus"
    # known from the start in the articles: "the bridge", "the company"
    assert subject_needing_introduction("The bridge opened in 1968.", cast) is None
    assert subject_needing_introduction("The company, which built it, declined.", cast) is None
    lede = "Part of a road bridge collapsed on Tuesday, killing nine people."
    stray = "The bus, which was carrying 22 passengers, came to rest against a pier."
    assert unintroduced([lede, stray], cast) == [1]
    assert unintroduced(["A city bus was among the vehicles that fell.", stray], cast) == []
    # without the story, no rule: "The bus" may be any bus the reader knows
    assert subject_needing_introduction(stray) is None


def test_a_courtesy_title_named_in_passing_introduces_no_one() -> None:
    articles = ["Police charged naturalized citizen Chan Han Choi on Sunday. Mr. Choi was "
                "a naturalized citizen, police said. Officer Dana Kerr led the raid."]
    cast = cast_of(articles)
    passing = "The police said that Mr. Choi had been in contact with officials abroad."
    leaning = "Mr. Choi was a naturalized citizen, police said."
    assert unintroduced([passing, leaning], cast) == [1]
    assert unintroduced(["Police charged Chan Han Choi on Sunday.", leaning], cast) == []
    # a title of role does introduce: "Officer Kerr"
    assert unintroduced(["Officer Kerr led the raid on Sunday.", "Kerr said it went well."],
                        cast_of(articles + ["Kerr said it went well."])) == []
    # lower-cased text: "mr. choi" is no name in a name's place either
    lower = cast_of([a.lower() for a in articles])
    assert unintroduced([passing.lower(), "Mr. Choi was a naturalized citizen."], lower) == [1]
    # a pronoun still has someone to stand for
    assert unintroduced([passing, "He was charged on Sunday."], cast) == []


def test_lower_cased_text_names_a_speaker_after_the_verb() -> None:
    # Multi-News val: '"...," said mr leigh' and '" said netanyahu, who ...' open summaries
    articles = ["investigative editor dana merriweather said the paper had once paid for "
                "tips. \" i have used those methods myself, \" said ms merriweather. "
                "governor alden okoro called the law a mistake. \" it is outrageous, \" said "
                "okoro, who is in town for a conference. \" we will look at it, \" said "
                "ruth, the mayor's aide. aide ruth banner agreed. \" we cannot wait, \" said "
                "tuesday."]
    cast = cast_of(articles)
    assert not cast.cased
    said_ms = "\" i have used those methods myself, \" said ms merriweather."
    said_okoro = "\" it is outrageous, \" said okoro, who is in town for a conference."
    assert subject_needing_introduction(said_ms, cast) == "merriweather"
    assert subject_needing_introduction(said_okoro, cast) == "okoro"
    # a role right behind the name introduces her; a day is nobody
    assert subject_needing_introduction(
        "\" we will look at it, \" said ruth, the mayor's aide.", cast) is None
    assert subject_needing_introduction("\" we cannot wait, \" said tuesday.", cast) is None
    assert unintroduced([said_okoro, said_ms], cast) == [0, 1]
    assert unintroduced(["Governor alden okoro called the law a mistake.", said_okoro,
                         "Investigative editor dana merriweather said the paper paid.",
                         said_ms], cast) == []


# Raw dev: "Romano too acknowledged ...", "Conard concludes ...", "Conard doesn't have to
# worry ..." and "Fey's first book ..." were shown with no sentence naming the person.
def test_a_surname_opening_with_any_verb_needs_the_full_name_in_cased_text() -> None:
    introduced = "Party chair Lino Romano, economist Edna Conard and singer Ava Fey met."
    articles = ["Party chair Lino Romano defended the flyer. Economist Edna Conard disagreed.",
                "Romano too acknowledged the flyer's undertones. Conard concludes that it "
                "cost votes. Conard doesn't have to run again. Singer Ava Fey spoke last.",
                "Ms. Fey said she was tired."]
    cast = cast_of(articles)
    for text, name in [("Romano too acknowledged the flyer's undertones.", "Romano"),
                       ("Conard concludes that it cost votes.", "Conard"),
                       ("Conard doesn’t have to run again.", "Conard"),
                       ("Conard just used the figures.", "Conard"),
                       ("Fey's first book sold 150,000 copies.", "Fey"),
                       # after a phrase setting the scene (raw dev: "In addition to
                       # starring on 30 Rock, Fey is the producer and head writer.")
                       ("In addition to singing in the choir, Fey is a teacher.", "Fey"),
                       ("On Monday, Conard told the board it cost votes.", "Conard"),
                       ("Under the new rules, Fey's campaign might pass.", "Fey")]:
        assert subject_needing_introduction(text, cast) == name, text
        assert unintroduced(["The flyer went out on Monday.", text], cast) == [1]
        assert unintroduced([introduced, text], cast) == []
    # not a person's name, nor a possessive of anyone the story names as a person
    assert subject_needing_introduction("Russia's generals were loyal.", cast) is None
    assert subject_needing_introduction("Harbor officials said so.", cast) is None
    # a country speaks as a person does ("China said"), but its possessive names a body
    china = cast_of(["China said it would talk. The Harvard China Fund paid for it."])
    assert "china" in china.people
    for text in ["China's Foreign Ministry said talks would go on.",
                 "As part of the deal, China's Foreign Ministry said talks would go on."]:
        assert subject_needing_introduction(text, china) is None, text
    assert subject_needing_introduction("After the talks, the ferry left.", cast) is None


def test_a_later_sentence_of_a_block_that_names_someone_moves_the_block_too() -> None:
    from newsweave.lede.order import news_order

    # "But Boehner and his team ..." right behind its article's sentence before it travels
    # with that sentence, and the two go behind the sentence naming Speaker Vic Holm
    articles = [
        "The harbour board voted to delay the bridge on Tuesday. The vote was 9 to 4.",
        "Conservative members want the bridge money spent on ferries. "
        "Holm and his deputies have settled on a plan to fund the ferries first.",
        "Speaker Vic Holm and deputy Ana Ruiz will need the opposition's votes.",
    ]
    sentences = _sentences(articles)
    cast = cast_of(articles)
    assert news_order(sentences, [0, 2, 3, 4], [2, 2, 1], 0, cast) == [0, 4, 2, 3]
    # the lede's block stays first all the same (val: a lede block moved behind "Rev.
    # Christopher King" let a pun open the summary); the sentence naming Holm leaves it
    assert news_order(sentences, [0, 2, 3, 4], [2, 2, 1], 2, cast) == [2, 0, 4, 3]


def test_a_knight_named_by_first_name_needs_the_full_name_and_the_lede_block_lets_go() -> None:
    from newsweave.lede.order import news_order

    # raw dev: "Sir Paul wrote to them ..." right behind the lede, "Sir Paul McCartney"
    # named only two sentences later
    articles = [
        "Two sisters sent a tape to the Beatles in 1963. "
        "Sir Alec wrote to them to thank them for the tape.",
        "Two women have received a reply from Sir Alec Brannock, sixty years on.",
    ]
    sentences = _sentences(articles)
    cast = cast_of(articles)
    assert subject_needing_introduction(sentences[1].text, cast) == "Alec"
    assert introduces(sentences[2].text, "Alec", cast)
    assert not introduces("Sir Alec said so.", "Alec", cast)  # a title says no more
    # the lede stays first; the knight's sentence leaves its block for behind his name
    assert news_order(sentences, [0, 1, 2], [2, 1], 0, cast) == [0, 2, 1]


def test_a_sentence_leaning_on_one_left_out_for_want_of_an_introduction_goes_too() -> None:
    from newsweave.lede.order import introduced_summary

    # raw dev: "Conard picked up a soda can ..." went, and '"...," he told me.' stayed,
    # right behind a sentence about another man
    texts = ["The Port Ellis tower has sunk another inch this year.",
             "Engineer Ola Brekke says the piles are sound.",
             "Karp picked up a pile cap and turned it over.",
             "\u201cThis is where it cracked,\u201d he told me."]
    sentences = [Sentence(0, 0, len(t), t, k) for k, t in enumerate(texts)]  # one article
    cast = cast_of(["Structural engineer Harold Karp inspected the tower.", *texts])

    def arrange(left_out: set[int], held: Sequence[int] = ()) -> list[int]:
        return [0, 1, 2, 3]  # a selector that cannot leave anything out

    assert introduced_summary(sentences, arrange, cast) == [0, 1]
