/* exported SeminarQuizBlock */
/* The seminar quiz for learners: drafts, hints, submission and results.
   Everything shown comes from the server's state; grading never happens here. */
function SeminarQuizBlock(runtime, element, args) {
  'use strict';
  var root = element.jquery ? element[0] : element;
  var shared = window.SeminarXBlocks;
  var strings = args.strings || {};
  /* Author text carries its own language and direction, the quiz's words the learner's. */
  var content = args.content || {lang: '', dir: 'auto'};
  var quiz = root.querySelector('.seminar-quiz');
  var ui = {lang: quiz.getAttribute('lang'), dir: quiz.getAttribute('dir')};
  /* The state comes in the page (json_script), never in init args: it holds text. */
  var state = JSON.parse(quiz.querySelector(':scope > script[type="application/json"]').textContent);
  var form = root.querySelector('.seminar-quiz__form');
  var statusBox = root.querySelector('[data-status]');
  var errorBox = root.querySelector('[data-error]');
  var draftBox = root.querySelector('[data-draft]');
  var submitButton = root.querySelector('[data-action=submit]');
  var resetButton = root.querySelector('[data-action=reset]');
  var busy = false;
  var warned = false;
  var draftTimer = null;
  var stats = null;

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function speaks(node, language) {
    if (language.lang) { node.lang = language.lang; }
    node.dir = language.dir || 'auto';
    return node;
  }

  function authored(node) { return speaks(node, content); }
  function ours(node) { return speaks(node, ui); }

  function post(handler, body) {
    return window.SeminarXBlocks.post(runtime, root, handler, body, strings.networkError);
  }

  function questions() {
    return Array.prototype.slice.call(form.querySelectorAll('[data-question]'));
  }

  function responseOf(fieldset) {
    var type = fieldset.getAttribute('data-type');
    var text = fieldset.querySelector('input[type=text]');
    if (text) { return text.value.trim() ? text.value : null; }
    var checked = Array.prototype.map.call(
      fieldset.querySelectorAll('input:checked'), function (input) { return input.value; });
    if (type === 'multiple') { return checked.length ? checked : null; }
    return checked.length ? checked[0] : null;
  }

  function collect() {
    var answers = {};
    questions().forEach(function (fieldset) {
      var response = responseOf(fieldset);
      if (response !== null) { answers[fieldset.getAttribute('data-question')] = response; }
    });
    return answers;
  }

  function showError(message) {
    errorBox.textContent = message || '';
    errorBox.hidden = !message;
  }

  /* A problem is told next to its question; its inputs are invalid and point to it. */
  function showProblem(fieldset, message) {
    var box = fieldset.querySelector('[data-problem]');
    box.textContent = message || '';
    box.hidden = !message;
    fieldset.querySelectorAll('input').forEach(function (input) {
      ['aria-invalid', 'aria-describedby'].forEach(function (name, i) {
        if (message) { input.setAttribute(name, i ? box.id : 'true'); } else { input.removeAttribute(name); }
      });
    });
  }

  function renderStatus() {
    statusBox.textContent = '';
    state.messages.forEach(function (message) { statusBox.appendChild(make('p', '', message)); });
  }

  function verdict(result) {
    var marks = {correct: '✓', incorrect: '✗', partial: '◐'};
    var text = strings[result.status];
    if (result.status === 'partial') { text += ' (' + Math.round(result.score * 100) + '%)'; }
    var line = make('p', 'seminar-quiz__verdict');
    var mark = make('span', 'seminar-quiz__mark', marks[result.status]);
    mark.setAttribute('aria-hidden', 'true');
    line.appendChild(mark);
    line.appendChild(document.createTextNode(' ' + text));
    return line;
  }

  function renderChoices(fieldset, solution) {
    fieldset.querySelectorAll('.seminar-quiz__choice').forEach(function (choice) {
      var old = choice.querySelector('.seminar-quiz__note');
      if (old) { choice.removeChild(old); }
      choice.classList.remove('is-answer');
      if (!solution) { return; }
      var id = choice.querySelector('input').value;
      var note = make('span', 'seminar-quiz__note');
      if (solution.correct.indexOf(id) !== -1) {
        choice.classList.add('is-answer');
        note.appendChild(ours(make('strong', '', strings.correctAnswer)));
      }
      if (solution.feedback[id]) {
        var feedback = authored(make('span', 'seminar-quiz__feedback'));
        feedback.innerHTML = solution.feedback[id];  // sanitised on the server
        note.appendChild(feedback);
      }
      if (note.childNodes.length) { choice.appendChild(note); }
    });
  }

  function renderQuestion(fieldset) {
    var id = fieldset.getAttribute('data-question');
    var result = state.results[id];
    var solution = state.solutions[id];
    var box = fieldset.querySelector('[data-result]');
    box.textContent = '';
    fieldset.classList.remove('is-correct', 'is-incorrect', 'is-partial', 'is-changed');
    /* Closed: each input is disabled itself, not only through its fieldset. */
    fieldset.disabled = state.closed;
    fieldset.querySelectorAll('input').forEach(function (input) { input.disabled = state.closed; });
    if (result) {
      fieldset.classList.add('is-' + result.status);
      box.appendChild(verdict(result));
    }
    renderChoices(fieldset, solution);
    if (!solution) { return; }
    if (solution.answer) {
      var answer = make('p', 'seminar-quiz__answer');
      answer.appendChild(make('strong', '', strings.answer));
      answer.appendChild(document.createTextNode(' '));
      answer.appendChild(authored(make('bdi', '', solution.answer)));
      box.appendChild(answer);
    }
    var explanation = make('div', 'seminar-quiz__explanation');
    explanation.appendChild(make('p', 'seminar-quiz__label', strings.explanation));
    var body = authored(make('div'));
    body.innerHTML = solution.explanation;  // sanitised Markdown from the server
    explanation.appendChild(body);
    box.appendChild(explanation);
  }

  function render(initial) {
    if (!initial) { renderStatus(); }
    questions().forEach(renderQuestion);
    submitButton.disabled = state.closed;
    resetButton.hidden = state.closed || !state.done;
    quiz.classList.toggle('is-closed', state.closed);
  }

  /* Refused as closed (the last attempt was used in another window, or the due date
     passed): show the quiz as the server has it now, locked. */
  function reload() {
    return post('student_view_user_state', {}).then(function (data) {
      state = data;
      render();
    });
  }

  function failed(error) {
    var data = error.body || {};
    var fieldset = data.question && form.querySelector('[data-question="' + data.question + '"]');
    if (fieldset) {
      showProblem(fieldset, error.message);
      var input = fieldset.querySelector('input');
      if (input) { input.focus(); }
    } else {
      showError(error.body ? error.message : strings.networkError);
    }
    if (data.reason === 'attempts' || data.reason === 'past_due') {
      reload().catch(function () { return null; });
    }
  }

  function saveDraft() {
    if (state.closed) { return Promise.resolve(); }
    return post('save_draft', {answers: collect()}).then(function () {
      draftBox.textContent = strings.saved;
    }).catch(function (error) {
      draftBox.textContent = error.body ? error.message : strings.networkError;
      if (error.body && error.body.reason) { failed(error); }
    });
  }

  function submit(event) {
    event.preventDefault();
    if (busy || state.closed) { return; }
    var answers = collect();
    var missing = [];
    questions().forEach(function (fieldset, index) {
      var unanswered = !(fieldset.getAttribute('data-question') in answers);
      if (unanswered) { missing.push(index + 1); }
      if (!warned) { showProblem(fieldset, unanswered ? shared.gettext('Not answered yet.') : ''); }
    });
    if (missing.length && !warned) {
      warned = true;
      showError(shared.ngettext(
        'You have not answered question %(numbers)s. Select Submit again to submit anyway.',
        'You have not answered questions %(numbers)s. Select Submit again to submit anyway.',
        missing.length
      ).replace('%(numbers)s', shared.formatList(missing)));
      return;
    }
    busy = true;
    warned = false;
    clearTimeout(draftTimer);
    showError('');
    questions().forEach(function (fieldset) { showProblem(fieldset, ''); });
    statusBox.textContent = strings.submitting;
    post('submit', {answers: answers, attempt: state.attempt}).then(function (data) {
      state = data;
      draftBox.textContent = '';
      render();
      statusBox.focus();
    }).catch(function (error) {
      renderStatus();
      failed(error);
    }).then(function () { busy = false; });
  }

  function reset() {
    post('reset', {}).then(function (data) {
      state = data;
      form.reset();
      form.querySelectorAll('input[type=text]').forEach(function (input) { input.value = ''; });
      render();
      var first = form.querySelector('input');
      if (first) { first.focus(); }
    }).catch(failed);
  }

  function hint(button) {
    var fieldset = button.closest('[data-question]');
    var id = fieldset.getAttribute('data-question');
    post('hint', {question: id}).then(function (data) {
      var list = fieldset.querySelector('[data-hints]');
      var item = make('li');
      item.tabIndex = -1;
      item.innerHTML = data.hints[data.hints.length - 1];  // sanitised on the server
      list.appendChild(item);
      var total = state.hint_counts[id];
      button.textContent = format(strings.hintButton, {n: data.hints.length + 1, total: total});
      button.hidden = data.hints.length >= total;
      /* Said once, where the focus goes (the list is not live); Tab leads on to the next. */
      item.focus();
    }).catch(failed);
  }

  form.addEventListener('submit', submit);
  form.addEventListener('input', function (event) {
    var fieldset = event.target.closest('[data-question]');
    if (fieldset) {
      fieldset.classList.add('is-changed');
      showProblem(fieldset, '');
    }
    warned = false;
    draftBox.textContent = '';
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 800);
  });
  root.addEventListener('click', function (event) {
    var button = event.target.closest('[data-action]');
    if (!button || !root.contains(button)) { return; }
    var action = button.getAttribute('data-action');
    if (action === 'reset') { reset(); }
    if (action === 'hint') { hint(button); }
    if (action === 'stats' && stats) { stats.toggle(button); }
  });
  if (args.staff && window.SeminarQuizBlock.stats) {
    stats = window.SeminarQuizBlock.stats({root: root, post: post, make: make, format: format,
      authored: authored, strings: strings});
  }
  /* The draft is saved before the page reloads in another language. */
  if (shared.languageSwitcher) {
    shared.languageSwitcher(runtime, root, function () {
      clearTimeout(draftTimer);
      return saveDraft();
    });
  }
  render(true);
}
