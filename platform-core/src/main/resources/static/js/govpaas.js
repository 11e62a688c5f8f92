// GOV.UK Frontend components need the support class on <body> before initialisation; CSP forbids
// inline scripts, hence this file.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
