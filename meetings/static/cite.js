// Copy buttons for the "Cite this record" block of a meeting page. Without this script the
// citations are plain text to select; with it, each format's heading gets a button.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy]").forEach(function (block) {
    var heading = document.getElementById(block.getAttribute("data-copy"));
    if (!heading) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the " + heading.textContent + " citation");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(block.textContent.trim()).then(
        function () { button.textContent = "Copied"; },
        function () { button.textContent = "Select the text to copy it"; }
      );
    });
    heading.appendChild(document.createTextNode(" "));
    heading.appendChild(button);
  });
})();
