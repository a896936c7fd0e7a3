/* Small conveniences for every page: "/" focuses the search box, and each
   code block gets a copy button (console prompts and output are left out). */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var target = event.target, tag = target && target.tagName;
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    var box = document.querySelector("input.search-input");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  function codeText(pre) {
    var copy = pre.cloneNode(true);
    copy.querySelectorAll(".gp, .go, .linenos").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\n$/, "");
  }

  function addCopyButtons() {
    if (!navigator.clipboard) return;
    document.querySelectorAll("div.highlight > pre").forEach(function (pre) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy this code");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(codeText(pre)).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 1500);
        });
      });
      pre.parentNode.classList.add("has-copy-button");
      pre.parentNode.insertBefore(button, pre);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addCopyButtons); else addCopyButtons();
})();
