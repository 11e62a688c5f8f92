// Moves keyboard and screen-reader focus to the error summary when a page shows one (GOV.UK
// pattern), so a person learns at once that the form needs attention. A file, not inline: the
// app's Content-Security-Policy allows scripts from 'self' only.
(function () {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
})();
