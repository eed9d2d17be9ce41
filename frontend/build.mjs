// Compiles the Sass and copies GOV.UK Frontend and htmx into the Django static folder.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "preventhub", "core", "static");
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });
mkdirSync(join(out, "vendor", "govuk"), { recursive: true });

const result = sass.compile(join(here, "src", "app.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "css", "app.css"), result.css);

cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "js", "govuk-frontend.min.js"));
cpSync(join(here, "src", "init.js"), join(out, "js", "init.js"));
cpSync(join(here, "src", "picker.js"), join(out, "js", "picker.js"));
cpSync(join(here, "node_modules", "htmx.org", "dist", "htmx.min.js"), join(out, "js", "htmx.min.js"));
cpSync(join(govuk, "assets"), join(out, "vendor", "govuk", "assets"), { recursive: true });
console.log(`built ${out}`);
