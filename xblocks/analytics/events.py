"""The names of the tracking events our blocks publish, one place for the app and its tests.

The platform's own `grade` and `completion` events are not here: the platform handles them.
"""

QUIZ_SUBMITTED = "seminar.quiz.submitted"
QUIZ_HINT_SHOWN = "seminar.quiz.hint_shown"
QUIZ_RESET = "seminar.quiz.reset"
FAQ_SEARCHED = "seminar.faq.searched"
FAQ_VOTED = "seminar.faq.voted"
FAQ_QUESTION_SUBMITTED = "seminar.faq.question_submitted"
FAQ_QUESTION_PUBLISHED = "seminar.faq.question_published"
FAQ_QUESTION_DISMISSED = "seminar.faq.question_dismissed"

XAPI_EVENTS = (
    QUIZ_SUBMITTED,
    QUIZ_HINT_SHOWN,
    QUIZ_RESET,
    FAQ_SEARCHED,
    FAQ_VOTED,
    FAQ_QUESTION_SUBMITTED,
    FAQ_QUESTION_PUBLISHED,
    FAQ_QUESTION_DISMISSED,
)
