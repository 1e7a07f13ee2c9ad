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
