// 销号公示: print the notice (the form and the page frame are hidden by the print style sheet).
(function () {
  var button = document.getElementById('print-notice');
  if (button) button.addEventListener('click', function () { window.print(); });
})();
