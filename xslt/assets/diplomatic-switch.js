// The reading view's switch to the witness's forms: toggles the class diplomatic-view on the text (see
// versions.css), which shows each correction's witness form (data-witness) instead of the editors' reading.
// Without JavaScript the button stays hidden and the link to the published diplomatic text remains.
(function () {
  "use strict";
  var button = document.querySelector("[data-diplomatic-switch]");
  var article = document.querySelector("article.edition");
  if (!button || !article) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var on = article.classList.toggle("diplomatic-view");
    button.setAttribute("aria-pressed", on ? "true" : "false");
  });
})();
