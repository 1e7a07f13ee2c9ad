// jointlab: a little progressive enhancement; every page works without it.
"use strict";

// "Select all" boxes in the header of a table of checkboxes (the review queue).
document.querySelectorAll("[data-select-all]").forEach(function (all) {
  var table = all.closest("table");
  if (!table) return;
  var boxes = table.querySelectorAll("input[type=checkbox][name=test]");
  if (boxes.length === 0) return;
  all.hidden = false;
  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
});

// Browsers without ::details-content cannot show a closed <details> by CSS alone: open the
// menu and the list filters on wide screens (on a phone they stay folded behind their button).
if (!(window.CSS && CSS.supports && CSS.supports("selector(::details-content)"))
    && window.matchMedia && window.matchMedia("(min-width: 40.01rem)").matches) {
  document.querySelectorAll("details.menu, details.fold").forEach(function (d) { d.open = true; });
}
