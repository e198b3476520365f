# ruff: noqa: E501  (OLX data: one element a line reads best)
"""Workbench demos of the quiz, in its own OLX (questions from the seminar's quizzes/).

Index 0 is the learner-facing demo other tests rely on; index 2 is the unit the Studio
journey edits; index 3 holds script-breakout text in every author field (browser tests);
index 4 shows every author text at once and closes after one attempt (browser tests).
"""

CHECK_YOUR_UNDERSTANDING = """
<seminar_quiz display_name="Check your understanding: the cross-border e-commerce ecosystem" content_language="en"
              max_attempts="3" grading="best" showanswer="finished" shuffle="true">
  <question id="d1l1-definition" type="single">
    <prompt>What makes an online sale "cross-border" e-commerce?</prompt>
    <choice id="a" correct="false">The seller uses a foreign website design company<feedback>Where the website was built does not matter. What matters is where the buyer and the goods are.</feedback></choice>
    <choice id="b" correct="true">The buyer and the seller are in different customs territories, and the goods cross the border to reach the buyer<feedback>Correct: that is the definition used in the lecture.</feedback></choice>
    <choice id="c" correct="false">The buyer pays with a mobile wallet instead of cash<feedback>Mobile payment is common at home too. It does not make a sale cross-border.</feedback></choice>
    <hint>Think about where the buyer, the seller and the goods are.</hint>
    <explanation>Cross-border e-commerce means a buyer and a seller in different customs territories agree a sale online, and the goods then cross the border. This adds three difficulties to selling at home: **currency**, **customs** and **trust**.</explanation>
  </question>
  <question id="d1l1-parts" type="multiple" partial="per_choice">
    <prompt>Which of these are parts of the cross-border e-commerce ecosystem described in the lecture? (Select all that apply.)</prompt>
    <choice id="a" correct="true">Payment services<feedback>Yes: they collect, convert and pay out the money.</feedback></choice>
    <choice id="b" correct="true">Logistics and warehousing<feedback>Yes: they store, pack, move and deliver the goods.</feedback></choice>
    <choice id="c" correct="false">A single world currency<feedback>No such thing exists. Payment services convert between currencies instead.</feedback></choice>
    <choice id="d" correct="true">Customs and regulators<feedback>Yes: they check goods, collect duties and taxes and set rules.</feedback></choice>
    <explanation>The six parts are: platforms and marketplaces; sellers and brands; payment services; logistics and warehousing; customs and regulators; and public service platforms.</explanation>
  </question>
  <question id="d1l1-government-role" type="true_false">
    <prompt>True or false: in cross-border e-commerce, government stays outside the ecosystem and acts only as a referee.</prompt>
    <choice id="a" correct="false">True<feedback>Not quite: the lecture describes government as a part of the ecosystem.</feedback></choice>
    <choice id="b" correct="true">False<feedback>Correct: government runs customs, sets rules and can build shared public services.</feedback></choice>
    <explanation>Governments are inside the ecosystem. They run customs, set rules for platforms and payment services, and can offer shared services such as public service platforms.</explanation>
  </question>
  <question id="d1l1-pilot-zones" type="numeric">
    <prompt>How many comprehensive pilot zones for cross-border e-commerce had China set up since 2015, as reported at the 2022 seminar?</prompt>
    <answer value="132" tolerance="0"/>
    <hint>The zones together cover the whole country.</hint>
    <explanation>Ms Guan Wei of China's Ministry of Commerce reported at the 2022 seminar that 132 comprehensive pilot zones had been set up since 2015. Hangzhou hosts the first of them.</explanation>
  </question>
  <question id="d1l2-escrow-name" type="text">
    <prompt>What is the name of the payment model in which a trusted third party holds the buyer's money until delivery is confirmed? (one word)</prompt>
    <answer><alternative>escrow</alternative></answer>
    <hint>It is sometimes called trust-based payment.</hint>
    <explanation>In escrow, the platform or its payment partner holds the buyer's money after the order. The money is released when the buyer confirms delivery.</explanation>
  </question>
</seminar_quiz>
"""

