/* The item analysis for course staff (loaded for staff only, after quiz_stats.js): a table
   per question and per choice, a small SVG chart of facility against discrimination, and a
   link to the CSV. Every word comes translated with the figures (analysis_labels). */
window.SeminarQuizBlock.analysis = function (ui, analysis, labels, csvUrl) {
  'use strict';
  var make = ui.make;
  var SVG = 'http://www.w3.org/2000/svg';
  var section = make('section', 'seminar-quiz__analysis');
  var idBase = ui.root.querySelector('[data-stats]').id + '-analysis';

  function percent(value) { return value === null ? labels.not_defined : Math.round(100 * value) + '%'; }
  function decimal(value) { return value === null ? labels.not_defined : value.toFixed(2); }
  function points(value) { return value === null ? labels.not_defined : value.toFixed(1); }

  function cell(row, tag, text, scope) {
    var node = row.appendChild(make(tag, '', String(text)));
    node.style.textAlign = 'start';
    if (scope) { node.setAttribute('scope', scope); }
    return node;
  }

  function table(caption, headings) {
    var node = make('table', 'seminar-quiz__analysis-table');
    node.appendChild(make('caption', '', caption));
    var row = node.appendChild(make('thead')).appendChild(make('tr'));
    headings.forEach(function (heading) { cell(row, 'th', heading, 'col'); });
    node.appendChild(make('tbody'));
    return node;
  }

  function rowHeader(row, number, text) {
    var header = cell(row, 'th', number + '. ', 'row');
    header.appendChild(ui.authored(make('bdi', '', text)));
  }

  function itemsTable() {
    var node = table(labels.caption, [labels.question, labels.seen, labels.facility,
      labels.discrimination, labels.upper_lower, labels.efficiency, labels.flags]);
    var body = node.querySelector('tbody');
    analysis.items.forEach(function (item, index) {
      var row = body.appendChild(make('tr'));
      rowHeader(row, index + 1, item.prompt);
      cell(row, 'td', item.seen);
      if (!item.enough) {
        cell(row, 'td', ui.format(labels.item_too_few, {n: item.seen})).colSpan = 5;
        return;
      }
      cell(row, 'td', percent(item.facility));
      cell(row, 'td', decimal(item.discrimination));
      cell(row, 'td', decimal(item.upper_lower));
      cell(row, 'td', percent(item.efficiency));
      cell(row, 'td', item.flag_words.join('; '));
    });
    return node;
  }

  function choicesTable() {
    var node = table(labels.choices_caption, [labels.choice, labels.upper, labels.lower, labels.flags]);
    var body = node.querySelector('tbody');
    analysis.items.forEach(function (item, index) {
      item.choices.forEach(function (choice) {
        var row = body.appendChild(make('tr'));
        rowHeader(row, index + 1, choice.text);
        if (choice.correct) { row.querySelector('th').appendChild(make('span', '', ' (' + labels.correct + ')')); }
        cell(row, 'td', percent(choice.upper));
        cell(row, 'td', percent(choice.lower));
        cell(row, 'td', choice.flag_words.join('; '));
      });
    });
    return body.children.length ? node : null;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text) { node.textContent = text; }
    return node;
  }

  /* Facility 0..1 across, discrimination -1..1 up, in a 300 x 160 plot. */
  function chart() {
    var plot = svg('svg', {viewBox: '0 0 340 200', width: 340, height: 200, style: 'max-width: 100%; height: auto',
      role: 'img', 'class': 'seminar-quiz__analysis-chart',
      'aria-labelledby': idBase + '-title ' + idBase + '-desc'});
    plot.appendChild(svg('title', {id: idBase + '-title'}, labels.chart_title));
    plot.appendChild(svg('desc', {id: idBase + '-desc'}, labels.chart_desc));
    plot.appendChild(svg('rect', {x: 30, y: 10, width: 300, height: 160, fill: 'none', stroke: 'currentColor'}));
    plot.appendChild(svg('line', {x1: 30, y1: 90, x2: 330, y2: 90, stroke: 'currentColor', 'stroke-dasharray': '4 3'}));
    plot.appendChild(svg('text', {x: 180, y: 192, 'text-anchor': 'middle', 'font-size': 12, fill: 'currentColor'},
      labels.facility));
    plot.appendChild(svg('text', {x: 12, y: 90, 'text-anchor': 'middle', 'font-size': 12, fill: 'currentColor',
      transform: 'rotate(-90 12 90)'}, labels.discrimination));
    analysis.items.forEach(function (item, index) {
      if (!item.enough || item.discrimination === null) { return; }
      var x = 30 + 300 * item.facility;
      var y = 90 - 80 * item.discrimination;
      var dot = plot.appendChild(svg('g', {}));
      dot.appendChild(svg('title', {}, ui.format(labels.chart_point,
        {n: index + 1, f: percent(item.facility), d: decimal(item.discrimination)})));
      dot.appendChild(svg('circle', {cx: x, cy: y, r: 5, fill: 'currentColor'}));
      dot.appendChild(svg('text', {x: x + 7, y: y + 4, 'font-size': 11, fill: 'currentColor'}, String(index + 1)));
    });
    return plot;
  }

  function summary(quiz) {
    var list = make('dl', 'seminar-quiz__analysis-summary');
    [[labels.mean, points(quiz.mean) + '%'], [labels.median, points(quiz.median) + '%'],
      [labels.sd, points(quiz.sd)], [labels.alpha, decimal(quiz.alpha)], [labels.sem, points(quiz.sem)]]
      .forEach(function (pair) {
        list.appendChild(make('dt', '', pair[0]));
        list.appendChild(make('dd', '', pair[1]));
      });
    return list;
  }

  section.appendChild(make('h4', '', labels.heading));
  section.appendChild(make('p', '', labels.learners));
  if (labels.before) { section.appendChild(make('p', '', labels.before)); }
  if (!analysis.quiz) {
    section.appendChild(make('p', '', labels.too_few));
    return section;
  }
  section.appendChild(summary(analysis.quiz));
  section.appendChild(itemsTable());
  var choices = choicesTable();
  if (choices) { section.appendChild(choices); }
  section.appendChild(chart());
  var link = section.appendChild(make('p')).appendChild(make('a', '', labels.download));
  link.href = csvUrl;
  link.setAttribute('download', 'item-analysis.csv');
  return section;
};
