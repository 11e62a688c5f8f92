// Moves keyboard and screen-reader focus to the error summary (or a refused-action message) when
// a page shows one, as GOV.UK Frontend's error summary pattern asks. A file, not inline: the
// app's Content-Security-Policy allows scripts from 'self' only.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary') || document.getElementById('refused');
  if (summary) {
    summary.focus();
  }
});
