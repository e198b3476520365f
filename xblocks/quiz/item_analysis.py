"""Item analysis of a quiz from each learner's first graded attempt (docs/item-analysis.md).

Pure functions over the records `analysis_record` keeps in a learner's own state. Pools
(the final draws 20 of 65 per learner) are why every figure of a question is computed
over the learners who saw it, and a learner's "rest of test" is their score on the other
questions they saw, as a fraction: with a fixed form this is Moodle's rest-of-test score
scaled by a constant, which leaves correlations unchanged.
"""

import math
from statistics import fmean, median

MIN_LEARNERS = 10  # fewer learners who saw a question (or took the quiz): no figures
GROUP_SHARE = 0.27  # upper and lower groups: Kelley's 27%
TOO_EASY = 0.90  # facility at or above
TOO_HARD = 0.20  # facility at or below
WEAK_DISCRIMINATION = 0.20  # discrimination index below (Moodle: under 0.20 is weak)
UNUSED_DISTRACTOR = 0.05  # a wrong choice picked by fewer than 5% of those who saw it
STRONG_DISTRACTOR = 0.20  # a wrong choice picked by at least 20% of the upper group, more
# often than by the lower group


def analysis_record(questions, responses, scores):
    """What item analysis keeps of one attempt: each presented question's score and
    chosen choice ids (empty for numeric and text answers)."""
    record = []
    for question in questions:
        response = responses.get(question["id"])
        chosen = response if isinstance(response, list) else [response]
        record.append(
            {
                "id": question["id"],
                "score": scores[question["id"]],
                "choices": [c for c in chosen if isinstance(c, str)] if question["choices"] else [],
            }
        )
    return {"questions": record}


def learner_rows(questions, records):
    """[{question id: (score, choice ids)}] per learner, the quiz's current questions only."""
    current = {question["id"] for question in questions}
    rows = []
    for record in records:
        row = {
            entry["id"]: (float(entry["score"]), list(entry.get("choices") or []))
            for entry in record.get("questions") or []
            if entry.get("id") in current
        }
        if row:
            rows.append(row)
    return rows


