/* Mentions, speakers, values, corrections and note numbers as disclosure popovers: every element with a
   data-tip, alike on every page. An enhancement: without it CSS shows the tips (popovers.css).
   - hover (a mouse), keyboard focus and a first tap open the element's popover; a second tap on it follows
     its link; a mouse click follows it at once;
   - Escape closes it (focus stays where it was), so does a tap or click anywhere else, and leaving it with
     the mouse (the popover itself can be hovered: its text can be read and its link taken, WCAG 1.4.13);
   - the popover stays inside the screen (flipped above the element near the bottom, pushed left near the
     right edge): it never widens the page;
   - a mention that holds other mentions is a span with data-href (links cannot nest): Enter, a click or the
     popover's link opens its entry; the mentions inside it have popovers of their own. */
(function () {
  "use strict";
  /* The page's words (data-labels on <body>, from the edition's labels file): {1}, {2} … filled in order. */
  function label(key) {
    var labels = JSON.parse(document.body.getAttribute("data-labels") || "{}"), args = arguments;
    return (labels["js." + key] || key).replace(/\{(\d+)\}/g, function (m, i) { return args[+i]; });
  }

  var MARGIN = 8, GAP = 6;
  var root = document.documentElement;
  root.classList.add("js-popovers");

  var pop = document.createElement("div");
  pop.className = "popover";
  pop.id = "edition-popover";
  pop.hidden = true;
  var text = document.createElement("span");
  text.className = "popover-text";
  var link = document.createElement("a");
  link.className = "popover-link";
  pop.appendChild(text);
  pop.appendChild(document.createElement("br"));
  pop.appendChild(link);
  document.body.appendChild(pop);

  var current = null;       /* the element whose popover is open */
  var dismissed = null;     /* the element whose popover Escape closed (hover does not reopen it at once) */
  var closeTimer = 0;
  var lastPointer = { type: "", time: 0 };

  function tipOf(target) {
    var e = target && (target.nodeType === 1 ? target : target.parentElement);
    return e && e.closest ? e.closest("[data-tip]") : null;
  }

  function destination(el) {
    return el.getAttribute("data-href") || (el.tagName === "A" ? el.getAttribute("href") : "");
  }

  /* What the popover's link says, by what the element is. */
  function linkLabel(el, href) {
    if (el.matches(".note-ref a, .note-ref")) return label("read-note");
    if (el.matches("a.intervention")) return label("see-correction");
    if (href.charAt(0) === "#") return label("go-there");
    return label("open-entry");
  }

  function place(el) {
    var rects = el.getClientRects();
    var box = rects.length ? rects[0] : el.getBoundingClientRect();
    var width = root.clientWidth, height = window.innerHeight;
    pop.style.left = "0px";
    pop.style.top = "0px";
    pop.style.maxWidth = "min(24rem, " + Math.max(0, width - 2 * MARGIN) + "px)";
    var w = pop.offsetWidth, h = pop.offsetHeight;
    var left = Math.max(MARGIN, Math.min(box.left, width - w - MARGIN));
    var top = box.bottom + GAP;
    if (top + h > height - MARGIN && box.top - GAP - h >= MARGIN) top = box.top - GAP - h;
    pop.style.left = Math.round(left) + "px";
    pop.style.top = Math.round(top) + "px";
  }

  function open(el, how) {
    clearTimeout(closeTimer);
    if (current === el && !pop.hidden) { if (how === "touch") { showLink(el, how); place(el); } return; }
    if (current) current.removeAttribute("aria-describedby");
    current = el;
    dismissed = null;
    text.textContent = el.getAttribute("data-tip");
    showLink(el, how);
    pop.hidden = false;
    el.setAttribute("aria-describedby", pop.id);
    place(el);
  }

  /* The popover offers the element's link where a click would not take it: a span with data-href, or a tap. */
  function showLink(el, how) {
    var href = destination(el);
    if (href && (el.hasAttribute("data-href") || how === "touch")) {
      link.href = href;
      link.textContent = linkLabel(el, href) + " \u203a";
      link.hidden = false;
    } else {
      link.hidden = true;
      link.removeAttribute("href");
    }
  }

  function close() {
    clearTimeout(closeTimer);
    if (!current) return;
    current.removeAttribute("aria-describedby");
    current = null;
    pop.hidden = true;
  }

  function closeSoon() {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(function () {
      if (current && document.activeElement === current) return;  /* keyboard focus keeps it open */
      close();
    }, 250);
  }

  function follow(el) {
    var href = el.getAttribute("data-href");
    if (href) window.location.href = href;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = { type: event.pointerType, time: Date.now() };
  }, true);

  /* Mouse hover */
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    if (pop.contains(event.target)) { clearTimeout(closeTimer); return; }
    var el = tipOf(event.target);
    if (!el) { if (current) closeSoon(); return; }
    if (el === dismissed) return;
    open(el, "hover");
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || !current) return;
    var to = event.relatedTarget;
    if (to && (pop.contains(to) || tipOf(to) === current)) return;
    if (tipOf(event.target) === dismissed && tipOf(to) !== dismissed) dismissed = null;
    closeSoon();
  });

  /* Keyboard focus */
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (pop.contains(el)) { clearTimeout(closeTimer); return; }
    if (el.hasAttribute && el.hasAttribute("data-tip")) {
      if (Date.now() - lastPointer.time < 800 && lastPointer.type !== "mouse") return;  /* a tap: the click decides */
      open(el, "focus");
    } else if (current) {
      close();
    }
  });
  document.addEventListener("focusout", function (event) {
    if (!current || event.target !== current) return;
    var to = event.relatedTarget;
    if (to && pop.contains(to)) return;
    close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      if (current) {
        dismissed = current;
        if (pop.contains(document.activeElement)) current.focus();
        close();
        event.preventDefault();
      }
    } else if (event.key === "Enter" && event.target.hasAttribute && event.target.hasAttribute("data-href")) {
      event.preventDefault();
      follow(event.target);
    }
  });

  /* Taps and clicks */
  document.addEventListener("click", function (event) {
    if (pop.contains(event.target)) {
      if (event.target.closest("a[href]")) close();  /* its link is taken */
      return;
    }
    var el = tipOf(event.target);
    if (!el) { close(); return; }
    var type = event.pointerType || (Date.now() - lastPointer.time < 800 ? lastPointer.type : "");
    var touch = type === "touch" || type === "pen";
    var isLink = el.tagName === "A" && el.hasAttribute("href");
    if (touch && (current !== el || pop.hidden)) {
      /* First tap: show what it is; a second tap follows. */
      event.preventDefault();
      open(el, "touch");
      return;
    }
    if (el.hasAttribute("data-href")) { event.preventDefault(); follow(el); return; }
    if (!isLink && !touch) {
      /* A click on a value or correction: toggle its popover. */
      if (current === el && !pop.hidden) close(); else open(el, "click");
    }
  });

  function reposition() { if (current && !pop.hidden) place(current); }
  window.addEventListener("scroll", reposition, { passive: true });
  window.addEventListener("resize", reposition);
})();
