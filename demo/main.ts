/**
 * `npm start`: the catalogue on the reference server (vite mounts it on this origin). The shown
 * scenario follows the URL's hash (`#saved`), so every scenario has its own address.
 * `data-state="ready"` on `.stage` tells scripts (scripts/screenshots.js) that it is shown.
 */
import { createCatalogue } from './catalogue.js';

const root = document.querySelector<HTMLElement>('#catalogue')!;
const catalogue = createCatalogue(root);
const ids = catalogue.scenarios.map((s) => s.id);

function showFromHash(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const scenario = catalogue.scenarios.find((s) => s.id === id) ?? catalogue.scenarios[0]!;
  document.title = `${scenario.title}: openhands-provider-settings`;
  catalogue.show(scenario.id).catch((error: unknown) => {
    // A newer scenario replaced this one before it was ready: nothing to report.
    if (!String(error).includes('another scenario')) console.error(error);
  });
}

window.addEventListener('hashchange', showFromHash);
showFromHash();

// For scripts driving the page (screenshots): the scenario ids, in sidebar order.
(window as unknown as { catalogueScenarios: string[] }).catalogueScenarios = ids;
