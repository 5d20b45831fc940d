/* Valgrund offline search: works from file://, under any sub-path, without a server.
   The index files call valgrundSearch.meta/terms/docs when loaded with <script>. Every text from
   the index reaches the page through textContent, never as HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var strings = {};
  try { strings = JSON.parse(script.getAttribute("data-strings") || "{}"); } catch (e) { strings = {}; }

  var state = { meta: null, terms: {}, docs: {}, waiting: {} };

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
    meta: function (meta) { state.meta = meta; finish("meta"); },
    terms: function (prefix, terms) { state.terms[prefix] = terms; finish("t:" + prefix); },
    docs: function (number, rows) { state.docs[number] = rows; finish("d:" + number); }
  };

  function withMeta(done) { if (state.meta) { done(); } else { load("meta.js", "meta", done); } }
  function withTerms(prefixes, done) {
    var names = {};
    (state.meta ? state.meta.shards : []).forEach(function (pair) { names[pair[0]] = pair[1]; });
    var missing = prefixes.filter(function (p) { return !state.terms[p] && names[p]; });
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

  /* Every word of the query must match; the last one also as the start of a word (as you type). */
  function search(query, limit, done) {
    var raw = words(query).filter(function (w) { return w.length >= 2; });
    if (!raw.length) { done([], []); return; }
    withMeta(function () {
      var folded = raw.map(fold);
      var prefixes = folded.map(function (w) { return w.slice(0, 2); });
      withTerms(prefixes, function () {
        var total = null;
        folded.forEach(function (word, index) {
          var scores = {};
          var terms = state.terms[word.slice(0, 2)] || {};
          var last = index === folded.length - 1;
          Object.keys(terms).forEach(function (term) {
            if (term === word || (last && term.indexOf(word) === 0)) {
              var forms = terms[term];
              Object.keys(forms).forEach(function (form) {
                var list = forms[form];
                var boost = (form === raw[index] ? 2 : 1) * (term === word ? 2 : 1);
                var doc = 0;
                for (var i = 0; i < list.length; i += 2) {
                  doc += list[i];
                  scores[doc] = (scores[doc] || 0) + list[i + 1] * boost;
                }
              });
            }
          });
          if (total === null) { total = scores; return; }
          var both = {};
          Object.keys(total).forEach(function (doc) { if (scores[doc]) { both[doc] = total[doc] + scores[doc]; } });
          total = both;
        });
        var ranked = Object.keys(total || {}).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; });
        var count = ranked.length;
        ranked = ranked.slice(0, limit);
        var per = state.meta.perShard;
        withDocs(ranked.map(function (d) { return Math.floor(d / per); }), function () {
          done(ranked.map(function (d) {
            var row = state.docs[Math.floor(d / per)][d % per];
            return { url: row[0], title: row[1], kind: row[2], text: row[3] };
          }), folded, count);
        });
      });
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
      var hit = folded.some(function (w) { return match[0].indexOf(w) === 0; });
      if (!hit) { continue; }
      if (match.index > position) { fragment.appendChild(document.createTextNode(text.slice(position, match.index))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(match.index, match.index + match[0].length);
      fragment.appendChild(mark);
      position = match.index + match[0].length;
    }
    if (position < text.length) { fragment.appendChild(document.createTextNode(text.slice(position))); }
    return fragment;
  }

  function snippet(text, folded) {
    var foldedText = fold(text);
    var at = -1;
    folded.forEach(function (w) { var i = foldedText.search(new RegExp("(^|[^\\p{L}\\p{N}])" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u")); if (i >= 0 && (at < 0 || i < at)) { at = i; } });
    var start = Math.max(0, at - 60);
    if (start > 0) { var space = text.indexOf(" ", start); if (space > 0 && space < at) { start = space + 1; } }
    var piece = text.slice(start, start + 220);
    return (start > 0 ? "… " : "") + piece + (start + 220 < text.length ? " …" : "");
  }

  function render(list, results, folded, count, query) {
    list.textContent = "";
    results.forEach(function (result, index) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + result.url;
      link.className = "search-result-link";
      link.appendChild(marked(result.title, folded));
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = result.kind;
      var text = document.createElement("p");
      text.className = "search-snippet";
      text.appendChild(marked(snippet(result.text, folded), folded));
      item.appendChild(link);
      item.appendChild(kind);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  function announce(status, count, query) {
    if (!query || words(query).filter(function (w) { return w.length >= 2; }).length === 0) {
      status.textContent = query ? (strings.tooShort || "") : "";
    } else if (count === 0) {
      status.textContent = (strings.none || "").replace("{query}", query);
    } else {
      status.textContent = (count === 1 ? strings.one || "" : strings.many || "").replace("{count}", count).replace("{query}", query);
    }
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
      search(query, 8, function (results, folded, count) {
        if (ticket !== latest) { return; }
        panel.hidden = false;
        render(list, results, folded, count, query);
        announce(status, count || 0, query);
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

  /* The search page: the query from the address, all results. */
  function page(container) {
    var input = container.querySelector("input[type=search]");
    var list = container.querySelector(".search-results");
    var status = container.querySelector(".search-status");
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q") || "";
    if (input) { input.value = query; }
    if (!query) { return; }
    search(query, 50, function (results, folded, count) {
      render(list, results, folded, count, query);
      announce(status, count || 0, query);
    });
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
