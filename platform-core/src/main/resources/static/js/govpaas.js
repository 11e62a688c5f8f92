// GOV.UK Frontend components need the support class on <body> before initialisation; CSP forbids
// inline scripts, hence this file.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Live parts: each element with an id and a data-live-url is re-fetched every 2 s and its content
// swapped in place, so state changes, new events and an app's new output lines appear without a
// reload (no inline script: CSP forbids it). The console answers a script only with the page's
// CSRF token (apps share this origin). A scrolled box (the output) that was at its end stays at
// its end, and one scrolled back stays where the reader is.
document.querySelectorAll('[data-live-url][id]').forEach((live) => {
  const url = live.getAttribute('data-live-url');
  const headers = { Accept: 'text/html', [live.getAttribute('data-csrf-header')]: live.getAttribute('data-csrf') };
  setInterval(async () => {
    try {
      const response = await fetch(url, { headers, credentials: 'same-origin' });
      if (!response.ok) return;
      const html = await response.text();
      const next = new DOMParser().parseFromString(html, 'text/html').getElementById(live.id);
      if (!next || next.innerHTML === live.innerHTML) return;
      const box = live.querySelector('pre');
      const atEnd = box && box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
      const scrolled = box ? box.scrollTop : 0;
      live.innerHTML = next.innerHTML;
      const newBox = live.querySelector('pre');
      if (newBox) newBox.scrollTop = atEnd ? newBox.scrollHeight : scrolled;
    } catch (e) {
      // offline for a moment: keep what is shown
    }
  }, 2000);
});

// A choice that changes the rest of its form (a deploy form's version: its own limits and
// parameters) sends the form at once; the server shows it again for that choice, deploying nothing.
document.querySelectorAll('[data-submit-on-change]').forEach((field) =>
  field.addEventListener('change', () => field.form.submit()));
