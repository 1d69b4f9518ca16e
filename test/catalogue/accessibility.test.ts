/**
 * axe's WCAG 2.0/2.1/2.2 A and AA rules (target size included, which axe leaves off by default)
 * on the element in every scenario of the demo catalogue, as `npm start` shows it (demo/catalogue.ts
 * on the reference server), in the scenario's own theme and in the light and dark themes. axe
 * looks at the element only: the catalogue around it is the demo's, not the element's.
 * (catalogue.test.ts checks what each scenario shows, and runs axe's default rules on the whole page.)
 */
import { createCatalogue, type Catalogue } from '../../demo/catalogue.js';
import { scenarios, type Theme } from '../../demo/scenarios.js';
import { axeProblems, expectNone, resetViewport, viewport } from '../helpers/a11y.js';

describe('the demo catalogue: axe (WCAG 2.2 A/AA) on the element in every scenario', () => {
  let root: HTMLElement;
  let catalogue: Catalogue;

  before(async () => {
    // Tall enough for a scenario's element to be on screen whole (many-servers' excepted).
    await viewport(1000, 4000);
    root = document.createElement('div');
    document.body.append(root);
    catalogue = createCatalogue(root);
  });

  after(async () => {
    await catalogue.destroy();
    root.remove();
    await resetViewport();
  });

  for (const scenario of scenarios) {
    it(`${scenario.id}: ${scenario.title}`, async function () {
      this.timeout(60_000);
      const shown = await catalogue.show(scenario.id);
      const own = scenario.controls?.theme;
      const themes: Theme[] =
        own && own !== 'auto' && own !== 'light' && own !== 'dark' ? [own, 'light', 'dark'] : ['light', 'dark'];
      const problems: string[] = [];
      for (const theme of themes) {
        catalogue.setControl('theme', theme);
        await shown.el.updateComplete;
        for (const problem of await axeProblems(shown.el)) problems.push(`${theme}: ${problem}`);
      }
      expectNone(problems, `axe on the element, ${scenario.id}`);
    });
  }
});
