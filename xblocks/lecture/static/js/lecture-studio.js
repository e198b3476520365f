/* The lecture's Studio editor: repeatable rows, a live preview, a validating save. */
window.SeminarLectureStudio = function (runtime, element, args) {
  'use strict';
  var strings = (args && args.strings) || {};
  var form = element.querySelector('[data-form]');
  var formStatus = element.querySelector('[data-form-status]');
  var preview = element.querySelector('[data-preview]');
  var previewStatus = element.querySelector('[data-preview-status]');
  var readingTime = element.querySelector('[data-reading-time]');
  var rowCounter = 1000;
  var previewTimer = null;
  var previewRequest = 0;

  function notify(name, data) {
    if (runtime && typeof runtime.notify === 'function') {
      runtime.notify(name, data);
    }
  }

  function post(handler, data, failed) {
    return window.SeminarXBlocks.post(runtime, element, handler, data, failed);
  }

  function field(name) {
    return form.querySelector('[name="' + name + '"]');
  }

  function lines(name) {
    return field(name).value.split(/\r?\n/);
  }

  function rows(list) {
    var container = element.querySelector('[data-rows="' + list + '"]');
    return Array.prototype.map.call(container.querySelectorAll('[data-row]'), function (row) {
      var record = {};
      row.querySelectorAll('[data-key]').forEach(function (input) {
        record[input.getAttribute('data-key')] = input.value;
      });
      return record;
    });
  }

  function values() {
    var sdgs = Array.prototype.map.call(
      form.querySelectorAll('[name="sdgs"]:checked'),
      function (box) { return Number(box.value); }
    );
    return {
      display_name: field('display_name').value,
      body: field('body').value,
      speakers: rows('speakers'),
      objectives: lines('objectives'),
      takeaways: lines('takeaways'),
      sdgs: sdgs,
      video_url: field('video_url').value,
      video_youtube_id: field('video_youtube_id').value,
      transcript: field('transcript').value,
      handouts: rows('handouts')
    };
  }

  function renumber(container) {
    container.querySelectorAll('[data-row]').forEach(function (row, index) {
      var legend = row.querySelector('legend');
      legend.textContent = legend.getAttribute('data-label').replace('{n}', String(index + 1));
    });
  }

  function addRow(list) {
    var template = element.querySelector('[data-row-template="' + list + '"]');
    var container = element.querySelector('[data-rows="' + list + '"]');
    var row = template.content.firstElementChild.cloneNode(true);
    rowCounter += 1;
    row.querySelectorAll('[id], [for]').forEach(function (node) {
      ['id', 'for'].forEach(function (attribute) {
        if (node.hasAttribute(attribute)) {
          node.setAttribute(attribute, node.getAttribute(attribute).replace('__N__', rowCounter));
        }
      });
    });
    container.appendChild(row);
    renumber(container);
    row.querySelector('input').focus();
  }

  function removeRow(button) {
    var row = button.closest('[data-row]');
    var container = row.parentNode;
    var list = container.getAttribute('data-rows');
    row.remove();
    renumber(container);
    element.querySelector('[data-add-row="' + list + '"]').focus();
  }

  function clearErrors() {
    formStatus.textContent = '';
    element.querySelectorAll('[data-error-for]').forEach(function (box) {
      box.textContent = '';
    });
    element.querySelectorAll('[aria-invalid]').forEach(function (node) {
      node.removeAttribute('aria-invalid');
    });
  }

  function showErrors(summary, fieldErrors) {
    var first = null;
    formStatus.textContent = summary;
    Object.keys(fieldErrors || {}).forEach(function (name) {
      var box = element.querySelector('[data-error-for="' + name + '"]');
      var input = field(name) || (box && box.closest('fieldset').querySelector('input, textarea'));
      if (box) {
        box.textContent = fieldErrors[name];
      }
      if (input) {
        if (field(name)) {
          input.setAttribute('aria-invalid', 'true');
        }
        first = first || input;
      }
    });
    (first || formStatus).focus();
  }

  function save(event) {
    event.preventDefault();
    clearErrors();
    notify('save', {state: 'start'});
    post('studio_submit', values(), strings.saveFailed).then(function () {
      notify('save', {state: 'end'});
    }).catch(function (err) {
      if (err.body) {
        showErrors(err.message, err.body.field_errors);
        notify('error', {title: strings.saveFailed, message: err.body.error || ''});
      } else {
        showErrors(strings.network, {});
        notify('error', {title: strings.saveFailed, message: strings.network});
      }
    });
  }

  function updatePreview() {
    var request = ++previewRequest;
    post('preview', {body: field('body').value}, strings.previewFailed).then(function (body) {
      if (request !== previewRequest) {
        return;  // a newer draft is on its way
      }
      previewStatus.textContent = '';
      preview.innerHTML = body.html;  // sanitised on the server, as for learners
      readingTime.textContent = body.reading_time;
    }).catch(function (err) {
      if (err.body && request !== previewRequest) {
        return;
      }
      previewStatus.textContent = err.message;  // the server's reason, else previewFailed
    });
  }

  formStatus.setAttribute('tabindex', '-1');
  form.addEventListener('submit', save);
  element.querySelector('.cancel-button').addEventListener('click', function () {
    notify('cancel', {});
  });
  element.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-row]');
    var remove = event.target.closest('[data-remove-row]');
    if (add) {
      addRow(add.getAttribute('data-add-row'));
    } else if (remove) {
      removeRow(remove);
    }
  });
  field('body').addEventListener('input', function () {
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(updatePreview, 500);
  });
  window.SeminarXBlocks.translationEditor(runtime, element);
};
