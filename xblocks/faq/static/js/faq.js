/* The FAQ block for learners: disclosure, deep links, search, votes and questions.
   faq_search.js ranks in the browser; faq_server.js searches large FAQs on the server. */
window.SeminarFaqBlock = function (runtime, element, args) {
  'use strict';
  var shared = window.SeminarXBlocks;
  var gettext = shared.gettext;
  var ngettext = shared.ngettext;
  var search = window.SeminarFaqBlock.search;
  search.define(args.lang, args.rules);
  if (shared.languageSwitcher) { shared.languageSwitcher(runtime, element); }
  var root = element.querySelector('.seminar-faq') || element;
  var field = root.querySelector('[data-faq-search] input');
  var category = root.querySelector('[data-faq-search] select');
  var statusBox = root.querySelector('[data-faq-status]');
  var results = root.querySelector('[data-faq-results]');
  var resultList = root.querySelector('[data-faq-result-list]');
  var browse = root.querySelector('[data-faq-browse]');
  var askForm = root.querySelector('[data-faq-ask]');
  var FAILED = gettext('The request failed. Check your connection and try again.');
  var byIndex = [];
  var homes = [];
  var shown = {count: 0, logged: ''};
  var timers = {};
  var staff = null;
  var server = null;
  var index = null;
  var votes = args.votes || {};

  function all(selector, context) {
    return Array.from((context || root).querySelectorAll(selector));
  }

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (m, key) { return String(values[key]); });
  }

  function tell(box, message, isError) {
    box.textContent = message;
    box.classList.toggle('faq-error', Boolean(isError));
  }

  function post(handler, data, signal) {
    return shared.post(runtime, element, handler, data, FAILED, signal);
  }

  function later(name, delay, fn) {
    clearTimeout(timers[name]);
    timers[name] = setTimeout(fn, delay);
  }

  /* "Was this helpful?" comes from one template when an entry first opens, not in every entry. */
  function addVote(article) {
    var answer = article.querySelector('.faq-a');
    if (answer.querySelector('.faq-vote')) { return; }
    var group = answer.appendChild(root.querySelector('[data-faq-vote-template]').content.firstElementChild.cloneNode(true));
    group.firstChild.id = answer.id + '-vote';
    group.setAttribute('aria-labelledby', group.firstChild.id);
    pressed(article, votes[article.id.slice(6)]);
  }

  function pressed(article, value) {
    all('[data-vote]', article).forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-vote') === value)); });
  }

  function setOpen(article, open) {
    article.querySelector('.faq-toggle').setAttribute('aria-expanded', String(open));
    article.querySelector('.faq-a').hidden = !open;
    if (open) { addVote(article); }
  }

  /* <mark> the search.spans of the text nodes in `container`. */
  function highlight(container, tokens) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var fragment = document.createDocumentFragment();
      var last = 0;
      search.spans(text, tokens, args.lang).forEach(function (span) {
        fragment.appendChild(document.createTextNode(text.slice(last, span[0])));
        var hit = fragment.appendChild(document.createElement('mark'));
        hit.className = 'faq-hit';
        hit.textContent = text.slice(span[0], last = span[1]);
      });
      if (last) {
        fragment.appendChild(document.createTextNode(text.slice(last)));
        node.replaceWith(fragment);
      }
    });
  }

  /* Where the answer matches: plain text around its first hit. */
  function snippet(article, tokens) {
    var answer = article.querySelector('.faq-answer');
    var text = answer.textContent.replace(/\s+/g, ' ');
    var hit = search.spans(text, tokens, args.lang)[0];
    var box = article.querySelector('.faq-snippet');
    if (!box) {
      box = article.querySelector('.faq-q').insertAdjacentElement('afterend', document.createElement('p'));
      box.className = 'faq-snippet';
      ['lang', 'dir'].forEach(function (name) { /* the answer's words, in its language */
        box.setAttribute(name, answer.getAttribute(name) || 'auto');
      });
    }
    box.hidden = !hit;
    if (hit) {
      var start = Math.max(0, search.cut(text, hit[0] - 60));
      var end = search.cut(text, hit[1] + 80, true);
      box.textContent = ((start ? '…' : '') + (end < 0 ? text.slice(start) : text.slice(start, end + 1) + '…')).trim();
      highlight(box, tokens);
    }
  }

  function mark(articles, query) {
    var tokens = search.tokenize(query, args.lang);
    articles.forEach(function (article) {
      highlight(article.querySelector('.faq-toggle'), tokens);
      highlight(article.querySelector('.faq-answer'), tokens);
      snippet(article, tokens);
    });
  }

  function unmark() {
    all('mark.faq-hit').forEach(function (hit) {
      var parent = hit.parentNode;
      hit.replaceWith(hit.textContent);
      parent.normalize();
    });
    all('.faq-snippet').forEach(function (box) { box.hidden = true; });
  }

  /* Said once, in the status: how many were found, or that none was (and, for a search in
     a language the FAQ is not written in, which language to search in). */
  function announce(total, foreign) {
    shown.count = total;
    root.querySelector('[data-faq-none]').hidden = total > 0;
    later('status', 350, function () {
      statusBox.textContent = total ? format(ngettext('%(count)s question found.',
        '%(count)s questions found.', total), {count: total}) :
        (foreign ? results.getAttribute('data-faq-foreign') : gettext('No question matches your search.'));
    });
    later('log', 1500, function () {
      /* Tracking: the query's length and the result count, never its text. */
      var query = field.value.trim();
      if (query && query !== shown.logged) {
        shown.logged = query;
        post('log_search', {query_length: query.length, result_count: shown.count})
          .catch(function () { return null; });
      }
    });
  }

  function restore() {
    unmark();
    byIndex.forEach(function (article, i) { homes[i].appendChild(article); });
    results.hidden = true;
    browse.hidden = false;
  }

  function searchInBrowser(query) {
    if (!query.trim()) {
      restore();
      statusBox.textContent = '';
      return;
    }
    unmark();
    index = index || search.build(search.documents(root), args.lang); /* on the first search, from the page */
    var found = search.rank(index, query).map(function (hit) { return byIndex[hit[0]]; });
    byIndex.forEach(function (article, i) { homes[i].appendChild(article); });
    found.forEach(function (article) { resultList.appendChild(article); });
    browse.hidden = true;
    results.hidden = false;
    mark(found, query);
    announce(found.length, !found.length && search.isForeign(index, query));
  }

  function findEntry(id) { /* id matches [a-z0-9_-]+ (openHash) */
    return root.querySelector('#entry-' + id);
  }

  function reveal(article) {
    if (!server && !results.hidden && !results.contains(article)) {
      field.value = '';
      statusBox.textContent = '';
      restore();
    }
    setOpen(article, true);
    article.scrollIntoView({block: 'start'});
    article.querySelector('.faq-toggle').focus({preventScroll: true});
  }

  function openHash() {
    var match = /^#entry-([a-z0-9][a-z0-9_-]*)$/.exec(window.location.hash);
    var article = match && findEntry(match[1]);
    if (article) {
      reveal(article);
    } else if (match && server) {
      server.open(match[1]);
    }
  }

  function vote(button) {
    var article = button.closest('.faq-entry');
    var box = article.querySelector('.faq-vote-status');
    var value = button.getAttribute('aria-pressed') === 'true' ? null : button.getAttribute('data-vote');
    var id = article.id.slice(6); /* entry-<id> */
    post('vote', {entry_id: id, vote: value}).then(function (body) {
      votes[id] = body.vote;
      pressed(article, body.vote);
      tell(box, body.vote ? gettext('Thank you: your answer is saved.') : gettext('Your answer is withdrawn.'));
    }).catch(function (err) { tell(box, err.message, true); });
  }

  function ask(event) {
    var text = askForm.elements.question;
    var box = askForm.querySelector('[data-faq-ask-status]');
    var min = Number(text.getAttribute('minlength'));
    event.preventDefault();
    if (text.value.trim().length < min) {
      text.setAttribute('aria-invalid', 'true');
      tell(box, format(ngettext('Write your question in at least %(count)s character.',
        'Write your question in at least %(count)s characters.', min), {count: min}), true);
      text.focus();
      return;
    }
    tell(box, gettext('Sending…'));
    post('ask', {question: text.value.trim()}).then(function (body) {
      root.querySelector('[data-faq-mine]').innerHTML = body.questions_html; /* escaped by the server */
      text.value = '';
      text.removeAttribute('aria-invalid');
      tell(box, gettext('Thank you: your question was sent to the course staff.'));
    }).catch(function (err) { tell(box, err.message, true); });
  }

  function onQuery() {
    if (server) { server.query(); } else { searchInBrowser(field.value); }
  }

  root.addEventListener('click', function (event) {
    var target = event.target;
    var toggle = target.closest('.faq-toggle');
    var link = target.closest('a[href^="#entry-"]');
    if (toggle) {
      setOpen(toggle.closest('.faq-entry'), toggle.getAttribute('aria-expanded') !== 'true');
    } else if (target.closest('[data-vote]')) {
      vote(target.closest('[data-vote]'));
    } else if (target.closest('[data-faq-ask-this]')) {
      askForm.elements.question.value = field.value.trim();
      askForm.elements.question.focus();
    } else if (target.closest('[data-faq-more]')) {
      server.more();
    } else if (link && link.getAttribute('href') === window.location.hash) {
      event.preventDefault(); /* the hash does not change: open the entry again */
      openHash();
    }
  });
  root.querySelector('[data-faq-search]').addEventListener('submit', function (event) {
    event.preventDefault();
    onQuery();
  });
  field.addEventListener('input', onQuery);
  if (category) { category.addEventListener('change', onQuery); }
  askForm.addEventListener('submit', ask);
  window.addEventListener('hashchange', openHash);

  all('.faq-entry').forEach(function (article) {
    var i = Number(article.getAttribute('data-index'));
    byIndex[i] = article;
    homes[i] = article.parentNode;
  });
  if (args.staff && window.SeminarFaqBlock.staff) {
    staff = window.SeminarFaqBlock.staff(root, post, gettext, ngettext);
  }
  if (window.SeminarFaqBlock.answers) {
    /* The answers the page deferred: then search again over the whole text. */
    window.SeminarFaqBlock.answers(root, post, function () {
      index = null;
      if (!server && field.value.trim()) { searchInBrowser(field.value); }
    });
  }
  if (args.mode === 'server') {
    server = window.SeminarFaqBlock.server({
      root: root, post: post, gettext: gettext, field: field, category: category,
      results: results, list: resultList, status: statusBox, later: later, mark: mark,
      announce: announce, reveal: reveal, find: findEntry, staff: staff
    });
  }
  /* On a fresh load the browser scrolls to the #fragment after `load` and moves focus:
     open the entry after that, so that its button keeps the focus. */
  if (document.readyState === 'complete') {
    openHash();
  } else {
    window.addEventListener('load', function () { setTimeout(openHash, 0); });
  }
};
