/* The content-language menu of a translated block (common/base.py), inline only in the
   fragments that show one. It saves the learner's choice (one for every block), then
   reloads the page so that every block on it is read in that language. */
(function (shared) {
  'use strict';
  /* `beforeSwitch` (optional) returns a promise, e.g. a quiz saving its draft first. */
  shared.languageSwitcher = function (runtime, element, beforeSwitch) {
    element = element.jquery ? element[0] : element;
    var form = element.querySelector('[data-seminar-language]');
    if (!form) { return; }
    var status = form.querySelector('[role="status"]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var language = form.querySelector('select').value;
      var failed = shared.gettext('The language could not be changed. Check your connection and try again.');
      Promise.resolve(beforeSwitch && beforeSwitch()).catch(function () { return null; }).then(function () {
        return shared.post(runtime, element, 'set_content_language', {language: language}, failed);
      }).then(function () {
        window.location.reload();
      }, function (error) { status.textContent = error.message; });
    });
  };
}(window.SeminarXBlocks));
