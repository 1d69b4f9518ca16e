// The element's page: the self-contained file, as a page without a bundler loads it.
import '/dist/openhands-provider-settings.bundle.js';
import { PROVIDERS } from './fixture.js';
import { installHarness } from './harness.js';

installHarness({
  name: 'element',
  async mount(body) {
    const el = document.createElement('openhands-provider-settings');
    el.providers = PROVIDERS;
    // What is stored (nothing), as a host page passes it: the save goes straight to its request,
    // as the floor's does, instead of loading the stored settings first.
    el.settings = { provider_tokens_set: {}, mcp_config: null };
    el.value = body;
    document.body.append(el);
    await el.updateComplete;
    return el;
  },
  settle: (el) => el.updateComplete,
  async lastCommand(el) {
    // In a long list the cards are compact: open the last stdio server's, as a person would.
    const cards = el.shadowRoot.querySelectorAll('fieldset[data-path^="/mcp_config/stdio_servers/"]');
    const toggle = cards[cards.length - 1]?.querySelector(':scope > legend > button[aria-expanded="false"]');
    if (toggle) {
      toggle.click();
      await el.updateComplete;
    }
    const all = el.shadowRoot.querySelectorAll('input[data-field="command"]');
    return all[all.length - 1];
  },
  validate: (el) => el.validate(),
  submit: (el, baseUrl) => {
    el.baseUrl = baseUrl;
    // The benchmark's tenant is V0 with a scripted 422: `auto`'s probes would take that answer.
    el.api = 'v0';
    return el.submit();
  },
  summaryEntries: (el) => {
    const summary = el.shadowRoot.querySelector('[part="error-summary"]');
    const more = summary?.querySelector('button[data-action="show-all-errors"]');
    return Number(more?.dataset.count ?? summary?.querySelectorAll('button[data-action="focus-error"]').length ?? 0);
  },
});
