// GOV.UK Frontend components need the support class on <body> before initialisation; CSP forbids
// inline scripts, hence this file.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Live parts: each element with an id and a data-live-url is re-fetched every 2 s and its content
// swapped in place, so state changes, new events and an app's new output lines appear without a
// reload (no inline script: CSP forbids it). The console answers a script only with the page's
// CSRF token (apps share this origin). A text box (the output) keeps its element, so focus stays
// on it; it starts at its end and stays there unless the reader scrolled back, and it holds still
// while the reader selects text in it.
document.querySelectorAll('[data-live-url][id]').forEach((live) => {
  const url = live.getAttribute('data-live-url');
  const headers = { Accept: 'text/html', [live.getAttribute('data-csrf-header')]: live.getAttribute('data-csrf') };
  const box = live.querySelector('pre');
  if (box) box.scrollTop = box.scrollHeight;
  setInterval(async () => {
    try {
      const response = await fetch(url, { headers, credentials: 'same-origin' });
      if (!response.ok) return;
      const html = await response.text();
      const next = new DOMParser().parseFromString(html, 'text/html').getElementById(live.id);
      if (!next) return;
      if (box) {
        const text = next.querySelector('pre')?.textContent ?? '';
        const selection = document.getSelection();
        const selecting = selection && !selection.isCollapsed && box.contains(selection.anchorNode);
        if (text === box.textContent || selecting) return;
        const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
        box.textContent = text;
        if (atEnd) box.scrollTop = box.scrollHeight;
      } else if (next.innerHTML !== live.innerHTML) {
        live.innerHTML = next.innerHTML;
      }
    } catch (e) {
      // offline for a moment: keep what is shown
    }
  }, 2000);
});

// A choice that changes the rest of its form (a deploy form's version: its own limits and
// parameters) sends the form at once; the server shows it again for that choice, deploying nothing.
document.querySelectorAll('[data-submit-on-change]').forEach((field) =>
  field.addEventListener('change', () => field.form.submit()));
