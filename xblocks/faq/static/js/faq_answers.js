/* The answers the FAQ's page defers so that its first screen (the questions) comes before
   its full text: fetched once the page is shown, put in place, then `done()` (faq.js then
   searches again over the whole text). */
window.SeminarFaqBlock.answers = function (root, post, done) {
  'use strict';
  var pending = Array.prototype.slice.call(root.querySelectorAll('[data-faq-pending]'));
  var attempts = 0;

  function fill(body) {
    pending.forEach(function (box) {
      var html = body.answers[box.closest('.faq-entry').id.slice(6)]; /* entry-<id> */
      if (typeof html === 'string') {
        box.insertAdjacentHTML('afterbegin', html); /* rendered and sanitised by the server */
        box.removeAttribute('data-faq-pending');
      }
    });
    done();
  }

  function load() {
    attempts += 1;
    post('answers', {}).then(fill).catch(function () {
      if (attempts < 3) { setTimeout(load, 2000 * attempts); }
    });
  }

  if (pending.length) { load(); }
};
