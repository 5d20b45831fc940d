/* Valgrund offline search: works from file://, under any sub-path, without a server.
   The index files call valgrundSearch.meta/terms/docs/words when loaded with <script>
   (Sources/Search/SearchIndex.swift writes them; Tests/TestSupport/SearchRanking.swift ranks as
   `search` below does, for the Swift tests: keep the two in step). Every text from
   the index reaches the page through textContent, never as HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var strings = {};
  try { strings = JSON.parse(script.getAttribute("data-strings") || "{}"); } catch (e) { strings = {}; }

  var state = { meta: null, groupOf: null, terms: {}, docs: {}, words: null, waiting: {} };
  var inflections = strings.inflections || [];

  /* Must fold exactly as Sources/Search/Folding.swift does. */
  var FOLD = { "å": "a", "ä": "a", "á": "a", "à": "a", "â": "a", "ã": "a", "ö": "o", "ó": "o", "ò": "o", "ô": "o",
    "õ": "o", "ø": "o", "é": "e", "è": "e", "ê": "e", "ë": "e", "ü": "u", "ú": "u", "ù": "u", "û": "u",
    "í": "i", "ì": "i", "î": "i", "ï": "i", "ç": "c", "ñ": "n", "æ": "ae", "ß": "ss" };
  function fold(word) {
    var out = "";
    var lower = word.toLowerCase();
    for (var i = 0; i < lower.length; i++) { var c = lower.charAt(i); out += FOLD[c] !== undefined ? FOLD[c] : c; }
    return out;
  }
  function words(text) { return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []); }
  function shardName(prefix) {
    var out = "";
    for (var i = 0; i < prefix.length; i++) {
      var c = prefix.charAt(i);
      out += /[a-z0-9]/.test(c) ? c : "_" + prefix.codePointAt(i).toString(16);
    }
    return out;
  }

  function load(file, key, done) {
    if (state.waiting[key]) { state.waiting[key].push(done); return; }
    state.waiting[key] = [done];
    var tag = document.createElement("script");
    tag.src = root + "search/" + file;
    tag.async = true;
    tag.onerror = function () { finish(key); };
    document.head.appendChild(tag);
  }
  function finish(key) {
    var callbacks = state.waiting[key] || [];
    delete state.waiting[key];
    callbacks.forEach(function (callback) { callback(); });
  }
  window.valgrundSearch = {
    meta: function (meta) {
      state.meta = meta;
      /* The groups come in runs: [group, count, group, count, …] in page order. */
      state.groupOf = [];
      for (var i = 0; i < (meta.groups || []).length; i += 2) {
        for (var n = 0; n < meta.groups[i + 1]; n++) { state.groupOf.push(meta.groups[i]); }
      }
      finish("meta");
    },
    terms: function (prefix, terms) { state.terms[prefix] = terms; finish("t:" + prefix); },
    docs: function (number, rows) { state.docs[number] = rows; finish("d:" + number); },
    words: function (list) { state.words = " " + list + " "; finish("words"); }
  };

  function withMeta(done) { if (state.meta) { done(); } else { load("meta.js", "meta", done); } }
  function withWords(needed, done) { if (!needed || state.words !== null) { done(); } else { load("w.js", "words", done); } }
  function withTerms(prefixes, done) {
    var names = {};
    (state.meta ? state.meta.shards : []).forEach(function (pair) { names[pair[0]] = pair[1]; });
    var missing = prefixes.filter(function (p, i) { return prefixes.indexOf(p) === i && !state.terms[p] && names[p]; });
    var left = missing.length;
    if (!left) { done(); return; }
    missing.forEach(function (p) { load("t-" + names[p] + ".js", "t:" + p, function () { if (--left === 0) { done(); } }); });
  }
  function withDocs(numbers, done) {
    var missing = numbers.filter(function (n, i) { return numbers.indexOf(n) === i && !state.docs[n]; });
    var left = missing.length;
    if (!left) { done(); return; }
    missing.forEach(function (n) { load("d-" + n + ".js", "d:" + n, function () { if (--left === 0) { done(); } }); });
  }

  /* How a term matches a query word (folded): 4 the same word or it with an ending of the language
     ("stämpeln" for "stämpel"), 2 a longer word starting with it (only the last word of the query,
     which is still being typed), 0 no match. */
  function sameWord(rest) { return rest === "" || inflections.indexOf(rest) >= 0; }
  function matchClass(term, word, last) {
    if (term.indexOf(word) !== 0) { return 0; }
    if (sameWord(term.slice(word.length))) { return 4; }
    return last ? 2 : 0;
  }
  var COMPOUND_PART = 4, COMPOUND_START = 3, COMPOUND_LIMIT = 200;
  /* Compounds that hold the word after a first part of at least three letters ("sjukfrånvaro" for
     "frånvaro"): 2 when it ends the compound (with an ending or not), 1 inside it (last word only). */
  function compounds(word, last) {
    var found = [];
    if (word.length < COMPOUND_PART || state.words === null) { return found; }
    var at = state.words.indexOf(word);
    while (at >= 0 && found.length < COMPOUND_LIMIT) {
      var start = state.words.lastIndexOf(" ", at) + 1;
      var end = state.words.indexOf(" ", at);
      if (at - start >= COMPOUND_START) {
        var term = state.words.slice(start, end);
        var weight = sameWord(state.words.slice(at + word.length, end)) ? 2 : (last ? 1 : 0);
        if (weight && (!found.length || found[found.length - 1].term !== term)) { found.push({ term: term, weight: weight }); }
      }
      at = state.words.indexOf(word, at + 1);
    }
    return found;
  }

  /* Every word of the query must match. A page's score for a word sums, over the terms that match
     it, the term's score on the page times how well it matches, times 1.5 for a form written with
     the letters typed ("får" over "far"). Results: every matching page, best first. */
  function search(query, done) {
    var raw = words(query).filter(function (w) { return w.length >= 2; });
    if (!raw.length) { done([], []); return; }
    withMeta(function () {
      var folded = raw.map(fold);
      withWords(folded.some(function (w) { return w.length >= COMPOUND_PART; }), function () {
        var parts = folded.map(function (word, index) { return compounds(word, index === folded.length - 1); });
        var prefixes = folded.map(function (w) { return w.slice(0, 2); });
        parts.forEach(function (list) { list.forEach(function (part) { prefixes.push(part.term.slice(0, 2)); }); });
        withTerms(prefixes, function () {
          var total = null;
          folded.forEach(function (word, index) {
            var scores = {};
            var last = index === folded.length - 1;
            function add(forms, boost) {
              Object.keys(forms).forEach(function (form) {
                var list = forms[form];
                var weight = boost * (form.indexOf(raw[index]) >= 0 ? 1.5 : 1);
                var doc = 0;
                for (var i = 0; i < list.length; i += 2) {
                  doc += list[i];
                  scores[doc] = (scores[doc] || 0) + list[i + 1] * weight;
                }
              });
            }
            var terms = state.terms[word.slice(0, 2)] || {};
            Object.keys(terms).forEach(function (term) {
              var boost = matchClass(term, word, last);
              if (boost) { add(terms[term], boost); }
            });
            parts[index].forEach(function (part) {
              var forms = (state.terms[part.term.slice(0, 2)] || {})[part.term];
              if (forms) { add(forms, part.weight); }
            });
            if (total === null) { total = scores; return; }
            var both = {};
            Object.keys(total).forEach(function (doc) { if (scores[doc]) { both[doc] = total[doc] + scores[doc]; } });
            total = both;
          });
          var ranked = Object.keys(total || {}).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; });
          done(ranked, folded);
        });
      });
    });
  }

  /* The results of `ranked` (page numbers) to show: at most `limit`, of `group` (all when ""). */
  function show(ranked, group, limit, done) {
    var chosen = ranked.filter(function (d) { return !group || state.groupOf[d] === group; }).slice(0, limit);
    var per = state.meta.perShard;
    withDocs(chosen.map(function (d) { return Math.floor(d / per); }), function () {
      done(chosen.map(function (d) {
        var row = state.docs[Math.floor(d / per)][d % per];
        return { url: row[0], title: row[1], kind: row[2], group: row[3], text: row[4] };
      }));
    });
  }

  /* Whether a word of the text (folded) is one the query found: it starts with a query word, or
     holds one as a compound's part. */
  function hits(token, folded) {
    return folded.some(function (w) {
      var at = token.indexOf(w);
      return at === 0 || (at >= COMPOUND_START && w.length >= COMPOUND_PART);
    });
  }

  /* Text with the query's words marked, built from text nodes only. */
  function marked(text, folded) {
    var fragment = document.createDocumentFragment();
    var foldedText = fold(text);
    var position = 0;
    var pattern = /[\p{L}\p{N}]+/gu;
    var match;
    while ((match = pattern.exec(foldedText)) !== null) {
      if (!hits(match[0], folded)) { continue; }
      if (match.index > position) { fragment.appendChild(document.createTextNode(text.slice(position, match.index))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(match.index, match.index + match[0].length);
      fragment.appendChild(mark);
      position = match.index + match[0].length;
    }
    if (position < text.length) { fragment.appendChild(document.createTextNode(text.slice(position))); }
    return fragment;
  }

  /* About 220 characters of the page's prose around its first word the query found, or its start. */
  function snippet(text, folded) {
    var foldedText = fold(text);
    var pattern = /[\p{L}\p{N}]+/gu;
    var match, at = -1;
    while ((match = pattern.exec(foldedText)) !== null) {
      if (hits(match[0], folded)) { at = match.index; break; }
    }
    var start = Math.max(0, at - 60);
    if (start > 0) { var space = text.indexOf(" ", start); if (space > 0 && space < at) { start = space + 1; } }
    var piece = text.slice(start, start + 220);
    return (start > 0 ? "… " : "") + piece + (start + 220 < text.length ? " …" : "");
  }

  function render(list, results, folded) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + result.url;
      link.className = "search-result-link";
      link.appendChild(marked(result.title, folded));
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = result.kind;
      item.appendChild(link);
      item.appendChild(kind);
      if (result.text) {
        var text = document.createElement("p");
        text.className = "search-snippet";
        text.appendChild(marked(snippet(result.text, folded), folded));
        item.appendChild(text);
      }
      list.appendChild(item);
    });
  }

  function fill(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, key) { return values[key] !== undefined ? values[key] : all; });
  }

  /* The result count, said by the status line (a live region); `shown` when a filter narrows it. */
  function announce(status, count, query, shown) {
    if (!query || words(query).filter(function (w) { return w.length >= 2; }).length === 0) {
      status.textContent = query ? (strings.tooShort || "") : "";
      return;
    }
    var text = count === 0 ? fill(strings.none, { query: query })
      : fill(count === 1 ? strings.one : strings.many, { count: count, query: query });
    if (shown && count > 0) { text += " " + fill(strings.shown, shown); }
    status.textContent = text;
  }

  /* The box in every page's header: results appear under it as you type. */
  function enhance(form) {
    var input = form.querySelector("input[type=search]");
    var panel = document.getElementById("vg-search-panel");
    var list = document.getElementById("vg-search-list");
    var status = document.getElementById("vg-search-status");
    if (!input || !panel || !list || !status) { return; }
    var timer = null;
    var latest = 0;
    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      if (!query) { panel.hidden = true; list.textContent = ""; status.textContent = ""; return; }
      search(query, function (ranked, folded) {
        if (ticket !== latest) { return; }
        if (!ranked.length) { panel.hidden = false; list.textContent = ""; announce(status, 0, query); return; }
        show(ranked, "", 8, function (results) {
          if (ticket !== latest) { return; }
          panel.hidden = false;
          render(list, results, folded);
          announce(status, ranked.length, query);
        });
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("focus", function () { withMeta(function () {}); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      } else if (event.key === "Escape") {
        panel.hidden = true;
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var index = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && index < links.length - 1) { event.preventDefault(); links[index + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? links[index - 1] : input).focus(); }
      if (event.key === "Escape") { panel.hidden = true; input.focus(); }
    });
  }

  /* The search page: the query (and the part of the site) from the address, results as you type,
     narrowed by the radio buttons, each labelled with how many results it has. */
  function page(container) {
    var form = container.querySelector("form.search-form");
    var input = container.querySelector("input[type=search]");
    var list = container.querySelector(".search-results");
    var status = container.querySelector(".search-status");
    var filter = container.querySelector(".search-filter");
    var radios = filter ? Array.prototype.slice.call(filter.querySelectorAll("input[type=radio]")) : [];
    var params = new URLSearchParams(window.location.search);
    var current = { ranked: [], folded: [], query: "" };
    var timer = null;
    var latest = 0;
    if (input) { input.value = params.get("q") || ""; }
    radios.forEach(function (radio) { radio.checked = radio.value === (params.get("kind") || ""); });
    if (radios.length && !radios.some(function (radio) { return radio.checked; })) { radios[0].checked = true; }

    function chosen() {
      var radio = radios.filter(function (r) { return r.checked; })[0];
      return radio ? radio.value : "";
    }
    function remember() {
      var query = input.value.trim();
      var search = (query ? "?q=" + encodeURIComponent(query) : "") + (query && chosen() ? "&kind=" + encodeURIComponent(chosen()) : "");
      /* Keeps the address shareable; browsers that refuse it for file:// leave it as it was. */
      try { window.history.replaceState(null, "", window.location.pathname + search); } catch (e) { /* the address stays */ }
    }
    function counts() {
      radios.forEach(function (radio) {
        var count = radio.value ? current.ranked.filter(function (d) { return state.groupOf[d] === radio.value; }).length : current.ranked.length;
        var label = radio.parentNode.querySelector(".count");
        if (label) { label.textContent = current.query ? "(" + count + ")" : ""; }
      });
    }
    function display() {
      var ticket = latest;
      var group = chosen();
      counts();
      if (!current.ranked.length) { list.textContent = ""; announce(status, 0, current.query); return; }
      show(current.ranked, group, 50, function (results) {
        if (ticket !== latest) { return; }
        render(list, results, current.folded);
        var radio = radios.filter(function (r) { return r.checked; })[0];
        var name = radio ? radio.parentNode.textContent.replace(/\(\d+\)/, "").trim() : "";
        var inGroup = group ? current.ranked.filter(function (d) { return state.groupOf[d] === group; }).length : 0;
        announce(status, current.ranked.length, current.query, group ? { count: inGroup, group: name } : null);
      });
    }
    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      remember();
      if (!query) {
        current = { ranked: [], folded: [], query: "" };
        list.textContent = ""; status.textContent = ""; counts();
        return;
      }
      search(query, function (ranked, folded) {
        if (ticket !== latest) { return; }
        current = { ranked: ranked, folded: folded, query: query };
        display();
      });
    }
    if (filter) {
      filter.hidden = false;
      radios.forEach(function (radio) { radio.addEventListener("change", function () { latest++; remember(); display(); }); });
    }
    if (input) {
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    }
    if (form) {
      form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
    }
    if (input && input.value.trim()) { run(); }
  }

  function start() {
    var form = document.querySelector("form.site-search");
    if (form) { enhance(form); }
    var container = document.querySelector(".search-page");
    if (container) { page(container); }
    document.documentElement.classList.add("js-search");
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
