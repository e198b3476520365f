/* The FAQ block's staff panel (loaded for staff only): vote counts next to each entry,
   the queue of learner questions, publish an answer as a new entry, or dismiss. */
window.SeminarFaqBlock.staff = function (root, post, gettext, ngettext) {
  'use strict';
  var panel = root.querySelector('[data-faq-staff]');
  var status = panel.querySelector('[data-faq-staff-status]');
  var queue = panel.querySelector('[data-faq-queue]');
  var published = panel.querySelector('[data-faq-published]');
  var counts = {};

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (m, key) { return String(values[key]); });
  }

  function apply(container) {
    Array.prototype.forEach.call(container.querySelectorAll('.faq-entry'), function (article) {
      var count = counts[article.id.slice(6)]; /* entry-<id> */
      var box = article.querySelector('.faq-counts');
      if (!count) { return; }
      if (!box) {
        box = article.querySelector('.faq-a').appendChild(document.createElement('p'));
        box.className = 'faq-counts';
      }
      box.textContent = format(gettext('Staff only: %(yes)s found this helpful, %(no)s did not.'), count);
      box.hidden = false;
    });
  }

  function load() {
    return post('staff_report', {}).then(function (body) {
      counts = body.counts;
      queue.innerHTML = body.queue_html;
      published.hidden = !body.published_text;
      published.querySelector('textarea').value = body.published_text;
      status.textContent = body.available ?
        format(ngettext('%(count)s learner has voted.', '%(count)s learners have voted.', body.voters),
          {count: body.voters}) :
        gettext('Vote counts and learner questions are not available in this runtime.');
      apply(root);
    }).catch(function (err) {
      status.textContent = err.message;
    });
  }

  function publish(form) {
    var item = form.closest('[data-question]');
    var box = form.querySelector('.faq-form-status');
    var entry = {id: ''};
    ['question', 'answer', 'category', 'tags'].forEach(function (name) {
      entry[name] = form.elements[name].value;
    });
    box.textContent = gettext('Publishing…');
    post('publish_question', {question_id: item.getAttribute('data-question'), entry: entry})
      .then(function () {
        return load().then(function () {
          status.textContent = gettext('Published: learners see the new entry when they reload the page.');
          status.focus();
        });
      }).catch(function (err) {
        box.textContent = err.message;
      });
  }

  function dismiss(button) {
    var item = button.closest('[data-question]');
    post('dismiss_question', {question_id: item.getAttribute('data-question')}).then(function () {
      return load().then(function () {
        status.textContent = gettext('The question was dismissed.');
        status.focus();
      });
    }).catch(function (err) {
      status.textContent = err.message;
    });
  }

  panel.addEventListener('submit', function (event) {
    if (event.target.matches('[data-faq-publish]')) {
      event.preventDefault();
      publish(event.target);
    }
  });
  panel.addEventListener('click', function (event) {
    var button = event.target.closest('[data-faq-dismiss]');
    if (button) { dismiss(button); }
  });
  status.setAttribute('tabindex', '-1');
  load();
  return {apply: apply};
};
