/* The FAQ block's Studio editor: entries (add, edit, reorder, remove, preview), bulk text
   import and export, and a save the server validates field by field. */
window.SeminarFaqStudio = function (runtime, element) {
  'use strict';
  var gettext = window.SeminarXBlocks.gettext;
  var root = element.querySelector('.faq-studio');
  var form = root.querySelector('[data-studio-form]');
  var list = root.querySelector('[data-entries]');
  var template = root.querySelector('[data-entry-template]');
  var status = root.querySelector('[data-status]');
  var bulk = root.querySelector('.faq-bulk textarea');
  var lineErrors = root.querySelector('[data-line-errors]');
  var download = root.querySelector('[data-download]');
  var FIELDS = ['question', 'id', 'category', 'tags', 'related', 'answer'];
  var FAILED = gettext('The request failed. Check your connection and try again.');
  var counter = 0;

  function all(selector, context) {
    return Array.prototype.slice.call((context || root).querySelectorAll(selector));
  }

  function notify(name, data) {
    if (runtime.notify) { runtime.notify(name, data); }
  }

  function post(handler, data) {
    return window.SeminarXBlocks.post(runtime, element, handler, data, FAILED);
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle('faq-error', Boolean(isError));
  }

  function renumber() {
    var items = all('.faq-edit-entry', list);
    items.forEach(function (item, i) {
      all('[data-number]', item).forEach(function (number) { number.textContent = String(i + 1); });
      item.querySelector('[data-up]').disabled = i === 0;
      item.querySelector('[data-down]').disabled = i === items.length - 1;
    });
  }

  function addEntry(entry) {
    var item = template.content.firstElementChild.cloneNode(true);
    counter += 1;
    all('[id], [for], [aria-describedby], [aria-controls]', item).forEach(function (node) {
      ['id', 'for', 'aria-describedby', 'aria-controls'].forEach(function (name) {
        if (node.hasAttribute(name)) {
          node.setAttribute(name, node.getAttribute(name).replace(/__N__/g, String(counter)));
        }
      });
    });
    FIELDS.forEach(function (name) {
      var value = entry[name] || '';
      item.querySelector('[name="' + name + '"]').value = Array.isArray(value) ? value.join(', ') : value;
    });
    item.querySelector('[data-summary]').textContent = entry.question || gettext('New entry');
    item.querySelector('details').open = !entry.question;
    list.appendChild(item);
    renumber();
    return item;
  }

  function replaceEntries(entries) {
    list.innerHTML = '';
    entries.forEach(addEntry);
  }

  function collect() {
    return all('.faq-edit-entry', list).map(function (item) {
      var entry = {};
      FIELDS.forEach(function (name) { entry[name] = item.querySelector('[name="' + name + '"]').value; });
      return entry;
    });
  }

  function clearErrors() {
    all('[data-error-for]').forEach(function (box) { box.hidden = true; box.textContent = ''; });
    all('[aria-invalid]').forEach(function (input) { input.removeAttribute('aria-invalid'); });
    lineErrors.hidden = true;
  }

  function showFieldErrors(errors) {
    var first = null;
    var items = all('.faq-edit-entry', list);
    Object.keys(errors).forEach(function (key) {
      var parts = key.split('.');
      var scope = parts[0] === 'entries' && parts.length === 3 ? items[Number(parts[1])] : root;
      var name = parts.length === 3 ? parts[2] : parts[0];
      var box = scope && scope.querySelector('[data-error-for="' + name + '"]');
      if (!box) { box = root.querySelector('[data-error-for="entries"]'); }
      box.textContent = errors[key];
      box.hidden = false;
      var input = scope && scope.querySelector('[name="' + name + '"]');
      if (scope !== root && scope) { scope.querySelector('details').open = true; }
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      }
    });
    if (first) { first.focus(); }
  }

  function save(event) {
    event.preventDefault();
    clearErrors();
    var checked = form.querySelector('[name="search_mode"]:checked');
    var data = {
      display_name: form.elements.display_name.value,
      search_mode: checked ? checked.value : 'auto',
      entries: collect()
    };
    say(gettext('Saving…'));
    notify('save', {state: 'start'});
    post('studio_save', data).then(function (body) {
      replaceEntries(body.entries);
      say(gettext('Saved.'));
      notify('save', {state: 'end'});
    }).catch(function (err) {
      say(err.message, true);
      notify('error', {title: gettext('The FAQ was not saved'), message: err.message});
      if (err.body && err.body.field_errors) { showFieldErrors(err.body.field_errors); }
    });
  }

  function importText() {
    clearErrors();
    post('import_text', {text: bulk.value}).then(function (body) {
      replaceEntries(body.entries);
      say(gettext('The entries were replaced with the text. Check them, then save.'));
      status.focus();
    }).catch(function (err) {
      say(err.message, true);
      lineErrors.innerHTML = '';
      ((err.body && err.body.line_errors) || []).forEach(function (pair) {
        var li = lineErrors.appendChild(document.createElement('li'));
        li.textContent = gettext('Line') + ' ' + pair[0] + ': ' + pair[1];
      });
      lineErrors.hidden = !lineErrors.children.length;
    });
  }

  function exportText() {
    clearErrors();
    post('export_text', {entries: collect()}).then(function (body) {
      bulk.value = body.text;
      if (download.href) { URL.revokeObjectURL(download.href); }
      download.href = URL.createObjectURL(new Blob([body.text], {type: 'text/markdown'}));
      download.hidden = false;
      say(gettext('The entries are in the text box, ready to copy or download.'));
    }).catch(function (err) {
      say(err.message, true);
    });
  }

  function preview(item) {
    var box = item.querySelector('.faq-preview');
    post('preview', {answer: item.querySelector('[name="answer"]').value}).then(function (body) {
      box.innerHTML = body.html; /* sanitised by the server */
    }).catch(function (err) {
      box.textContent = err.message;
    });
  }

  function move(item, direction) {
    var sibling = direction < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) { return; }
    list.insertBefore(item, direction < 0 ? sibling : sibling.nextElementSibling);
    renumber();
    var same = item.querySelector(direction < 0 ? '[data-up]' : '[data-down]');
    (same.disabled ? item.querySelector(direction < 0 ? '[data-down]' : '[data-up]') : same).focus();
  }

  root.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    var item = button && button.closest('.faq-edit-entry');
    if (!button) { return; }
    if (button.hasAttribute('data-add')) {
      addEntry({}).querySelector('[name="question"]').focus();
    } else if (button.hasAttribute('data-remove')) {
      var next = item.nextElementSibling || item.previousElementSibling;
      item.parentNode.removeChild(item);
      renumber();
      (next ? next.querySelector('summary') : root.querySelector('[data-add]')).focus();
    } else if (button.hasAttribute('data-up') || button.hasAttribute('data-down')) {
      move(item, button.hasAttribute('data-up') ? -1 : 1);
    } else if (button.hasAttribute('data-preview')) {
      preview(item);
    } else if (button.hasAttribute('data-import')) {
      importText();
    } else if (button.hasAttribute('data-export')) {
      exportText();
    } else if (button.classList.contains('cancel-button')) {
      notify('cancel', {});
    }
  });
  form.addEventListener('submit', save);
  list.addEventListener('input', function (event) {
    if (event.target.name === 'question') {
      event.target.closest('.faq-edit-entry').querySelector('[data-summary]').textContent = event.target.value;
    }
  });
  replaceEntries(JSON.parse(root.querySelector('script[type="application/json"]').textContent));
  window.SeminarXBlocks.translationEditor(runtime, element);
};
