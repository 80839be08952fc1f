/* The edition's one script: an enhancement, never a requirement.
   - cite controls copy the paragraph's citation (without JS they are plain permalinks);
   - the highlight switch remembers its state (the highlighting itself is CSS);
   - the search page starts Pagefind's interface from the edition's own folder (?q= pre-fills it). */
(function () {
  "use strict";

  function say(message) {
    var status = document.querySelector(".status");
    if (!status) return;
    status.textContent = message;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  function absolute(href) {
    try { return new URL(href, window.location.href).href; } catch (e) { return href; }
  }

  /* The citation with its permalink made absolute (the build may not know the edition's URL). */
  function citationOf(link) {
    var text = link.getAttribute("data-citation") || "";
    var permalink = link.getAttribute("data-permalink") || link.getAttribute("href");
    if (permalink && !/^[a-z]+:/i.test(permalink)) {
      text = text.split(permalink).join(absolute(permalink));
    }
    return text;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed"; area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.cite[data-citation]");
    if (!link) return;
    event.preventDefault();
    var text = citationOf(link);
    var label = link.textContent.replace(/^Cite\s*/, "");
    copy(text).then(function () {
      link.classList.add("copied");
      say("Citation of " + label + " copied");
    }, function () {
      window.location.hash = link.getAttribute("href");
      say("Copying is not allowed here: the address bar holds the permalink");
    });
  });

  /* Highlight switch */
  var KEY = "weil-edition-highlight";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".highlight-switch input[type=checkbox]"));
  function apply() {
    var on = [];
    boxes.forEach(function (box) {
      document.body.classList.toggle("hl-" + box.value, box.checked);
      if (box.checked) on.push(box.value);
    });
    try { localStorage.setItem(KEY, on.join(" ")); } catch (e) { /* storage may be off */ }
  }
  if (boxes.length) {
    var saved = "";
    try { saved = localStorage.getItem(KEY) || ""; } catch (e) { saved = ""; }
    var wanted = saved.split(" ");
    boxes.forEach(function (box) {
      if (wanted.indexOf(box.value) >= 0) box.checked = true;
      box.addEventListener("change", apply);
    });
    apply();
  }

  /* Search page */
  var results = document.getElementById("search");
  if (results) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var field = document.getElementById("site-search");
    if (field) field.value = query;
    if (window.location.protocol === "file:") {
      results.innerHTML = "<p>Search needs the edition to be served over HTTP, e.g. with <code>edition serve</code>. " +
        "Opened from the file system, use the contents and the indexes.</p>";
    } else if (typeof window.PagefindUI === "function") {
      var ui = new window.PagefindUI({ element: "#search", showSubResults: false, showImages: false,
        resetStyles: false, autofocus: !query, showEmptyFilters: false,
        /* paragraphs are long, index entries short: do not let length decide the order */
        ranking: { pageLength: 0.1 },
        baseUrl: new URL(".", window.location.href).pathname });
      /* Pagefind's field has only a placeholder: give it a visible label. */
      var input = results.querySelector("input[type=text], input[type=search]");
      if (input) {
        input.id = input.id || "pagefind-search";
        var label = document.createElement("label");
        label.setAttribute("for", input.id);
        label.textContent = "Search terms";
        input.parentNode.insertBefore(label, input);
      }
      if (query) ui.triggerSearch(query);
    } else {
      results.innerHTML = "<p>The search index has not been built (run <code>edition build</code>).</p>";
    }
  }

  /* The helpers other scripts of the edition share (cite-selection.js). */
  window.edition = { absolute: absolute, say: say, copy: copy };
})();
