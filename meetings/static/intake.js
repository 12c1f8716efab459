/* The review of an article in the admin: on a page with errors, open the meeting of the first
   one, bring it into view and put the cursor in it; the list of errors at the top does the
   same for each. Without this script the list's links still lead to the fields, and the
   meetings with errors are open already. */
(function () {
  "use strict";

  function focusable(target) {
    // An autocomplete is a hidden <select> followed by select2's box, which takes the focus.
    var next = target.nextElementSibling;
    if (target.tagName === "SELECT" && next && next.classList.contains("select2")) {
      return next.querySelector(".select2-selection") || target;
    }
    if (target.matches("input, select, textarea, button, a[href], [tabindex]")) {
      return target;
    }
    return target.querySelector("input, select, textarea") || target;
  }

  function reveal(target) {
    for (var el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") {
        el.open = true;
      }
    }
    var row = target.closest(".intake-field, tr, .form-row, .proposal-body") || target;
    row.scrollIntoView({ block: "center" });
    var field = focusable(target);
    if (field.hasAttribute("tabindex") || field.matches("input, select, textarea, button, a[href], .select2-selection")) {
      field.focus({ preventScroll: true });
    }
  }

  function targetOf(link) {
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    return id ? document.getElementById(id) : null;
  }

  window.addEventListener("load", function () {
    var list = document.getElementById("intake-errors");
    if (!list) {
      return;
    }
    list.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var target = link && targetOf(link);
      if (target) {
        event.preventDefault();
        history.replaceState(null, "", link.getAttribute("href"));
        reveal(target);
      }
    });
    var first = list.querySelector("a[href^='#']");
    var target = first && targetOf(first);
    if (target && !window.location.hash) {
      reveal(target);
    }
  });
})();
