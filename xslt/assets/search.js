/* The search page: one box (the page's own form; the header's is hidden here), results from Pagefind's
   JavaScript API. Each part of the edition has an index of its own (the page's filter boxes name them, in
   order: the text first); the first is opened and the others merged into it, each with its part as a filter,
   so that every part is searched on its own, in that order, each ranked by Pagefind; a record in two parts (a
   speaker, who is also a register entry) is listed once. The filters narrow the list to parts.
   ?q=… (from any page's header form) fills the box and runs the search; ?part=… keeps the filters. */
(function () {
  "use strict";
  /* The page's words (data-labels on <body>, from the edition's labels file): {1}, {2} … filled in order. */
  function label(key) {
    var labels = JSON.parse(document.body.getAttribute("data-labels") || "{}"), args = arguments;
    return (labels["js." + key] || key).replace(/\{(\d+)\}/g, function (m, i) { return args[+i]; });
  }
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var filters = document.getElementById("search-filters");
  if (!form || !input || !list || !status) return;

  /* The parts, in the order results are listed, and their indexes (the page lists them). */
  var boxes = filters ? Array.prototype.slice.call(filters.querySelectorAll("input[name=part]")) : [];
  var PARTS = boxes.map(function (b) { return b.value; });
  /* The reading text's part (by its name, not its label, which is in the edition's language). */
  var TEXT_PART = boxes.filter(function (b) { return b.getAttribute("data-part") === filters.getAttribute("data-text-part"); }).map(function (b) { return b.value; })[0];
  if (!PARTS.length) return;
  var PAGE = 20;
  /* Ranking: a paragraph's "introduces" (the names of the entries the text introduces there) counts like a
     title, so that the paragraph that introduces a term ranks first for it; paragraphs are long and entries
     short, so length counts for less than Pagefind's default. */
  var RANKING = { pageLength: 0.3, metaWeights: { title: 5.0, introduces: 6.0 } };

  var params = new URLSearchParams(window.location.search);
  var chosen = params.getAll("part").filter(function (p) { return PARTS.indexOf(p) >= 0; });
  boxes.forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
  input.value = params.get("q") || "";

  var pagefind = null;
  var results = [];      /* [{result, part}] in listing order */
  var shown = 0;
  var run = 0;           /* the latest search; an older one that finishes later is dropped */
  var counts = {};

  function say(text) { status.textContent = text; }

  if (window.location.protocol === "file:") {
    say(label("search-needs-http"));
    return;
  }

  function indexUrl(box) { return new URL(box.getAttribute("data-index"), document.baseURI).href; }
  var baseUrl = new URL(".", window.location.href).pathname;
  var ready = import(indexUrl(boxes[0]) + "pagefind.js").then(function (module) {
    return module.options({ baseUrl: baseUrl, ranking: RANKING, mergeFilter: { part: PARTS[0] } })
      .then(function () { return module.init(); })
      /* A part without records has no index: it is left out. */
      .then(function () {
        return Promise.all(boxes.slice(1).map(function (box) {
          return module.mergeIndex(indexUrl(box), { baseUrl: baseUrl, ranking: RANKING, mergeFilter: { part: box.value } })
            .catch(function () { return null; });
        }));
      })
      .then(function () { return module.filters(); })
      .then(function () { pagefind = module; return module; });
  }).catch(function () {
    say(label("no-index"));
    return null;
  });

  function keepInAddress(query) {
    var next = new URLSearchParams();
    if (query) next.set("q", query);
    chosen.forEach(function (p) { next.append("part", p); });
    var search = next.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function slug(text) { return text.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, ""); }

  /* The filters: one checkbox per part, made once (so that focus stays where it is), their counts updated
     with every search; none checked shows every part. */
  function drawFilters() {
    if (!filters) return;
    boxes.forEach(function (box) {
      var part = box.value;
      box.parentNode.querySelector(".count").textContent = "(" + (counts[part] || 0) + ")";
      box.disabled = !counts[part] && !box.checked;
    });
    filters.hidden = false;
  }

  /* One result: where it is (part and section), its title (¶ n for a paragraph), Pagefind's excerpt. */
  function draw(item, data) {
    var li = element("li", "result part-" + slug(item.part));
    var where = element("p", "result-where");
    var section = (data.meta && data.meta.section) || "";
    if (section === item.part) section = "";
    where.appendChild(element("span", "result-part", item.part));
    if (section) {
      where.appendChild(document.createTextNode(" · "));
      where.appendChild(element("span", "result-section", section));
    }
    var title = element("h2", "result-title");
    var link = element("a", "result-link", (data.meta && data.meta.title) || data.url);
    link.href = data.url;
    title.appendChild(link);
    li.appendChild(where);
    li.appendChild(title);
    var excerpt = element("p", "result-excerpt");
    excerpt.innerHTML = data.excerpt;  /* Pagefind escapes the text before it adds <mark> */
    li.appendChild(excerpt);
    if (data.meta && data.meta.voices) {
      var also = element("p", "result-also");
      var voices = element("a", "", label("quotations-in-voices"));
      voices.href = data.meta.voices;
      also.appendChild(voices);
      li.appendChild(also);
    }
    return li;
  }

  function showMore(focus) {
    var mine = run;
    var slice = results.slice(shown, shown + PAGE);
    shown += slice.length;
    return Promise.all(slice.map(function (item) { return item.result.data(); })).then(function (datas) {
      if (mine !== run) return;
      var first = null;
      datas.forEach(function (data, i) {
        var li = draw(slice[i], data);
        list.appendChild(li);
        first = first || li.querySelector("a");
      });
      if (more) more.hidden = shown >= results.length;
      if (focus && first) first.focus();
    });
  }

  function search(query) {
    var mine = ++run;
    query = query.trim();
    keepInAddress(query);
    if (!query) {
      results = []; shown = 0; list.textContent = ""; say("");
      if (more) more.hidden = true;
      if (filters) filters.hidden = true;
      return Promise.resolve();
    }
    return ready.then(function (pf) {
      if (!pf || mine !== run) return null;
      return pf.search(query).then(function (all) {
        counts = (all.filters && all.filters.part) || {};
        var parts = PARTS.filter(function (p) { return !chosen.length || chosen.indexOf(p) >= 0; });
        return Promise.all(parts.map(function (part) {
          return pf.search(query, { filters: { part: part } }).then(function (found) {
            return found.results.map(function (r) { return { result: r, part: part }; });
          });
        }));
      });
    }).then(function (byPart) {
      if (!byPart || mine !== run) return;
      var seen = {};
      results = [];
      byPart.forEach(function (items) {
        items.forEach(function (item) {  /* a record in two parts' indexes has the same id (its fragment's hash) */
          if (!seen[item.result.id]) { seen[item.result.id] = true; results.push(item); }
        });
      });
      shown = 0;
      list.textContent = "";
      drawFilters();
      var inEssay = results.filter(function (r) { return r.part === TEXT_PART; }).length;
      say(results.length ? label(results.length === 1 ? "result" : "results", results.length, query) +
          (inEssay ? label("in-text-first", inEssay) : ".") :
          label("no-results", query) + (chosen.length ? " " + label("in-parts", chosen.join(", ")) : "") + ".");
      return showMore(false);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { search(input.value); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search(input.value);
  });
  /* A filter checked or unchecked (one listener for every box) */
  if (filters) filters.addEventListener("change", function () {
    chosen = Array.prototype.slice.call(filters.querySelectorAll("input:checked")).map(function (b) { return b.value; });
    search(input.value);
  });
  if (more) more.addEventListener("click", function () { showMore(true); });
  if (input.value) search(input.value);
  else input.focus();
})();
