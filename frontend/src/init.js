// Loaded as a module, so it only runs in browsers GOV.UK Frontend supports, and no inline script is
// needed (our CSP forbids it).
import { initAll } from "./govuk-frontend.min.js";
import { initPickers } from "./picker.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
initPickers();
