"""Item analysis for course staff: the figures in the statistics answer, and a CSV export.

Both read each learner's first graded attempt from their own user_state row
(`first_attempt`, kept by the submit handler); learners who submitted before the block
kept it are counted apart, never guessed from later attempts.
"""

import csv
import io
from itertools import islice

from webob import Response

from xblocks.common.handlers import json_api
from xblocks.common.learner_states import iter_learner_states

from .item_analysis import analyse, flag_words
from .stats import MAX_LEARNERS

# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def first_attempts(states, limit):
    """(records, learners who submitted before the analysis existed) from user states."""
    records, before = [], 0
    for _learner, state in islice(states, limit):
        if state.get("first_attempt"):
            records.append(state["first_attempt"])
        elif state.get("presented"):
            before += 1
    return records, before


def csv_cell(value):
    """A text cell that no spreadsheet runs as a formula; numbers are written as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class ItemAnalysisMixin:
    """The analysis in the staff statistics and the staff-only CSV handler (needs
    QuizFields and ReportsMixin)."""

    def item_analysis(self, states, limit):
        records, before = first_attempts(states, limit)
        analysis = analyse(self.questions, records)
        words = flag_words(self.gettext)
        for item in analysis["items"]:
            item["flag_words"] = [words[flag] for flag in item["flags"]]
            for choice in item["choices"]:
                choice["flag_words"] = [words[flag] for flag in choice["flags"]]
        analysis["before_analysis"] = before
        return analysis

    def analysis_labels(self, analysis):
        """The staff view's words, sent with the figures so learners' pages stay light."""
        _, ngettext = self.gettext, self.ngettext
        before = analysis["before_analysis"]
        return {
            "heading": _("Item analysis (first attempts)"),
            "caption": _("Item analysis: each question over the learners who saw it"),
            "learners": ngettext(
                "{n} learner's first attempt analysed.",
                "{n} learners' first attempts analysed.",
                analysis["learners"],
            ).format(n=analysis["learners"]),
            "before": ngettext(
                "{n} learner submitted before the analysis existed and is not counted.",
                "{n} learners submitted before the analysis existed and are not counted.",
                before,
            ).format(n=before)
            if before
            else "",
            "too_few": _(
                "Too few learners for figures: {n} so far, {min} needed. The figures appear "
                "once enough learners have answered."
            ).format(n=analysis["learners"], min=analysis["min_learners"]),
            "item_too_few": _("Seen by {n}: too few for figures"),
            "mean": _("Mean score"),
            "median": _("Median score"),
            "sd": _("Standard deviation"),
            "alpha": _("Cronbach's alpha"),
            "sem": _("Standard error of measurement"),
            "not_defined": _("not defined"),
            "question": _("Question"),
            "seen": _("Learners who saw it"),
            "facility": _("Facility"),
            "discrimination": _("Discrimination"),
            # xgettext:no-python-format ("% c" and "% i" are no placeholders)
            "upper_lower": _("Upper-lower index (27%)"),
            "efficiency": _("Discriminative efficiency"),
            "flags": _("Flags"),
            "choice": _("Choice"),
            # xgettext:no-python-format ("% c" and "% i" are no placeholders)
            "choices_caption": _("Who chose each choice: the upper and lower 27% of learners"),
            # xgettext:no-python-format ("% c" and "% i" are no placeholders)
            "upper": _("Upper 27% chose"),
            # xgettext:no-python-format ("% c" and "% i" are no placeholders)
            "lower": _("Lower 27% chose"),
            "correct": _("correct answer"),
            "chart_title": _("Facility and discrimination of each question"),
            "chart_desc": _(
                "A dot per question: facility from 0 to 100% across, discrimination from "
                "-1 to 1 up. Good questions sit high, in the middle. The table above gives "
                "the same figures."
            ),
            "chart_point": _("Question {n}: facility {f}, discrimination {d}"),
            "download": _("Download the item analysis (CSV)"),
        }

    def analysis_rows(self, analysis):
        """The CSV: a header, then a row per question followed by a row per choice."""
        _ = self.gettext
        words = self.analysis_labels(analysis)
        yield [
            _("Row"),
            _("Question ID"),
            words["question"],
            words["choice"],
            _("Correct"),
            words["seen"],
            words["facility"],
            words["discrimination"],
            words["upper_lower"],
            words["efficiency"],
            _("Chosen by"),
            words["upper"],
            words["lower"],
            words["flags"],
        ]
        for item in analysis["items"]:
            yield [
                _("question"),
                item["id"],
                item["prompt"],
                "",
                "",
                item["seen"],
                item["facility"],
                item["discrimination"],
                item["upper_lower"],
                item["efficiency"],
                "",
                "",
                "",
                "; ".join(item["flag_words"]),
            ]
            for choice in item["choices"]:
                yield [
                    _("choice"),
                    item["id"],
                    "",
                    choice["text"],
                    choice["correct"],
                    "",
                    "",
                    "",
                    "",
                    "",
                    choice["share"],
                    choice["upper"],
                    choice["lower"],
                    "; ".join(choice["flag_words"]),
                ]

    @json_api(staff_only=True, methods=("GET", "POST"), max_bytes=1024)
    def item_analysis_csv(self, data, suffix=""):
        """The item analysis as a CSV file, for course staff."""
        states = iter_learner_states(self)
        analysis = self.item_analysis(states if states is not None else iter(()), MAX_LEARNERS)
        out = io.StringIO()
        writer = csv.writer(out)
        for row in self.analysis_rows(analysis):
            writer.writerow([csv_cell(value) for value in row])
        return Response(
            body=("\ufeff" + out.getvalue()).encode("utf-8"),  # the BOM: Excel reads UTF-8
            content_type="text/csv",
            charset="utf-8",
            content_disposition='attachment; filename="item-analysis.csv"',
        )
