"""The measures of benchmarks/readability.py, on invented summaries."""

import gzip
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import readability as measures  # noqa: E402

ARTICLES = [
    "Mayor Renata Vos opened the harbour bridge on Monday. She said it would carry 40,000 "
    "vehicles a day. PORT ELLIS (Wire Press) — Ferry operators were not invited.",
    "The harbour ferry has run since 1911. Its owners fear the bridge. He said nothing.",
]


def test_a_sentence_leaning_on_its_predecessor_counts_only_without_it() -> None:
    after_antecedent = ["Mayor Renata Vos opened the harbour bridge on Monday.",
                        "She said it would carry 40,000 vehicles a day."]
    assert measures.leaning(after_antecedent, ARTICLES) == 0
    elsewhere = ["The harbour ferry has run since 1911.",
                 "She said it would carry 40,000 vehicles a day."]
    assert measures.leaning(elsewhere, ARTICLES) == 1
    assert measures.leaning(["He said nothing."], ARTICLES) == 1  # first: nothing before it


def test_another_sentence_between_breaks_the_chain() -> None:
    assert measures.follows_in_article("Mayor Renata Vos opened the harbour bridge on Monday.",
                                       "She said it would carry 40,000 vehicles a day.",
                                       ARTICLES)
    assert not measures.follows_in_article("Mayor Renata Vos opened the harbour bridge on Monday.",
                                           "Ferry operators were not invited.", ARTICLES)


def test_repeats_are_pairs_sharing_half_their_content() -> None:
    summary = ["Nine people died when the Tollan Bridge fell into the harbour on Tuesday.",
               "The Tollan Bridge fell into the harbour, killing nine people.",
               "The mayor opened a relief fund for the families."]
    assert measures.repeats(summary) == 1
    assert measures.repeats(summary[1:]) == 0
    short = ["Conard, who retired at 51, is not merely a member of the 1 percent.",
             "He's a member of the 0.1 percent."]
    assert measures.repeats(short) == 0  # two shared stems make no repeat


def test_furniture_and_unfinished_sentences() -> None:
    assert measures.furniture("PORT ELLIS (Wire Press) — Ferry operators were not invited.")
    assert measures.furniture("But Kim refused to leave the talks.")
    assert measures.furniture("Sign up for our morning briefing")
    assert measures.furniture("In this Jan. 23, 2015 photo, a ferry leaves the harbour.")
    assert not measures.furniture("The council had voted for it in 2019.")
    assert measures.unfinished("The council had voted for it in")
    assert not measures.unfinished('He said it was " the best day of my life . "')


def test_recurring_sentences_are_those_of_three_stories_or_more(tmp_path: Path) -> None:
    template = "Rating is available when the video has been rented."
    lines = [f'{{"documents": ["The ferry sank on day {day}. {template}"], "summaries": ["x"]}}'
             for day in range(3)]
    lines.append('{"documents": ["The ferry sank on day 3. Nobody was hurt in the end."]}')
    data = tmp_path / "val.jsonl.gz"
    data.write_bytes(gzip.compress("\n".join(lines).encode()))
    templates = measures.recurring_sentences(data)
    assert measures.recurring("rating is available when the video has been rented .", templates)
    assert not measures.recurring("Nobody was hurt in the end.", templates)
    assert not measures.recurring("The ferry sank on day 1.", templates)  # one story only


def _run(shared: Path) -> subprocess.CompletedProcess[str]:
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "readability.py"
    return subprocess.run(
        [sys.executable, str(script), "--sets", "multinews-raw", "--systems", "lead", "--quiet"],
        capture_output=True, text=True, env={"NEWSWEAVE_SHARED": str(shared), "PATH": ""},
        check=False,
    )


def test_the_script_reports_a_missing_data_folder_and_exits_cleanly(tmp_path: Path) -> None:
    run = _run(tmp_path)
    assert run.returncode == 0
    assert "skip multinews-raw" in run.stdout and "not found" in run.stdout


def test_the_script_names_skipped_lines_and_refuses_an_unreadable_file(tmp_path: Path) -> None:
    data = tmp_path / "data" / "multinews-raw" / "dev.jsonl.gz"
    data.parent.mkdir(parents=True)
    story = '{"documents": ["The council met on Monday. It voted."], "summaries": ["x"]}'
    data.write_bytes(gzip.compress(f"{story}\nnot json\n".encode()))
    run = _run(tmp_path)
    assert run.returncode == 0
    assert "1 stories" in run.stdout
    assert "line 2 skipped" in run.stderr and "Traceback" not in run.stderr
    data.write_bytes(b"not gzip at all")
    run = _run(tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and len(run.stderr.strip().splitlines()) == 1
    data.write_bytes(gzip.compress(b"\xff\xfe\x00\x81 binary\n"))  # not text: named, no crash
    run = _run(tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [
        "warning: multinews-raw line 1 skipped: line 1: not valid JSON (Expecting value column 1)",
        f"error: {data}: no stories in it"]
    data.write_bytes(gzip.compress(b"\n\n"))  # empty: nothing to measure is an error
    run = _run(tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == f"error: {data}: no stories in it"


def test_an_unreadable_val_file_for_recurring_sentences_is_one_line_error(tmp_path: Path) -> None:
    val = tmp_path / "data" / "multinews" / "val.jsonl.gz"
    val.parent.mkdir(parents=True)
    val.write_bytes(b"not gzip at all")
    run = _run(tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr


def test_the_independent_count_wants_a_name_before_a_pronoun_or_a_surname() -> None:
    from ner_introductions import load_tagged_ner, unintroduced

    nlp = load_tagged_ner()
    introduced = ["Mayor Alia Haddad opened the harbour bridge on Monday.",
                  "She said it would carry 40,000 vehicles a day.",
                  "Haddad said the ferry crews were brave."]
    assert unintroduced(introduced, nlp) == []
    bare = ["The harbour bridge opened on Monday.",
            "She said it would carry 40,000 vehicles a day.",
            "Mr. Haddad said the ferry crews were brave."]
    assert unintroduced(bare, nlp) == [1, 2]
    quoted = ["The harbour bridge opened on Monday.",
              "\"It will carry 40,000 vehicles a day,\" Haddad said.",
              "Mayor Alia Haddad cut the ribbon.",
              "\"We waited 50 years,\" Haddad said."]
    assert unintroduced(quoted, nlp) == [1]
    role = ["A woman on the harbour ferry heard a crack.",
            "\"I thought the deck would give way,\" she said."]
    assert unintroduced(role, nlp) == []
    # Multi-News's lower-cased full name is no bare surname
    assert unintroduced(["Dan brown has topped the harbour library's list again."], nlp) == []
