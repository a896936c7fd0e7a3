/* Vellum's client-side search. The index (searchindex.js) is loaded by a
   <script> element before this file, so search works from file:// as well as
   from any web server. Results: objects first, then page titles, then section
   headings, then text; each with its page, its section and a snippet. */
(function () {
  "use strict";

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function containsAll(haystack, words) {
    for (var i = 0; i < words.length; i++) {
      if (haystack.indexOf(words[i]) < 0) return false;
    }
    return true;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* Wraps every occurrence of the words in <mark>, escaping the rest. */
  function highlight(text, words) {
    var lower = text.toLowerCase(), out = "", i = 0;
    while (i < text.length) {
      var best = -1, length = 0;
      for (var w = 0; w < words.length; w++) {
        var at = lower.indexOf(words[w], i);
        if (at >= 0 && (best < 0 || at < best || (at === best && words[w].length > length))) {
          best = at; length = words[w].length;
        }
      }
      if (best < 0) break;
      out += escapeHTML(text.slice(i, best)) + "<mark>" + escapeHTML(text.slice(best, best + length)) + "</mark>";
      i = best + length;
    }
    return out + escapeHTML(text.slice(i));
  }

  /* About 200 characters of `text` around the first match, cut at spaces. */
  function snippet(text, lower, words) {
    var at = -1;
    for (var w = 0; w < words.length; w++) {
      var found = lower.indexOf(words[w]);
      if (found >= 0 && (at < 0 || found < at)) at = found;
    }
    var start = Math.max(0, at - 60), end = Math.min(text.length, Math.max(at, 0) + 160);
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < at) start = space + 1; }
    if (end < text.length) { var last = text.lastIndexOf(" ", end); if (last > at) end = last; }
    return (start > 0 ? "… " : "") + highlight(text.slice(start, end), words) + (end < text.length ? " …" : "");
  }

  function Search(index) {
    this.pages = index.pages;
    this.objects = index.objects;
    this.sections = index.sections;
    this.lowerText = null;
    this.firstSection = {};
    for (var i = 0; i < this.sections.length; i++) {
      if (!(this.sections[i][0] in this.firstSection)) this.firstSection[this.sections[i][0]] = i;
    }
  }

  Search.prototype.prepare = function () {
    if (this.lowerText) return;
    this.lowerText = this.sections.map(function (s) { return s[3].toLowerCase(); });
    this.lowerHeading = this.sections.map(function (s) { return s[2].toLowerCase(); });
    this.lowerTitle = this.pages.map(function (p) { return p[0].toLowerCase(); });
    this.lowerObject = this.objects.map(function (o) { return o[0].toLowerCase(); });
  };

  /* [{score, page, anchor, section, kind, snippet}], best first. */
  Search.prototype.query = function (query) {
    var words = terms(query);
    if (words.length === 0) return [];
    this.prepare();
    var whole = words.join(" "), results = [], seen = {}, listedPages = {}, self = this;
    /* `source` is the section whose text gives the snippet (made only for results shown). */
    function add(score, page, anchor, section, kind, source) {
      var key = page + "#" + anchor;
      if (seen[key]) return;
      seen[key] = true;
      listedPages[page] = true;
      results.push({ score: score, order: results.length, page: page, anchor: anchor, section: section,
                     kind: kind, source: source });
    }
    var i, name;
    for (i = 0; i < this.objects.length; i++) {
      name = this.lowerObject[i];
      if (!containsAll(name, words)) continue;
      var last = name.slice(name.lastIndexOf(".") + 1);
      var score = name === whole || last === whole ? 100 : name.indexOf(whole) === 0 || last.indexOf(whole) === 0 ? 90 : 80;
      var object = this.objects[i];
      add(score, object[2], object[3], object[0], object[1], undefined);
    }
    for (i = 0; i < this.pages.length; i++) {
      if (containsAll(this.lowerTitle[i], words)) {
        add(this.lowerTitle[i] === whole ? 75 : 70, i, "", "", "", this.firstSection[i]);
      }
    }
    for (i = 0; i < this.sections.length; i++) {
      var s = this.sections[i];
      if (s[2] && containsAll(this.lowerHeading[i], words)) add(60, s[0], s[1], s[2], "", i);
    }
    for (i = 0; i < this.sections.length; i++) {
      if (listedPages[this.sections[i][0]] || !containsAll(this.lowerText[i], words)) continue;
      add(10, this.sections[i][0], this.sections[i][1], this.sections[i][2], "", i);
    }
    results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return results;
  };

  /* The highlighted snippet of one result. */
  Search.prototype.snippet = function (result, words) {
    var i = result.source;
    return i === undefined ? "" : snippet(this.sections[i][3], this.lowerText[i], words);
  };

  function render(search, results, words, list, root) {
    var html = "", shown = Math.min(results.length, 200);
    for (var i = 0; i < shown; i++) {
      var r = results[i], page = search.pages[r.page];
      var url = root + page[1] + (r.anchor ? "#" + r.anchor.replace(/[%#\s"<>]/g, encodeURIComponent) : "");
      html += '<li><a href="' + escapeHTML(url) + '">' + highlight(r.kind ? r.section : page[0], words) + "</a>";
      if (r.kind) html += ' <span class="search-kind">' + escapeHTML(r.kind) + "</span>";
      var context = r.kind ? page[0] : r.section && r.section !== page[0] ? page[0] + " › " + r.section : "";
      if (context) html += '<span class="search-context">' + escapeHTML(context) + "</span>";
      var text = search.snippet(r, words);
      if (text) html += '<p class="search-snippet">' + text + "</p>";
      html += "</li>";
    }
    list.innerHTML = html;
  }

  function summary(count, query) {
    if (count === 0) return "No pages match “" + query + "”.";
    return count + (count === 1 ? " result" : " results") + " for “" + query + "”" + (count > 200 ? " (the first 200 shown)." : ".");
  }

  /* Arrow keys move between the search field and the results. */
  function keyboard(input, list) {
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    function onKey(event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var all = links(), at = all.indexOf(document.activeElement);
      if (all.length === 0) return;
      event.preventDefault();
      if (event.key === "ArrowDown") {
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (at <= 0) {
        input.focus();
      } else {
        all[at - 1].focus();
      }
    }
    input.addEventListener("keydown", onKey);
    list.addEventListener("keydown", onKey);
  }

  /* searchindex.js holds the index as base64 of zlib-compressed JSON. */
  function loadIndex() {
    if (typeof vellumSearchIndexData === "undefined") return Promise.reject(new Error("no index"));
    if (typeof DecompressionStream === "undefined") return Promise.reject(new Error("this browser cannot read the index"));
    var binary = atob(vellumSearchIndexData), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }

  function start() {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var input = document.getElementById("search-page-input");
    if (!list || !status || !input) return;
    status.textContent = "Loading the search index…";
    loadIndex().then(function (index) { ready(new Search(index), list, status, input); }, function (error) {
      status.textContent = "Search is not available here: " + error.message + ".";
    });
  }

  function ready(search, list, status, input) {
    var root = document.documentElement.getAttribute("data-root") || "";
    function run(query) {
      var words = terms(query);
      if (words.length === 0) { list.innerHTML = ""; status.textContent = "Type words to search for."; return; }
      var results = search.query(query);
      render(search, results, words, list, root);
      status.textContent = summary(results.length, query.trim());
    }
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q") || "";
    input.value = query;
    document.querySelectorAll("input.search-input").forEach(function (box) { box.value = query; });
    run(query);
    input.addEventListener("input", function () {
      run(input.value);
      if (window.history && window.history.replaceState && window.location.protocol !== "file:") {
        window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      }
    });
    keyboard(input, list);
    if (!query) input.focus();
  }

  window.VellumSearch = { Search: Search, loadIndex: loadIndex };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
