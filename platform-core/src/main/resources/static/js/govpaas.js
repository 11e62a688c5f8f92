// GOV.UK Frontend components need the support class on <body> before initialisation; CSP forbids
// inline scripts, hence this file.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Live status: an element with data-live-url is re-fetched every 2 s and swapped in place, so
// state changes and new events appear without a reload (no inline script: CSP forbids it).
// The console answers a script only with the page's CSRF token (apps share this origin).
const live = document.querySelector('[data-live-url]');
if (live) {
  const url = live.getAttribute('data-live-url');
  const headers = { Accept: 'text/html', [live.getAttribute('data-csrf-header')]: live.getAttribute('data-csrf') };
  setInterval(async () => {
    const current = document.querySelector('[data-live-url]');
    try {
      const response = await fetch(url, { headers, credentials: 'same-origin' });
      if (!response.ok) return;
      const html = await response.text();
      const next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live-url]');
      if (next && current && next.innerHTML !== current.innerHTML) current.replaceWith(next);
    } catch (e) {
      // offline for a moment: keep what is shown
    }
  }, 2000);
}

// A choice that changes the rest of its form (a deploy form's version: its own limits and
// parameters) sends the form at once; the server shows it again for that choice, deploying nothing.
document.querySelectorAll('[data-submit-on-change]').forEach((field) =>
  field.addEventListener('change', () => field.form.submit()));
