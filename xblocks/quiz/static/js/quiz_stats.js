/* The quiz's statistics for course staff (loaded for staff only): a disclosure button
   that shows and hides them. The region is not live: a screen reader hears one short
   status, then reads the numbers at its own pace. */
window.SeminarQuizBlock.stats = function (ui) {
  'use strict';
  var strings = ui.strings;
  var box = ui.root.querySelector('[data-stats]');
  var status = ui.root.querySelector('[data-stats-status]');
  var make = ui.make;

  function choiceLine(choice) {
    var item = make('li');
    var around = strings.statsChoice.split('{choice}');  /* "{choice}: {n}", translated */
    item.appendChild(document.createTextNode(ui.format(around[0], {n: choice.count})));
    item.appendChild(ui.authored(make('bdi', '', choice.text)));
    item.appendChild(document.createTextNode(ui.format(around[1] || '', {n: choice.count})));
    if (choice.correct) { item.appendChild(document.createTextNode(' ✓')); }
    return item;
  }

  function fill(data) {
    box.textContent = '';
    if (!data.available) { box.appendChild(make('p', '', data.message)); return; }
    box.appendChild(make('p', '', ui.format(strings.statsLearners, {n: data.learners})));
    if (data.average_percent !== null) {
      box.appendChild(make('p', '', ui.format(strings.statsAverage, {p: data.average_percent})));
    }
    var list = make('ol', 'seminar-quiz__stats');
    data.questions.forEach(function (question) {
      var item = make('li');
      item.appendChild(ui.authored(make('p', 'seminar-quiz__stats-prompt', question.prompt)));
      item.appendChild(make('p', '', question.answered ? ui.format(strings.statsAnswered,
        {n: question.answered, p: question.percent_correct}) : strings.statsNone));
      if (question.choices.length) {
        var choices = item.appendChild(make('ul'));
        question.choices.forEach(function (choice) { choices.appendChild(choiceLine(choice)); });
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    if (data.analysis && window.SeminarQuizBlock.analysis) {
      box.appendChild(window.SeminarQuizBlock.analysis(ui, data.analysis, data.analysis_labels,
        data.analysis_csv));
    }
  }

  function show(button, open) {
    box.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? strings.statsHide : strings.statsShow;
  }

  return {
    toggle: function (button) {
      if (button.getAttribute('aria-expanded') === 'true') {
        show(button, false);
        status.textContent = '';
        return;
      }
      status.textContent = strings.statsLoading;
      ui.post('statistics', {}).then(function (data) {
        fill(data);
        show(button, true);
        status.textContent = strings.statsShown;
      }).catch(function (error) {
        status.textContent = error.body ? error.message : strings.networkError;
      });
    }
  };
};
