/* edition.js: optional enhancements of the HTML edition. Every page works
   without it: the view switch is a pair of radio buttons styled by CSS.
   This script remembers the chosen view, supports browsers without CSS :has(),
   keeps hidden marks out of the tab order, and offers "copy" buttons.
   It never builds markup from text (no innerHTML): text stays text. */
(function () {
  "use strict";

  var STORE = "tei-edition-view";

  function remember(view) {
    try { window.localStorage.setItem(STORE, view); } catch (e) { /* storage may be off */ }
  }

  function recall() {
    try { return window.localStorage.getItem(STORE); } catch (e) { return null; }
  }

  function setupViewSwitch() {
    var section = document.querySelector(".text-section");
    if (!section) { return; }
    var radios = section.querySelectorAll('input[name="view"]');
    var marks = section.querySelectorAll(".edition-text .mark");

    function apply(view) {
      var reading = view === "reading";
      section.classList.toggle("view-reading", reading);
      section.classList.toggle("view-edition", !reading);
      // in the reading text the marks are invisible: keep them out of the tab order
      for (var i = 0; i < marks.length; i++) {
        marks[i].setAttribute("tabindex", reading ? "-1" : "0");
      }
    }

    var saved = recall();
    for (var i = 0; i < radios.length; i++) {
      if (saved && radios[i].value === saved) { radios[i].checked = true; }
      radios[i].addEventListener("change", function (event) {
        apply(event.target.value);
        remember(event.target.value);
      });
    }
    var checked = section.querySelector('input[name="view"]:checked');
    apply(checked ? checked.value : "edition");
  }

  function setupCopyButtons() {
    var blocks = document.querySelectorAll(".cite-actions");
    if (!blocks.length || !navigator.clipboard) { return; }
    for (var i = 0; i < blocks.length; i++) { blocks[i].hidden = false; }
    var buttons = document.querySelectorAll("button.copy");
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].addEventListener("click", function (event) {
        var button = event.currentTarget;
        var label = button.getAttribute("data-label") || button.textContent;
        button.setAttribute("data-label", label);
        var source = button.getAttribute("data-copy-from");
        var text = source
          ? (document.getElementById(source) || {}).textContent || ""
          : button.getAttribute("data-copy-text") || "";
        text = text.replace(/\s+/g, " ").trim();
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "Copied";
        }, function () {
          button.textContent = "Copying failed: select the text instead";
        });
        window.setTimeout(function () { button.textContent = label; }, 2500);
      });
    }
  }

  // "Report an error": name the turn the reader is at (the address's #turn-N)
  function setupReportError() {
    var link = document.querySelector("a[data-report-error]");
    if (!link) { return; }
    var base = link.getAttribute("href");
    link.addEventListener("click", function () {
      var turn = /^#turn-[\w.\-]+$/.test(window.location.hash) ? window.location.hash.slice(1) : "";
      var about = link.getAttribute("data-report-error") + (turn ? ", at " + turn : "");
      link.setAttribute("href", base.replace(/(subject|title)=[^&]*$/, "$1=" + encodeURIComponent(about)));
    });
  }

  setupViewSwitch();
  setupCopyButtons();
  setupReportError();
}());
