/* exported SeminarQuizStudio */
/* The quiz editor in Studio: a form (add, remove, reorder questions and choices) and a
   text mode in the quizzes/ format. The server validates; nothing is saved while wrong. */
function SeminarQuizStudio(runtime, element, args) {
  'use strict';
  var root = element.jquery ? element[0] : element;
  var strings = args.strings;
  var form = root.querySelector('.sqs-form');
  var list = root.querySelector('[data-questions]');
  var summary = root.querySelector('[data-summary]');
  var textArea = root.querySelector('[data-text]');
  var preview = root.querySelector('[data-preview]');
  var modeName = args.uid + '-mode';
  var mode = 'form';
  var counter = 0;
  var CHOICE_TYPES = ['single', 'multiple', 'true_false'];

  function notify(name, data) {
    if (runtime.notify) { runtime.notify(name, data); }
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) { return key in values ? values[key] : match; });
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function each(nodes, fn) { Array.prototype.forEach.call(nodes, fn); }

  function post(handler, body) {
    return window.SeminarXBlocks.post(runtime, root, handler, body, strings.networkError);
  }

  function clone(name) {
    var node = root.querySelector('[data-template=' + name + ']').content.firstElementChild.cloneNode(true);
    each(node.querySelectorAll('[data-field]'), function (field) {
      counter += 1;
      field.id = args.uid + '-f' + counter;
      var label = field.parentNode.querySelector('[data-for="' + field.getAttribute('data-field') + '"]');
      if (label) { label.setAttribute('for', field.id); }
    });
    return node;
  }

  function field(node, name) { return node.querySelector('[data-field="' + name + '"]'); }

  function setValue(node, name, value) {
    var input = field(node, name);
    if (input.type === 'checkbox') { input.checked = Boolean(value); } else { input.value = value === null || value === undefined ? '' : value; }
  }

  function value(node, name) {
    var input = field(node, name);
    return input.type === 'checkbox' ? input.checked : input.value;
  }

  function lines(text) {
    return text.split('\n').map(function (line) { return line.trim(); }).filter(Boolean);
  }

  function choiceItems(question) { return question.querySelector('[data-choices]').children; }

  function addChoice(question, choice) {
    var item = clone('choice');
    item.setAttribute('data-choice-id', choice.id);
    setValue(item, 'text', choice.text);
    setValue(item, 'correct', choice.correct);
    setValue(item, 'feedback', choice.feedback);
    question.querySelector('[data-choices]').appendChild(item);
    return item;
  }

  function nextChoiceId(question) {
    var used = Array.prototype.map.call(choiceItems(question), function (item) { return item.getAttribute('data-choice-id'); });
    for (var i = 0; ; i += 1) {
      var id = i < 26 ? String.fromCharCode(97 + i) : 'c' + (i + 1);
      if (used.indexOf(id) === -1) { return id; }
    }
  }

  function showType(question) {
    var type = value(question, 'type');
    var isChoice = CHOICE_TYPES.indexOf(type) !== -1;
    each(question.querySelectorAll('[data-show]'), function (part) {
      var show = part.getAttribute('data-show');
      part.hidden = !(show === type || (show === 'choices' && isChoice));
    });
    var texts = Array.prototype.map.call(choiceItems(question), function (item) { return value(item, 'text').toLowerCase(); });
    if (type === 'true_false' && texts.sort().join() !== 'false,true') {
      question.querySelector('[data-choices]').textContent = '';
      addChoice(question, {id: 'a', text: 'True', correct: true});
      addChoice(question, {id: 'b', text: 'False', correct: false});
    }
    while (isChoice && choiceItems(question).length < 2) {
      addChoice(question, {id: nextChoiceId(question), text: '', correct: false});
    }
    number();
  }

  function setPaths(node, prefix) {
    each(node.querySelectorAll('[data-path]'), function (part) {
      var own = part.getAttribute('data-path');
      part.setAttribute('data-full-path', own ? prefix + '.' + own : prefix);
    });
    if (node.hasAttribute('data-path')) { node.setAttribute('data-full-path', prefix); }
  }

  function number() {
    each(list.children, function (question, index) {
      question.querySelector('[data-slot=title]').textContent = format(strings.question, {n: index + 1});
      setPaths(question, 'questions.' + index);
      each(choiceItems(question), function (item, position) {
        setPaths(item, 'questions.' + index + '.choices.' + position);
      });
    });
  }

  function addQuestion(data) {
    var question = clone('question');
    var answer = data.answer || {};
    ['id', 'type', 'prompt', 'explanation'].forEach(function (name) { setValue(question, name, data[name]); });
    setValue(question, 'partial', data.partial || 'none');
    setValue(question, 'hints', (data.hints || []).join('\n'));
    setValue(question, 'answer.value', answer.value);
    setValue(question, 'answer.tolerance', answer.tolerance);
    setValue(question, 'answer.alternatives', (answer.alternatives || []).join('\n'));
    setValue(question, 'answer.regex', answer.regex);
    (data.choices || []).forEach(function (choice) { addChoice(question, choice); });
    list.appendChild(question);
    showType(question);
    return question;
  }

  function fill(fields) {
    each(root.querySelectorAll('[data-setting]'), function (input) {
      var name = input.getAttribute('data-setting');
      if (input.type === 'checkbox') { input.checked = Boolean(fields[name]); } else { input.value = fields[name] === null ? '' : fields[name]; }
    });
    list.textContent = '';
    fields.questions.forEach(addQuestion);
  }

  function gather() {
    var fields = {};
    each(root.querySelectorAll('[data-setting]'), function (input) {
      fields[input.getAttribute('data-setting')] = input.type === 'checkbox' ? input.checked : input.value;
    });
    fields.questions = Array.prototype.map.call(list.children, function (question) {
      var type = value(question, 'type');
      var data = {
        id: value(question, 'id').trim(), type: type, prompt: value(question, 'prompt'),
        hints: lines(value(question, 'hints')), explanation: value(question, 'explanation'),
        partial: type === 'multiple' ? value(question, 'partial') : 'none', choices: [], answer: null
      };
      if (CHOICE_TYPES.indexOf(type) !== -1) {
        data.choices = Array.prototype.map.call(choiceItems(question), function (item) {
          return {id: item.getAttribute('data-choice-id'), text: value(item, 'text'),
            correct: value(item, 'correct'), feedback: value(item, 'feedback')};
        });
      } else if (type === 'numeric') {
        data.answer = {value: value(question, 'answer.value'), tolerance: value(question, 'answer.tolerance') || '0'};
      } else {
        data.answer = {alternatives: lines(value(question, 'answer.alternatives')),
          regex: value(question, 'answer.regex').trim() || null};
      }
      return data;
    });
    return fields;
  }

  function body() { return mode === 'text' ? {text: textArea.value} : {fields: gather()}; }

  function clearProblems() {
    each(root.querySelectorAll('.sqs-error'), function (node) { node.parentNode.removeChild(node); });
    each(root.querySelectorAll('[aria-invalid]'), function (input) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    });
    summary.textContent = '';
    summary.hidden = true;
  }

  function attach(path, message) {
    var container = null;
    var parts = path.split('.');
    while (parts.length && !container) {
      container = root.querySelector('[data-full-path="' + parts.join('.') + '"]:not([hidden])');
      parts.pop();
    }
    if (!container) { return; }
    counter += 1;
    var note = make('p', 'sqs-error', message);
    note.id = args.uid + '-e' + counter;
    var input = container.classList.contains('sqs-field') && container.querySelector('input, select, textarea');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', note.id);
    }
    container.appendChild(note);
  }

  function showProblems(error, heading) {
    var data = error.body || {};
    var problems = data.lines || data.problems || [];
    summary.textContent = '';
    summary.appendChild(make('p', '', problems.length ? heading || strings.errors : error.body ? error.message : strings.networkError));
    var items = make('ul');
    problems.forEach(function (problem) {
      items.appendChild(make('li', '', problem.line ? format(strings.line, {n: problem.line}) + ' ' + problem.message : problem.message));
      if (!data.lines && problem.field) { attach(problem.field, problem.message); }
    });
    if (problems.length) { summary.appendChild(items); }
    summary.hidden = false;
    summary.focus();
  }

  function switchMode(target) {
    if (target === mode) { return; }
    clearProblems();
    var request = target === 'text' ? post('studio_text', {fields: gather()}) : post('studio_parse', {text: textArea.value});
    request.then(function (data) {
      if (target === 'text') { textArea.value = data.text; } else { fill(data.fields); }
      if (data.warnings && data.warnings.length) { showProblems({body: {lines: data.warnings}}, strings.giftWarnings); }
      mode = target;
      root.querySelector('[data-pane=form]').hidden = mode !== 'form';
      root.querySelector('[data-pane=text]').hidden = mode !== 'text';
    }).catch(function (error) {
      root.querySelector('input[name="' + modeName + '"][value="' + mode + '"]').checked = true;
      showProblems(error);
    });
  }

  function move(item, down) {
    var sibling = down ? item.nextElementSibling : item.previousElementSibling;
    if (!sibling) { return; }
    item.parentNode.insertBefore(down ? sibling : item, down ? item : sibling);
    number();
  }

  function act(button) {
    var action = button.getAttribute('data-action');
    var question = button.closest('.sqs-question');
    var choice = button.closest('.sqs-choice');
    if (action === 'add-question') {
      var added = addQuestion({id: 'q' + (list.children.length + 1) + '-' + Date.now().toString(36), type: 'single', choices: []});
      field(added, 'prompt').focus();
    } else if (action === 'add-choice') {
      field(addChoice(question, {id: nextChoiceId(question), text: '', correct: false}), 'text').focus();
      number();
    } else if (action === 'up' || action === 'down') {
      move(question, action === 'down');
    } else if (action === 'choice-up' || action === 'choice-down') {
      move(choice, action === 'choice-down');
    } else if (action === 'remove' || action === 'choice-remove') {
      var item = action === 'remove' ? question : choice;
      var focusTarget = action === 'remove' ? root.querySelector('[data-action=add-question]')
        : question.querySelector('[data-action=add-choice]');
      item.parentNode.removeChild(item);
      number();
      focusTarget.focus();
      return;
    } else if (action === 'preview') {
      post('studio_preview', body()).then(function (data) { preview.innerHTML = data.html; }).catch(showProblems);
    } else if (action === 'cancel') {
      notify('cancel', {});
    }
    if (document.activeElement === document.body) { button.focus(); }
  }

  root.addEventListener('click', function (event) {
    var button = event.target.closest('[data-action]');
    if (button && root.contains(button)) { act(button); }
  });
  form.addEventListener('change', function (event) {
    if (event.target.name === modeName) { switchMode(event.target.value); }
    if (event.target.getAttribute('data-field') === 'type') { showType(event.target.closest('.sqs-question')); }
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearProblems();
    notify('save', {state: 'start'});
    post('studio_submit', body()).then(function () {
      notify('save', {state: 'end'});
    }).catch(function (error) {
      showProblems(error);
      notify('error', {title: strings.saveError, message: error.message});
    });
  });
  fill(JSON.parse(root.querySelector('.seminar-quiz-studio > script[type="application/json"]').textContent));
  window.SeminarXBlocks.translationEditor(runtime, root);
}
