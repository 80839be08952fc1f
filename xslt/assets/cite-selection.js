/* "Cite selection": select words inside one paragraph and a control offers the paragraph's citation
   whose link scrolls to and highlights those words (a text fragment, #p-…:~:text=…, per the URL
   Fragment Text Directives specification). The link is built as `edition cite ID --quote` builds it
   (src/edition/fragment.py): the same percent-encoding, context words only when the words stand
   earlier on the page, first and last words for a long quotation. An enhancement: without it the
   paragraph's own Cite control and permalink remain. */
(function () {
  "use strict";
  /* The page's words (data-labels on <body>, from the edition's labels file): {1}, {2} … filled in order. */
  function label(key) {
    var labels = JSON.parse(document.body.getAttribute("data-labels") || "{}"), args = arguments;
    return (labels["js." + key] || key).replace(/\{(\d+)\}/g, function (m, i) { return args[+i]; });
  }

  var LONG_QUOTE = 300, EDGE_WORDS = 5, CONTEXT_WORDS = 3;
  /* Parts of a paragraph that are not its text: margin number, cite control, note markers, speaker links. */
  var NOT_TEXT = "a.pilcrow, a.cite, a.cite-selection, sup.note-ref, a.who, span.retired-id";
  var MARKS = { "\u201c": "\"", "\u201d": "\"", "\u201e": "\"", "\u2018": "'", "\u2019": "'", "\u201a": "'" };

  function words(text) { return text.replace(/\s+/g, " ").trim(); }
  function fold(text) { return text.replace(/[\u201c\u201d\u201e\u2018\u2019\u201a]/g, function (c) { return MARKS[c]; }).toLowerCase(); }

  /* Percent-encode one term: everything but letters, digits and _.~, and '-' too (directive syntax). */
  function encodeTerm(term) {
    return encodeURIComponent(term).replace(/[!'()*\-]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  /* The text of a range, in pieces split where a part that is not text was left out. */
  function pieces(range) {
    var box = document.createElement("div");
    box.appendChild(range.cloneContents());
    Array.prototype.forEach.call(box.querySelectorAll(NOT_TEXT), function (e) {
      e.parentNode.replaceChild(document.createTextNode("\u0000"), e);
    });
    return box.textContent.split("\u0000").map(words).filter(Boolean);
  }

  function paragraphOf(node) {
    var e = node && (node.nodeType === 1 ? node : node.parentElement);
    return e && e.closest ? e.closest("p.para[id]") : null;
  }

  /* The page's text above paragraph p, read once per paragraph (the scripts change no text there), not at
     every change of the selection. */
  var above = new WeakMap();
  function textAbove(p) {
    if (!above.has(p)) {
      var page = document.createRange();
      page.setStart(document.body, 0); page.setEndBefore(p);
      above.set(p, pieces(page).join(" "));
    }
    return above.get(p);
  }

  /* The text directive for the selected range in paragraph p. */
  function directive(range, p) {
    var parts = pieces(range);
    var quoted = parts.join(" ");
    var before = document.createRange(), after = document.createRange();
    before.setStart(p, 0); before.setEnd(range.startContainer, range.startOffset);
    after.setStart(range.endContainer, range.endOffset); after.setEnd(p, p.childNodes.length);
    var textBefore = pieces(before).join(" "), textAfter = pieces(after).join(" ");
    var terms;
    if (parts.length > 1 || quoted.length > LONG_QUOTE) {
      var all = quoted.split(" ");
      var first = parts.length > 1 ? parts[0] : all.slice(0, EDGE_WORDS).join(" ");
      var last = parts.length > 1 ? parts[parts.length - 1] : all.slice(-EDGE_WORDS).join(" ");
      terms = [encodeTerm(first), encodeTerm(last)];
    } else {
      terms = [encodeTerm(quoted)];
    }
    /* Words that also stand earlier on the page (title, contents, headings, paragraphs) get context, so that the browser finds these. */
    var earlier = textAbove(p) + " " + textBefore;
    if (fold(earlier).indexOf(fold(quoted)) >= 0) {
      var pre = textBefore ? textBefore.split(" ").slice(-CONTEXT_WORDS).join(" ") : "";
      var post = textAfter ? textAfter.split(" ").slice(0, CONTEXT_WORDS).join(" ") : "";
      if (pre) terms.unshift(encodeTerm(pre) + "-");
      if (post) terms.push("-" + encodeTerm(post));
    }
    return { quoted: quoted, fragment: ":~:text=" + terms.join(",") };
  }

  /* The paragraph's citation (from its Cite control) with the link pointing at the words. absolute, copy and
     say are edition.js's (window.edition; it runs after this script, before any selection can be cited). */
  function citation(p, found) {
    var cite = p.querySelector("a.cite");
    var permalink = (cite && cite.getAttribute("data-permalink")) || "#" + p.id;
    var link = window.edition.absolute(permalink) + found.fragment;
    var text = cite ? (cite.getAttribute("data-citation") || "") : "";
    text = text ? text.split(permalink).join(link) : link;
    return { link: link, text: text + "\n\n\u201c" + found.quoted + "\u201d" };
  }

  var control = document.createElement("a");
  control.className = "cite-selection";
  control.textContent = label("cite-selection");
  control.hidden = true;  /* its look: a.cite-selection in edition.css (colours as variables) */
  var current = null;

  function hide() { control.hidden = true; current = null; }

  function update() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { hide(); return; }
    var range = selection.getRangeAt(0);
    var p = paragraphOf(range.startContainer);
    if (!p || p !== paragraphOf(range.endContainer)) { hide(); return; }
    var found = directive(range, p);
    if (!found.quoted) { hide(); return; }
    current = citation(p, found);
    control.href = current.link;
    control.setAttribute("aria-label", label("cite-words-of", (p.querySelector("a.cite .visually-hidden") || { textContent: p.id }).textContent.trim()));
    if (!control.parentNode) document.body.appendChild(control);
    var box = range.getBoundingClientRect();
    control.hidden = false;
    /* inside the screen: never past its right edge (the page must not widen) */
    var room = document.documentElement.clientWidth - control.offsetWidth - 8;
    control.style.left = (window.scrollX + Math.max(0, Math.min(box.left, room))) + "px";
    control.style.top = (window.scrollY + box.bottom + 6) + "px";
  }

  document.addEventListener("selectionchange", function () {
    clearTimeout(update.timer);
    update.timer = setTimeout(update, 120);
  });

  control.addEventListener("mousedown", function (event) { event.preventDefault(); }); /* keep the selection */
  control.addEventListener("click", function (event) {
    if (!current) return;
    event.preventDefault();
    var cited = current;
    window.edition.copy(cited.text).then(function () {
      window.edition.say(label("selection-copied"));
    }, function () {
      window.prompt(label("copy-prompt"), cited.text.replace(/\n+/g, " "));
    });
  });
})();
