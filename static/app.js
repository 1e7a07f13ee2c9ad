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

// The menu and the list filters fold behind a <details> button on a phone. On a wide screen
// CSS shows their content even when closed (::details-content); opening them here as well
// keeps them open for browsers without that selector and for assistive technology. Going
// back to a narrow window folds the menu again; the filters keep their state.
(function () {
  var folds = document.querySelectorAll("details.menu, details.fold");
  if (folds.length === 0 || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 40.01rem)");
  var apply = function () {
    folds.forEach(function (d) {
      if (wide.matches) d.open = true;
      else if (d.classList.contains("menu")) d.open = false;
    });
  };
  if (wide.matches) apply();
  if (wide.addEventListener) wide.addEventListener("change", apply);
})();