def covariance(xs, ys):
    """Sample covariance (n - 1), or None for fewer than two pairs."""
    if len(xs) < 2:
        return None
    mean_x, mean_y = fmean(xs), fmean(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def correlation(xs, ys):
    """Pearson's r, or None where either side does not vary (no correlation exists)."""
    cov, var_x, var_y = covariance(xs, ys), covariance(xs, xs), covariance(ys, ys)
    if cov is None or var_x <= 0 or var_y <= 0:
        return None
    return cov / math.sqrt(var_x * var_y)


def efficiency(xs, ys):
    """Discriminative efficiency: the covariance over the largest one the same item and
    rest scores could have (both sorted the same way); None when that maximum is 0."""
    cov, most = covariance(xs, ys), covariance(sorted(xs), sorted(ys))
    if cov is None or most <= 0:
        return None
    return cov / most


def standard_deviation(values):
    return math.sqrt(covariance(values, values)) if len(values) > 1 else None


def fraction_of(row):
    return sum(score for score, _choices in row.values()) / len(row)


def item_figures(question, rows, min_learners):
    """Facility, discriminations, groups and choice shares of one question."""
    seen = [row for row in rows if question["id"] in row]
    item = {
        "id": question["id"],
        "prompt": question["prompt"],
        "type": question["type"],
        "seen": len(seen),
        "enough": len(seen) >= min_learners,
        "facility": None,
        "discrimination": None,
        "upper_lower": None,
        "efficiency": None,
        "choices": [],
        "flags": [],
    }
    if not item["enough"]:
        return item
    scores = [row[question["id"]][0] for row in seen]
    item["facility"] = fmean(scores)
    with_rest = [row for row in seen if len(row) > 1]
    item_scores = [row[question["id"]][0] for row in with_rest]
    rest = [
        (sum(s for s, _c in row.values()) - row[question["id"]][0]) / (len(row) - 1)
        for row in with_rest
    ]
    item["discrimination"] = correlation(item_scores, rest)
    item["efficiency"] = efficiency(item_scores, rest)
    # Ranked by quiz score, best first; ties keep the order the records came in.
    ranked = sorted(seen, key=fraction_of, reverse=True)
    size = max(1, round(GROUP_SHARE * len(ranked)))
    upper, lower = ranked[:size], ranked[-size:]
    item["upper_lower"] = fmean(r[question["id"]][0] for r in upper) - fmean(
        r[question["id"]][0] for r in lower
    )
    item["choices"] = [
        choice_figures(question["id"], c, seen, upper, lower) for c in question["choices"]
    ]
    item["flags"] = item_flags(item)
    return item


def choice_figures(question_id, choice, seen, upper, lower):
    def share(group):
        return sum(choice["id"] in row[question_id][1] for row in group) / len(group)

    figures = {
        "id": choice["id"],
        "text": choice["text"],
        "correct": choice["correct"],
        "share": share(seen),
        "upper": share(upper),
        "lower": share(lower),
        "flags": [],
    }
    if not choice["correct"]:
        if figures["share"] < UNUSED_DISTRACTOR:
            figures["flags"].append("unused_distractor")
        if figures["upper"] >= STRONG_DISTRACTOR and figures["upper"] > figures["lower"]:
            figures["flags"].append("strong_distractor")
    return figures


def item_flags(item):
    flags = []
    if item["facility"] >= TOO_EASY:
        flags.append("too_easy")
    elif item["facility"] <= TOO_HARD:
        flags.append("too_hard")
    if item["discrimination"] is not None and item["discrimination"] < WEAK_DISCRIMINATION:
        flags.append("weak")
    for choice in item["choices"]:
        flags.extend(flag for flag in choice["flags"] if flag not in flags)
    return flags


def pooled_alpha(questions, rows):
    """Cronbach's alpha of a typical form: k c / (v + (k - 1) c), with k the median number
    of questions a learner saw, v the mean item variance and c the mean covariance of the
    pairs of questions seen together. For a fixed form this is Cronbach's alpha exactly."""
    ids = [question["id"] for question in questions]
    variances = []
    for qid in ids:
        scores = [row[qid][0] for row in rows if qid in row]
        if len(scores) > 1:
            variances.append(covariance(scores, scores))
    covariances = []
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            pairs = [
                (row[first][0], row[second][0]) for row in rows if first in row and second in row
            ]
            if len(pairs) > 1:
                covariances.append(covariance(*zip(*pairs, strict=True)))
    form_length = round(median(len(row) for row in rows))
    if form_length < 2 or not variances or not covariances:
        return None, form_length
    mean_var, mean_cov = fmean(variances), fmean(covariances)
    denominator = mean_var + (form_length - 1) * mean_cov
    if denominator <= 0:
        return None, form_length
    return form_length * mean_cov / denominator, form_length


def quiz_figures(questions, rows, min_learners):
    """Mean, median and standard deviation of learners' scores (percent of the questions
    each saw), Cronbach's alpha and the standard error of measurement."""
    if len(rows) < min_learners:
        return None
    percents = [100.0 * fraction_of(row) for row in rows]
    alpha, form_length = pooled_alpha(questions, rows)
    spread = standard_deviation(percents)
    return {
        "mean": fmean(percents),
        "median": median(percents),
        "sd": spread,
        "alpha": alpha,
        "sem": spread * math.sqrt(1 - alpha) if alpha is not None else None,
        "form_length": form_length,
    }


def analyse(questions, records, min_learners=MIN_LEARNERS):
    """The whole analysis: per question (in the quiz's order) and for the quiz."""
    rows = learner_rows(questions, records)
    return {
        "learners": len(rows),
        "min_learners": min_learners,
        "quiz": quiz_figures(questions, rows, min_learners),
        "items": [item_figures(question, rows, min_learners) for question in questions],
    }


def flag_words(gettext):
    """The flags in plain words, in the reader's language."""
    _ = gettext
    return {
        "too_easy": _("too easy"),
        "too_hard": _("too hard"),
        "weak": _("does not separate strong from weak learners"),
        "unused_distractor": _("a distractor nobody chooses"),
        "strong_distractor": _("a distractor the strongest learners choose: check the key"),
    }