POOL = """
<seminar_quiz display_name="Final assessment (each learner draws 3 of 5 questions)" content_language="en"
              max_attempts="2" grading="best" showanswer="closed" shuffle="true" draw="3">
  <question id="d1l3-single-window" type="true_false">
    <prompt>True or false: a "single window" is one entry point where traders submit their documents once for all the border agencies.</prompt>
    <choice id="a" correct="true">True<feedback>Correct.</feedback></choice>
    <choice id="b" correct="false">False<feedback>Not correct: that is exactly what a single window is.</feedback></choice>
    <explanation>A single window lets a trader send the documents once; the border agencies then share them.</explanation>
  </question>
  <question id="d1l3-hangzhou-test" type="text">
    <prompt>Hangzhou Customs finished testing a special kind of area for cross-border e-commerce. Complete the name: a ______ area. (one word)</prompt>
    <answer><alternative>bonded</alternative></answer>
    <explanation>Hangzhou Customs completed tests on a bonded area for cross-border e-commerce.</explanation>
  </question>
  <question id="d2l1-unossc" type="text">
    <prompt>Which United Nations office is China's partner in hosting the seminar series? Give its usual abbreviation.</prompt>
    <answer><alternative>UNOSSC</alternative><alternative>UN Office for South-South Cooperation</alternative></answer>
    <hint>It is the UN office that works on South-South cooperation.</hint>
    <explanation>The series is hosted by the Government of China with the UN Office for South-South Cooperation (UNOSSC).</explanation>
  </question>
  <question id="d1l2-escrow-timing" type="true_false">
    <prompt>True or false: in an escrow model, the seller receives the buyer's money before shipping the goods.</prompt>
    <choice id="a" correct="false">True<feedback>Not correct: the money is held by a third party and released only after delivery is confirmed.</feedback></choice>
    <choice id="b" correct="true">False<feedback>Correct.</feedback></choice>
    <explanation>In escrow, the money is released to the seller after the buyer confirms delivery.</explanation>
  </question>
  <question id="d1l1-weak-link" type="single">
    <prompt>Sellers in a country have good products and marketplace accounts, but no payment service can pay money out to them. What is the most likely result?</prompt>
    <choice id="a" correct="true">They cannot sell on the large marketplaces, however good their products are</choice>
    <choice id="b" correct="false">Customs will clear their parcels faster</choice>
    <choice id="c" correct="false">Their logistics costs will fall</choice>
    <explanation>The parts of the ecosystem depend on each other: one weak link stops the whole chain.</explanation>
  </question>
</seminar_quiz>
"""

PRACTICE = """
<seminar_quiz display_name="Practice: payment and logistics (unlimited attempts)" content_language="en"
              grading="last" showanswer="attempted" shuffle="false">
  <question id="practice-escrow" type="single">
    <prompt>Who holds the buyer's money in an escrow payment until delivery is confirmed?</prompt>
    <choice id="a" correct="false">The seller</choice>
    <choice id="b" correct="true">A trusted third party, such as the platform's payment partner</choice>
    <choice id="c" correct="false">The customs office</choice>
    <explanation>In escrow, a trusted third party holds the money and releases it after delivery.</explanation>
  </question>
  <question id="practice-single-window" type="true_false">
    <prompt>True or false: with a single window, traders submit their documents once for all the border agencies.</prompt>
    <choice id="a" correct="true">True</choice>
    <choice id="b" correct="false">False</choice>
    <explanation>That is what a single window is: one entry point for all the border agencies.</explanation>
  </question>
</seminar_quiz>
"""

# Each would open an alert() if it ran; answers are shown at once, so all reach the page.
BREAKOUT = "&lt;/script&gt;&lt;script&gt;alert('{}')&lt;/script&gt;"
HOSTILE = f"""
<seminar_quiz display_name="Hostile text {BREAKOUT.format("title")}" showanswer="always"
              shuffle="false">
  <question id="hostile-text" type="text">
    <prompt>{BREAKOUT.format("prompt")} Type anything.</prompt>
    <answer><alternative>{BREAKOUT.format("alternative")}</alternative></answer>
    <hint>{BREAKOUT.format("hint")}</hint>
    <explanation>{BREAKOUT.format("explanation")}</explanation>
  </question>
  <question id="hostile-choice" type="single">
    <prompt>Choose one.</prompt>
    <choice id="a" correct="true">{BREAKOUT.format("choice")}<feedback>{BREAKOUT.format("feedback")}</feedback></choice>
    <choice id="b" correct="false">Plain text</choice>
    <explanation>Plain text.</explanation>
  </question>
</seminar_quiz>
"""

# One attempt, with answers, feedback and explanations shown from the start: every kind of
# author text is on the page at once, and one submission closes the quiz.
ONE_ATTEMPT = CHECK_YOUR_UNDERSTANDING.replace(
    'max_attempts="3" grading="best" showanswer="finished" shuffle="true"',
    'max_attempts="1" grading="best" showanswer="always" shuffle="false"',
).replace(
    "Check your understanding: the cross-border e-commerce ecosystem",
    "One attempt, answers shown: the cross-border e-commerce ecosystem",
)

SCENARIOS = [
    ("Quiz: check your understanding (cross-border e-commerce)", CHECK_YOUR_UNDERSTANDING),
    ("Quiz: a question pool, 3 of 5 per learner", POOL),
    ("Quiz: practice with unlimited attempts", PRACTICE),
    ("Quiz: hostile text (escaping check)", HOSTILE),
    ("Quiz: one attempt, answers shown from the start", ONE_ATTEMPT),
]
