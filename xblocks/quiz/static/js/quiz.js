/* exported SeminarQuizBlock */
/* The seminar quiz for learners: drafts, hints, submission and results.
   Everything shown comes from the server's state; grading never happens here. */
function SeminarQuizBlock(runtime, element, args) {
  'use strict';
  var root = element.jquery ? element[0] : element;
  var strings = args.strings || {};
  /* The state comes in the page (json_script), never in init args: it holds text. */
  var state = JSON.parse(root.querySelector('.seminar-quiz > script[type="application/json"]').textContent);
  var form = root.querySelector('.seminar-quiz__form');
  var statusBox = root.querySelector('[data-status]');
  var errorBox = root.querySelector('[data-error]');
  var draftBox = root.querySelector('[data-draft]');
  var submitButton = root.querySelector('[data-action=submit]');
  var resetButton = root.querySelector('[data-action=reset]');
  var busy = false;
  var warned = false;
  var draftTimer = null;

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

  function showProblem(fieldset, message) {
    var box = fieldset.querySelector('[data-problem]');
    box.textContent = message || '';
    box.hidden = !message;
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
        note.appendChild(make('strong', '', strings.correctAnswer));
      }
      if (solution.feedback[id]) {
        var feedback = make('span', 'seminar-quiz__feedback');
        feedback.dir = 'auto';  // author text keeps its own direction on RTL pages
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
    fieldset.disabled = state.closed;
    if (result) {
      fieldset.classList.add('is-' + result.status);
      box.appendChild(verdict(result));
    }
    renderChoices(fieldset, solution);
    if (!solution) { return; }
    if (solution.answer) {
      var answer = make('p', 'seminar-quiz__answer');
      answer.appendChild(make('strong', '', strings.answer));
      answer.appendChild(document.createTextNode(' ' + solution.answer));
      box.appendChild(answer);
    }
    var explanation = make('div', 'seminar-quiz__explanation');
    explanation.appendChild(make('p', 'seminar-quiz__label', strings.explanation));
    var body = make('div');
    body.dir = 'auto';
    body.innerHTML = solution.explanation;  // sanitised Markdown from the server
    explanation.appendChild(body);
    box.appendChild(explanation);
  }

  function render(initial) {
    if (!initial) { renderStatus(); }
    questions().forEach(renderQuestion);
    submitButton.disabled = state.closed;
    resetButton.hidden = state.closed || !state.done;
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
  }

  function saveDraft() {
    if (state.closed) { return; }
    post('save_draft', {answers: collect()}).then(function () {
      draftBox.textContent = strings.saved;
    }).catch(function (error) {
      draftBox.textContent = error.body ? error.message : strings.networkError;
    });
  }

  function submit(event) {
    event.preventDefault();
    if (busy || state.closed) { return; }
    var answers = collect();
    var missing = [];
    questions().forEach(function (fieldset, index) {
      if (!(fieldset.getAttribute('data-question') in answers)) { missing.push(index + 1); }
    });
    if (missing.length && !warned) {
      warned = true;
      showError(format(strings.unanswered, {numbers: missing.join(', ')}));
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
      item.dir = 'auto';
      item.innerHTML = data.hints[data.hints.length - 1];  // sanitised on the server
      list.appendChild(item);
      var total = state.hint_counts[id];
      button.textContent = format(strings.hintButton, {n: data.hints.length + 1, total: total});
      if (data.hints.length >= total) {
        button.hidden = true;
        item.focus();
      }
    }).catch(failed);
  }

  function statistics(button) {
    var box = button.parentNode.querySelector('[data-stats]');
    post('statistics', {}).then(function (data) {
      box.textContent = '';
      if (!data.available) { box.appendChild(make('p', '', data.message)); return; }
      box.appendChild(make('p', '', format(strings.statsLearners, {n: data.learners})));
      if (data.average_percent !== null) {
        box.appendChild(make('p', '', format(strings.statsAverage, {p: data.average_percent})));
      }
      var list = make('ol', 'seminar-quiz__stats');
      data.questions.forEach(function (question) {
        var item = make('li');
        item.appendChild(make('p', 'seminar-quiz__stats-prompt', question.prompt));
        item.appendChild(make('p', '', question.answered ? format(strings.statsAnswered,
          {n: question.answered, p: question.percent_correct}) : strings.statsNone));
        var choices = make('ul');
        question.choices.forEach(function (choice) {
          var text = choice.text + ': ' + choice.count + (choice.correct ? ' ✓' : '');
          choices.appendChild(make('li', '', text));
        });
        if (question.choices.length) { item.appendChild(choices); }
        list.appendChild(item);
      });
      box.appendChild(list);
    }).catch(function (error) {
      box.textContent = error.body ? error.message : strings.networkError;
    });
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
    if (action === 'stats') { statistics(button); }
  });
  render(true);
}
