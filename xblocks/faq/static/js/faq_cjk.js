/* FAQ search for a language written without spaces between words (search.py's UNSPACED:
   Chinese); views.py sends it to such pages only, after faq_search.js. A Chinese clause
   is one "word" between spaces, so here the index also holds each CJK character (a
   one-character query finds it inside words: index_terms), a hit is marked by the
   characters its bigrams and characters cover, and a snippet is cut at any CJK character. */
(function (search) {
  'use strict';
  var HAN = new RegExp('[' + search.CJK + ']', 'g');
  var ONE_HAN = new RegExp('^[' + search.CJK + ']$');
  var build = search.build;
  var wordSpans = search.spans;
  var spaceCut = search.cut;

  /* Each CJK character as a space: the other words keep their places. */
  function blank(text) { return text.replace(HAN, ' '); }

  function indexTerms(text, lang) {
    return search.tokenize(text, lang).concat(search.normalise(text).match(HAN) || []);
  }

  search.build = function (docs, lang) { return build(docs, lang, indexTerms); };

  /* The words faq_search.js marks, and each CJK character that a query character or bigram
     covers; touching spans are one (a hit of three characters is one <mark>). */
  search.spans = function (text, tokens, lang) {
    var marked = new Array(text.length).fill(false);
    function holds(start, end) {
      return start >= 0 && tokens.indexOf(search.normalise(text.slice(start, end))) >= 0;
    }
    wordSpans(blank(text), tokens, lang).forEach(function (span) { marked.fill(true, span[0], span[1]); });
    for (var at = 0; at < text.length; at += 1) {
      if (ONE_HAN.test(text[at]) && (holds(at, at + 1) || holds(at - 1, at + 1) || holds(at, at + 2))) {
        marked[at] = true;
      }
    }
    return marked.reduce(function (found, on, at) {
      var last = found[found.length - 1];
      if (on && last && last[1] === at) {
        last[1] = at + 1;
      } else if (on) {
        found.push([at, at + 1]);
      }
      return found;
    }, []);
  };

  /* A snippet is cut at a space or at a CJK character, the edge of a Chinese word. */
  search.cut = function (text, at, after) { return spaceCut(blank(text), at, after); };
}(window.SeminarFaqBlock.search));
