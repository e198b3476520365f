/* FAQ search in the browser: a rule-for-rule port of xblocks/faq/search.py (see its
   docstring); tests/browser/test_faq_search.py checks both give the same tokens and ranks. */
window.SeminarFaqBlock.search = (function () {
  'use strict';
  var CJK = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff';
  var TOKEN = '[' + CJK + ']|(?:(?![' + CJK + '])[\\p{L}\\p{N}])+';
  var MARKS = new RegExp('\\p{M}', 'gu');
  var WORD = new RegExp('[\\p{L}\\p{N}\\p{M}]+', 'gu');
  var JOINERS = '-\u2010\'\u2019';
  var UNDOUBLE = 'bdfgkmnprt';
  var PREFIX_MIN = 3;
  var PREFIX_FACTOR = 0.5;

  function normalise(text) {
    return text.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '');
  }

  function undouble(word) {
    var n = word.length;
    if (n >= 2 && word[n - 1] === word[n - 2] && UNDOUBLE.indexOf(word[n - 1]) >= 0) {
      return word.slice(0, -1);
    }
    return word;
  }

  function ends(word, suffix) {
    return word.slice(-suffix.length) === suffix;
  }

  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) { return word; }
    if (ends(word, 'ies') && word.length > 4) {
      word = word.slice(0, -3) + 'y';
    } else if (ends(word, 'sses')) {
      word = word.slice(0, -2);
    } else if (ends(word, 's') && !ends(word, 'ss') && !ends(word, 'us') && !ends(word, 'is')) {
      word = word.slice(0, -1);
    }
    if (ends(word, 'ing') && word.length > 5 && /[aeiouy]/.test(word.slice(0, -3))) {
      word = undouble(word.slice(0, -3));
    } else if (ends(word, 'ied') && word.length > 4) {
      word = word.slice(0, -3) + 'y';
    } else if (ends(word, 'ed') && word.length > 4 && /[aeiouy]/.test(word.slice(0, -2))) {
      word = undouble(word.slice(0, -2));
    }
    if (ends(word, 'e') && word.length > 3) { word = word.slice(0, -1); }
    return word;
  }

  function emit(word, tokens) {
    if (word.length === 1 && word >= 'a' && word <= 'z') { return; }
    tokens.push(stem(word));
  }

  function flush(chain, tokens) {
    chain.forEach(function (word) { emit(word, tokens); });
    if (chain.length > 1) { emit(chain.join(''), tokens); }
  }

  function tokenize(text) {
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
        flush(chain, tokens);
        chain = [match[0]];
      }
      lastEnd = match.index + match[0].length;
    }
    flush(chain, tokens);
    return tokens;
  }

  function idf(count, df) {
    return Math.floor(Math.log(1 + count / df) * 1000 + 0.5) / 1000;
  }

  function unique(tokens) {
    var seen = Object.create(null);
    return tokens.filter(function (token) { return seen[token] ? false : (seen[token] = true); });
  }

  /* The page's entries in display order: question, category and tags, answer as read. */
  function documents(root) {
    return Array.prototype.map.call(root.querySelectorAll('.faq-entry'), function (a) {
      var home = a.closest('.faq-category');
      return [+a.getAttribute('data-index'), a.querySelector('.faq-toggle').textContent,
        (home ? home.querySelector('h3').textContent : '') + ' ' + (a.getAttribute('data-tags') || ''),
        a.querySelector('.faq-answer').textContent];
    }).sort(function (x, y) { return x[0] - y[0]; });
  }
  /* {n, terms: {term: [entry index * 8 + weight]}, docs: [texts]} of documents(): client_index. */
  function build(docs) {
    var terms = Object.create(null);
    docs.forEach(function (doc, i) {
      var weights = Object.create(null);
      [3, 2, 1].forEach(function (weight, field) {
        unique(tokenize(doc[field + 1])).forEach(function (term) {
          weights[term] = (weights[term] || 0) + weight;
        });
      });
      Object.keys(weights).forEach(function (term) { (terms[term] = terms[term] || []).push(i * 8 + weights[term]); });
    });
    return {n: docs.length, terms: terms, docs: docs.map(function (doc) { return doc.slice(1); })};
  }

  /* The token lists of the query's quoted phrases of two tokens or more: phrases(). */
  function phrases(query) {
    var re = /["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)["\u201c\u201d\u201e]/g;
    var found = [];
    var match;
    while ((match = re.exec(query || '')) !== null) {
      var tokens = tokenize(match[1]);
      if (tokens.length > 1) { found.push(tokens); }
    }
    return found;
  }

  function holdsPhrase(texts, phrase) {
    return texts.some(function (text) {
      var tokens = tokenize(text);
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
    unique(tokenize(query)).forEach(function (token) {
      var best = {};
      var matching = Object.prototype.hasOwnProperty.call(terms, token) ? [[token, 1]] : [];
      if (token.length >= PREFIX_MIN) {
        vocabulary.forEach(function (term) {
          if (term !== token && term.lastIndexOf(token, 0) === 0) { matching.push([term, PREFIX_FACTOR]); }
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
    var wanted = phrases(query);
    return hits.filter(function (hit) {
      return hit[1] === most && wanted.every(function (p) { return holdsPhrase(index.docs[hit[0]], p); });
    }).sort(function (a, b) { return (b[2] - a[2]) || (a[0] - b[0]); });
  }

  /* No query token shares a character with the indexed terms: SearchIndex.is_foreign. */
  function isForeign(index, query) {
    var alphabet = index.alphabet || (index.alphabet = new Set(Object.keys(index.terms).join('')));
    var chars = Array.from(tokenize(query).join(''));
    return chars.length > 0 && !chars.some(function (c) { return alphabet.has(c); });
  }

  /* Does a word of the page match one of the query tokens (exactly, or as a prefix)? */
  function hits(word, queryTokens) {
    return tokenize(word).some(function (token) {
      return queryTokens.some(function (q) {
        return token === q || (q.length >= PREFIX_MIN && token.lastIndexOf(q, 0) === 0);
      });
    });
  }

  return {
    normalise: normalise, stem: stem, tokenize: tokenize, documents: documents, build: build,
    rank: rank, isForeign: isForeign, hits: hits, WORD: WORD
  };
}());
