// jointlab label sheet: a Print button where scripts run; the page says how to print without it.
"use strict";

document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
