/* FAQ search in the browser: search.py (see its docstring) rule for rule, as
   tests/browser/test_faq_search.py checks. */
window.SeminarFaqBlock.search = (function () {
  'use strict';
  var CJK = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff';
  var TOKEN = '[' + CJK + ']+|(?:(?![' + CJK + '])[\\p{L}\\p{N}])+';
  var MARKS = new RegExp('\\p{M}', 'gu');
  var JOINERS = '-\u2010\'\u2019';
  var PREFIX_MIN = 3;
  var PREFIX_FACTOR = 0.5;
  var CJK_RUN = new RegExp('^[' + CJK + ']+$');
  /* FOLDS (Arabic-Indic digits: code % 16) */
  var FOLDS = {'ß': 'ss', 'ς': 'σ', 'œ': 'oe', 'æ': 'ae', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ـ': ''};
  var FOLD = /[ßςœæٱىةـ\u0660-\u0669\u06f0-\u06f9]/g;
  var LANGS = {}; /* client_rules() by base language: define() */

  function base(lang) { return (lang || '').split(/[-_]/)[0].toLowerCase(); }

  function rules(lang) { return LANGS[base(lang)] || {}; }

  function define(lang, given) { LANGS[base(lang)] = given || {}; }

  function normalise(text) {
    return text.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '')
      .replace(FOLD, function (c) { return c in FOLDS ? FOLDS[c] : String(c.charCodeAt(0) % 16); });
  }

  function undouble(word) { return word.replace(/([bdfgkmnprt])\1$/, '$1'); }

  function arabic(word) {
    return word.replace(/^(?:[وفبكل]|ال)*(?=.{3})/, '').replace(/^(.{3,}?)(?:ات|ون|ين|ها|يه|ه|ي)$/, '$1');
  }

  function stem(word, lang) {
    if (/^[\u0621-\u064a]+$/.test(word)) { return arabic(word); }
    if (word.length <= 3 || !/^([a-z]+|[а-я]+)$/.test(word)) { return word; }
    var steps = rules(lang).steps;
    if (steps) {
      steps.forEach(function (step) {
        var r = step.split(/[ :]/);
        for (var i = 0; i < r.length; i += 2) {
          if (word.endsWith(r[i]) && word.length - r[i].length + r[i + 1].length >= 3) {
            return (word = word.slice(0, -r[i].length) + r[i + 1]);
          }
        }
      });
      return word;
    }
    if (word.endsWith('ies') && word.length > 4) {
      word = word.slice(0, -3) + 'y';
    } else if (word.endsWith('sses')) {
      word = word.slice(0, -2);
    } else if (/[^sui]s$/.test(word)) {
      word = word.slice(0, -1);
    }
    if (word.endsWith('ing') && word.length > 5 && /[aeiouy]/.test(word.slice(0, -3))) {
      word = undouble(word.slice(0, -3));
    } else if (word.endsWith('ied') && word.length > 4) {
      word = word.slice(0, -3) + 'y';
    } else if (word.endsWith('ed') && word.length > 4 && /[aeiouy]/.test(word.slice(0, -2))) {
      word = undouble(word.slice(0, -2));
    }
    if (word.endsWith('e') && word.length > 3) { word = word.slice(0, -1); }
    return word;
  }

  function flush(chain, tokens, lang) { /* each word, then the chain joined; CJK: bigrams */
    chain.concat(chain.length > 1 ? chain.join('') : []).forEach(function (word) {
      if (CJK_RUN.test(word)) {
        for (var i = 0; i < Math.max(1, word.length - 1); i += 1) { tokens.push(word.slice(i, i + 2)); }
      } else if (!/^[a-z]$/.test(word)) { tokens.push(stem(word, lang)); }
    });
  }

  function tokenize(text, lang) {
    var re = new RegExp(TOKEN, 'gu');
    var tokens = [];
    var chain = [];
    var lastEnd = -2;
    var match;
    text = normalise(text || '');
    while ((match = re.exec(text)) !== null) {
      if (chain.length && match.index === lastEnd + 1 && JOINERS.indexOf(text[lastEnd]) >= 0) {
        chain.push(match[0]);
      } else {
        flush(chain, tokens, lang);
        chain = [match[0]];
      }
      lastEnd = match.index + match[0].length;
    }
    flush(chain, tokens, lang);
    return tokens;
  }

  function idf(count, df) {
    return Math.floor(Math.log(1 + count / df) * 1000 + 0.5) / 1000;
  }

  function unique(tokens) { return Array.from(new Set(tokens)); } /* first-seen order */

  /* The page's entries in display order: question, category and tags, answer as read. */
  function documents(root) {
    return Array.from(root.querySelectorAll('.faq-entry'), function (a) {
      var home = a.closest('.faq-category');
      return [+a.getAttribute('data-index'), a.querySelector('.faq-toggle').textContent,
        (home ? home.querySelector('h3').textContent : '') + ' ' + (a.getAttribute('data-tags') || ''),
        a.querySelector('.faq-answer').textContent];
    }).sort(function (x, y) { return x[0] - y[0]; });
  }
  /* {n, terms: {term: [entry index * 8 + weight]}, docs: [texts], lang}: client_index
     (termsOf: index_terms in faq_cjk.js). */
  function build(docs, lang, termsOf) {
    var terms = Object.create(null);
    docs.forEach(function (doc, i) {
      var weights = Object.create(null);
      [3, 2, 1].forEach(function (weight, field) {
        unique((termsOf || tokenize)(doc[field + 1], lang)).forEach(function (term) {
          weights[term] = (weights[term] || 0) + weight;
        });
      });
      Object.keys(weights).forEach(function (term) { (terms[term] = terms[term] || []).push(i * 8 + weights[term]); });
    });
    return {n: docs.length, terms: terms, docs: docs.map(function (doc) { return doc.slice(1); }), lang: lang};
  }

  /* The token lists of the query's quoted phrases of two tokens or more: phrases(). */
  function phrases(query, lang) {
    var re = /["\u201c-\u201e\u300c-\u300f]([^"\u201c-\u201e\u300c-\u300f]*)["\u201c-\u201e\u300c-\u300f]/g;
    var found = [];
    var match;
    while ((match = re.exec(query || '')) !== null) {
      var tokens = tokenize(match[1], lang);
      if (tokens.length > 1) { found.push(tokens); }
    }
    return found;
  }

  function holdsPhrase(texts, phrase, lang) {
    return texts.some(function (text) {
      var tokens = tokenize(text, lang);
      for (var i = 0; i + phrase.length <= tokens.length; i += 1) {
        if (phrase.every(function (token, j) { return tokens[i + j] === token; })) { return true; }
      }
      return false;
    });
  }

  /* [[entry index, matched query tokens, score]], best first. */
  function rank(index, query) {
    var terms = index.terms;
    var vocabulary = index.vocabulary || (index.vocabulary = Object.keys(terms).sort());
    var totals = {};
    unique(tokenize(query, index.lang)).forEach(function (token) {
      var best = {};
      var matching = Object.prototype.hasOwnProperty.call(terms, token) ? [[token, 1]] : [];
      if (token.length >= PREFIX_MIN) {
        vocabulary.forEach(function (term) {
          if (term !== token && term.startsWith(token)) { matching.push([term, PREFIX_FACTOR]); }
        });
      }
      matching.forEach(function (pair) {
        var postings = terms[pair[0]];
        var termIdf = idf(index.n, postings.length);
        postings.forEach(function (packed) {
          var entry = packed >> 3;
          var score = (packed & 7) * termIdf * pair[1];
          if (score > (best[entry] || 0)) { best[entry] = score; }
        });
      });
      Object.keys(best).forEach(function (entry) {
        var total = totals[entry] || (totals[entry] = [Number(entry), 0, 0]);
        total[1] += 1;
        total[2] += best[entry];
      });
    });
    var hits = Object.keys(totals).map(function (key) { return totals[key]; });
    var most = hits.reduce(function (m, hit) { return Math.max(m, hit[1]); }, 0);
    var wanted = phrases(query, index.lang);
    return hits.filter(function (hit) {
      return hit[1] === most && wanted.every(function (p) { return holdsPhrase(index.docs[hit[0]], p, index.lang); });
    }).sort(function (a, b) { return (b[2] - a[2]) || (a[0] - b[0]); });
  }

  /* No query token shares a character with the FAQ's letters: SearchIndex.is_foreign. */
  function isForeign(index, query) {
    var script = new RegExp('[' + (rules(index.lang).script || '\\s\\S') + ']');
    var alphabet = index.alphabet || (index.alphabet = new Set(Object.keys(index.terms).join('')));
    var chars = Array.from(tokenize(query, index.lang).join(''));
    return chars.length > 0 && !chars.some(function (c) { return alphabet.has(c) && script.test(c); });
  }

  /* [start, end] of each word of the page's `text` whose token is, or (3+ letters) begins
     with, a query token; faq_cjk.js adds CJK characters. */
  function spans(text, tokens, lang) {
    var re = new RegExp('[\\p{L}\\p{N}\\p{M}]+', 'gu');
    var found = [];
    var match;
    function hits(token) {
      return tokens.some(function (q) { return token === q || (q.length >= PREFIX_MIN && token.startsWith(q)); });
    }
    while ((match = re.exec(text)) !== null) {
      if (tokenize(match[0], lang).some(hits)) { found.push([match.index, re.lastIndex]); }
    }
    return found;
  }

  /* Where a snippet of `text` is cut: the space at or before `at`, or after it. */
  function cut(text, at, after) { return after ? text.indexOf(' ', at) : text.lastIndexOf(' ', at); }

  return {
    normalise: normalise, tokenize: tokenize, documents: documents, build: build,
    rank: rank, isForeign: isForeign, define: define, spans: spans, cut: cut, CJK: CJK
  };
}());
