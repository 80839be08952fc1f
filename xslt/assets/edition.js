/* The edition's one script: an enhancement, never a requirement.
   - cite controls copy the paragraph's citation (without JS they are plain permalinks);
   - the highlight switch remembers its state (the highlighting itself is CSS).
   The search page has its own script (search.js), the mentions' popovers theirs (popovers.js). */
(function () {
  "use strict";
  /* The page's words (data-labels on <body>, from the edition's labels file): {1}, {2} … filled in order. */
  function words(key) {
    var labels = JSON.parse(document.body.getAttribute("data-labels") || "{}"), args = arguments;
    return (labels["js." + key] || key).replace(/\{(\d+)\}/g, function (m, i) { return args[+i]; });
  }

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
      say(words("citation-copied", label));
    }, function () {
      window.location.hash = link.getAttribute("href");
      say(words("copy-refused"));
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

  /* Focus never under the sticky chrome (WCAG 2.4.11). edition.css keeps it clear with scroll-padding-top
     from site.css's --sticky-chrome; should that be short of what is really stuck at the top (a bar that grew,
     a font that loaded larger), this measures the stuck elements and scrolls the focused one below them. */
  function stuckBottom(except) {
    var bottom = 0, seen = [];
    var width = document.documentElement.clientWidth;
    [8, width / 2, width - 8].forEach(function (x) {
      (document.elementsFromPoint ? document.elementsFromPoint(x, 1) : []).forEach(function (e) {
        for (; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
          if (seen.indexOf(e) >= 0 || e === except || e.contains(except)) continue;
          seen.push(e);
          var position = getComputedStyle(e).position;
          if (position === "sticky" || position === "fixed") {
            var box = e.getBoundingClientRect();
            if (box.top <= 1 && box.height < window.innerHeight / 2) bottom = Math.max(bottom, box.bottom);
          }
        }
      });
    });
    return bottom;
  }
  function clearOfChrome(el) {
    var bottom = stuckBottom(el);
    if (!bottom) return;
    var top = el.getBoundingClientRect().top;
    if (top < bottom + 2) window.scrollBy(0, top - bottom - 12);
  }
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (!el || !el.getBoundingClientRect || el === document.body) return;
    requestAnimationFrame(function () { if (document.activeElement === el) clearOfChrome(el); });
  });

  /* The helpers other scripts of the edition share (cite-selection.js). */
  window.edition = { absolute: absolute, say: say, copy: copy };
})();
