/* The translation editor of every block's Studio view (common/translation_studio.py): pick a
   language, edit its texts beside the source texts, save that language only. Each block's
   studio JS calls it with its own runtime and element; the form it swaps out is the
   element's [data-source-editor]. */
window.SeminarXBlocks.translationEditor = function (runtime, element) {
  'use strict';
  var api = window.SeminarXBlocks;
  var root = element.querySelector('[data-translations]');
  if (!root) {
    return;
  }
  var pane = root.querySelector('[data-translation-pane]');
  var status = root.querySelector('[data-translation-status]');
  var sourceEditor = element.querySelector('[data-source-editor]');
  var failed = api.gettext('The translation could not be loaded or saved.');

  function notify(name, data) {
    if (runtime && typeof runtime.notify === 'function') {
      runtime.notify(name, data);
    }
  }

  function showSource() {
    pane.hidden = true;
    pane.textContent = '';
    sourceEditor.hidden = false;
    status.textContent = '';
    var first = sourceEditor.querySelector('input, textarea, select');
    (first || sourceEditor).focus();
  }

  function open(language) {
    status.textContent = '';
    api.post(runtime, element, 'translation_form', {language: language}, failed).then(function (body) {
      pane.innerHTML = body.html;  // rendered and escaped by the server's template
      pane.hidden = false;
      sourceEditor.hidden = true;
      pane.querySelector('h2').focus();
    }).catch(function (err) {
      status.textContent = err.message;
      status.focus();
    });
  }

  function texts(form) {
    var found = {};
    form.querySelectorAll('[data-path]').forEach(function (box) {
      var path = box.getAttribute('data-path');
      if (box.hasAttribute('data-lines')) {
        box.value.split(/\r?\n/).map(function (line) { return line.trim(); })
          .filter(Boolean).forEach(function (line, index) { found[path + '.' + index] = line; });
      } else {
        found[path] = box.value;
      }
    });
    return found;
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (box) { box.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (box) { box.removeAttribute('aria-invalid'); });
  }

  function errorBox(form, path) {
    var boxes = form.querySelectorAll('[data-error-for]');
    return Array.prototype.find.call(boxes, function (box) {
      var own = box.getAttribute('data-error-for');
      return own === path || path.indexOf(own + '.') === 0;
    });
  }

  function showErrors(form, summary, fieldErrors) {
    var formStatus = form.querySelector('[data-translation-form-status]');
    var first = null;
    var general = [];
    Object.keys(fieldErrors || {}).forEach(function (path) {
      var box = path && errorBox(form, path);
      if (!box) {
        general.push(fieldErrors[path]);
        return;
      }
      box.textContent = fieldErrors[path];
      var input = box.parentNode.querySelector('[data-path]');
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    });
    formStatus.textContent = [summary].concat(general).join(' ');
    (general.length || !first ? formStatus : first).focus();
  }

  function refreshPicker(html) {
    var fresh = document.createElement('div');
    fresh.innerHTML = html;  // the server's escaped template
    ['select', '[data-translations] > ul'].forEach(function (selector) {
      var mine = root.querySelector(selector.replace('[data-translations] > ', ''));
      var theirs = fresh.querySelector(selector);
      if (mine && theirs) {
        mine.innerHTML = theirs.innerHTML;
      }
    });
  }

  function save(form) {
    var language = form.getAttribute('data-language');
    var formStatus = form.querySelector('[data-translation-form-status]');
    clearErrors(form);
    formStatus.textContent = '';
    notify('save', {state: 'start'});
    api.post(runtime, element, 'save_translation', {language: language, texts: texts(form)}, failed)
      .then(function (body) {
        refreshPicker(body.picker);
        root.querySelector('select').value = language;
        formStatus.textContent = api.gettext('The translation was saved.');
        formStatus.focus();
        notify('save', {state: 'end'});
      }).catch(function (err) {
        showErrors(form, err.message, err.body && err.body.field_errors);
        notify('error', {title: failed, message: err.message});
      });
  }

  root.addEventListener('submit', function (event) {
    event.preventDefault();
    if (event.target.hasAttribute('data-translation-picker')) {
      var language = event.target.querySelector('select').value;
      if (language) {
        open(language);
      } else {
        showSource();
      }
    } else if (event.target.hasAttribute('data-translation-form')) {
      save(event.target);
    }
  });
  root.addEventListener('click', function (event) {
    if (event.target.closest('[data-translation-cancel]')) {
      root.querySelector('select').selectedIndex = 0;
      showSource();
    }
  });
};
