/* The search page: starts Pagefind's interface from the edition's own folder (?q= pre-fills it). */
(function () {
  "use strict";
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

})();
