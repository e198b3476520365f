/* FAQ search on the server, for FAQs too large to ship with the page: results, a category
   filter and "Show more" pages come from the `search` handler (same ranking as search.py). */
window.SeminarFaqBlock.server = function (ui) {
  'use strict';
  var more = ui.root.querySelector('[data-faq-more]');
  var controller = null;
  var next = 0;

  function fetchPage(params, append) {
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    ui.status.textContent = ui.gettext('Searching…');
    return ui.post('search', params, controller && controller.signal).then(function (body) {
      if (!append) { ui.list.innerHTML = ''; }
      ui.list.insertAdjacentHTML('beforeend', body.html); /* rendered and sanitised by the server */
      next = body.offset + body.ids.length;
      more.hidden = next >= body.total;
      ui.results.hidden = false;
      if (params.q) { ui.mark(Array.prototype.slice.call(ui.list.querySelectorAll('.faq-entry')), params.q); }
      if (ui.staff) { ui.staff.apply(ui.list); }
      ui.announce(body.total, body.foreign);
      return body;
    }).catch(function (err) {
      if (err.name !== 'AbortError') { ui.status.textContent = err.message; }
    });
  }

  function params(offset) {
    return {q: ui.field.value.trim(), category: ui.category.value, offset: offset};
  }

  return {
    query: function () {
      ui.later('server', 250, function () {
        if (!ui.field.value.trim() && !ui.category.value) {
          ui.results.hidden = true;
          ui.status.textContent = '';
          return;
        }
        fetchPage(params(0), false);
      });
    },
    more: function () { fetchPage(params(next), true); },
    open: function (id) {
      fetchPage({id: id}, false).then(function (body) {
        var found = body && ui.find(id);
        if (found) { ui.reveal(found); }
      });
    }
  };
};
