/* What every seminar block's JS shares. Python adds it inline to each block's fragment, as
   it does the translations: the three blocks' packages share no static URL in the LMS. */
window.SeminarXBlocks = window.SeminarXBlocks || (function () {
  'use strict';
  function i18n() { return window.SeminarXBlocksI18N || {}; }

  /* POST JSON to a handler with Django's CSRF token. Resolves with the answer's JSON.
     Rejects with an Error: the server's `error` (else `failed`) with the answer as `body`;
     `failed` with no `body` when the network failed; an AbortError as it is. */
  function post(runtime, element, handler, data, failed, signal) {
    var csrf = /(?:^|;\s*)csrftoken=([^;]+)/.exec(document.cookie);
    return fetch(runtime.handlerUrl(element, handler), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrf ? decodeURIComponent(csrf[1]) : ''},
      body: JSON.stringify(data),
      signal: signal
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) { return body; }
        var error = new Error(body.error || failed);
        error.body = body;
        throw error;
      });
    }, function (err) {
      throw err && err.name === 'AbortError' ? err : new Error(failed);
    });
  }

  function gettext(text) { return (i18n().gettext || window.gettext || function (s) { return s; })(text); }

  return {
    post: post,
    /* A list as the learner's locale writes it ("1 و3 و4" in Arabic): the catalog brings
       the locale's patterns (common/l10n.py); English without a catalog. */
    formatList: function (items) {
      var texts = items.map(String);
      if (i18n().formatList) { return i18n().formatList(texts); }
      var last = texts.pop();
      return texts.length ? texts.join(', ') + (texts.length > 1 ? ', and ' : ' and ') + last : last || '';
    },
    gettext: gettext,
    ngettext: function (one, many, n) {
      var translate = i18n().ngettext || window.ngettext;
      return translate ? translate(one, many, n) : (n === 1 ? one : many);
    }
  };
}());
