// GOV.UK Frontend's behaviour (the error summary takes focus, so screen readers announce it).
// A module file rather than inline script: the kit's Content-Security-Policy allows 'self' only.
import { initAll } from '../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported');
initAll();
