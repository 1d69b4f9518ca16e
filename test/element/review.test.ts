import { expect, waitUntil } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { requestsOf, SESSION_KEY, tenantState, type Tenant } from '../helpers/reference-server.js';
import { $, $$, click, control, group, nextEvent, type } from '../helpers/element.js';
import { setup } from '../helpers/scenario.js';

const STORED = {
  provider_tokens: {
    github: { token: 'ghp_storedReview', host: null },
    gitlab: { token: 'glpat_storedReview', host: 'gitlab.example.com' },
  },
  mcp_config: {
    sse_servers: [{ url: 'https://old.example.com/sse', api_key: null }],
    stdio_servers: [{ name: 'files', command: 'npx', args: ['-y'], env: {} }],
    shttp_servers: [],
  },
};

async function loadSettings(el: OpenHandsProviderSettings, tenant: Tenant): Promise<void> {
  const response = await fetch(`${tenant.baseUrl}/api/settings`, { headers: { 'X-Session-API-Key': SESSION_KEY } });
  el.settings = await response.json();
  await el.updateComplete;
}

async function stored(): Promise<{ tenant: Tenant; el: OpenHandsProviderSettings }> {
  const { tenant, el } = await setup({ settings: STORED }, (e) => {
    e.review = true;
  });
  await loadSettings(el, tenant);
  return { tenant, el };
}

/** Presses Save as a person would (the form's submit), then waits for the review panel or the status. */
async function pressSave(el: OpenHandsProviderSettings): Promise<void> {
  ($(el, '[part="save-button"]') as HTMLButtonElement).click();
  await waitUntil(async () => {
    await el.updateComplete;
    return (
      !el.saving &&
      (el.shadowRoot!.querySelector('[part="review"]') !== null || $(el, '[part="status"]').textContent!.trim() !== '')
    );
  }, 'neither a review nor a status after Save');
  await el.updateComplete;
}

const lines = (el: OpenHandsProviderSettings) => $$(el, '[part="review"] li').map((li) => li.textContent!.trim());

describe('<openhands-provider-settings review>', () => {
  it('while the review is open, its “Save these changes” is the one primary button', async () => {
    const { el } = await stored();
    await type(el, control(el, '/provider_tokens/github/token'), 'ghp_onePrimary');
    expect($$(el, 'button.primary').map((b) => b.textContent!.trim())).to.deep.equal(['Save']);
    await pressSave(el);
    expect($$(el, 'button.primary').map((b) => b.textContent!.trim())).to.deep.equal(['Save these changes']);
    $(el, '[part="review"] button[data-action="review-back"]').click();
    await el.updateComplete;
    expect($$(el, 'button.primary').map((b) => b.textContent!.trim())).to.deep.equal(['Save']);
  });

  it('Save first lists what the save will change, in words and without secrets, in a focused group; nothing is sent', async () => {
    const { tenant, el } = await stored();
    await type(el, control(el, '/provider_tokens/github/token'), 'ghp_replacementSecret');
    await type(el, control(el, '/provider_tokens/bitbucket/token'), 'user:bitbucketSecret');
    const gitlab = group(el, '/provider_tokens/gitlab').dataset.row!;
    await click(el, `button[data-action="remove-provider"][data-row="${gitlab}"]`);
    await click(el, 'button[data-action="confirm-remove-provider"]');
    await type(el, control(el, '/mcp_config/sse_servers/0/url'), 'https://new.example.com/sse');
    await type(el, control(el, '/mcp_config/stdio_servers/0/command'), 'uvx');

    await pressSave(el);
    const panel = $(el, '[part="review"]');
    expect(panel.getAttribute('role')).to.equal('group');
    expect(el.shadowRoot!.getElementById(panel.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'This save will',
    );
    expect(el.shadowRoot!.activeElement).to.equal(panel);
    expect(lines(el)).to.deep.equal([
      'replace the stored GitHub token',
      'store a new Bitbucket token',
      'delete the stored GitLab token',
      'add the SSE server “https://new.example.com/sse”',
      'remove the SSE server “https://old.example.com/sse”',
      'change the Command of the stdio server “files”',
    ]);
    // Each part under the request that stores it.
    const parts = $$(el, '[part="review"] h3').map((h) => [
      h.textContent!.trim(),
      h.nextElementSibling!.querySelectorAll('li').length,
    ]);
    expect(parts).to.deep.equal([
      ['Git tokens (the first request stores them)', 3],
      ['MCP servers (a second request stores them in the server’s settings)', 3],
    ]);
    // The deletion stands out.
    expect($$(el, '[part="review"] li.error').map((li) => li.textContent!.trim())).to.deep.equal([
      'delete the stored GitLab token',
    ]);
    expect(panel.textContent).not.to.contain('Secret');
    // The panel is above the actions.
    expect(panel.compareDocumentPosition($(el, '[part="actions"]')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('"Save these changes" sends the save', async () => {
    const { tenant, el } = await stored();
    await type(el, control(el, '/provider_tokens/github/token'), 'ghp_newOne');
    await pressSave(el);
    const saved = nextEvent(el, 'provider-settings-saved');
    await click(el, '[part="review"] button[data-action="review-save"]');
    await saved;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
    expect($(el, '[part="status"]').textContent!.trim()).to.equal('Saved.');
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(1);
    expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal('ghp_newOne');
  });

  it('"Back to editing" closes it, focus goes back to Save, nothing is sent and nothing typed is lost', async () => {
    const { tenant, el } = await stored();
    await type(el, control(el, '/provider_tokens/github/token'), 'ghp_keepTyping');
    await pressSave(el);
    await click(el, '[part="review"] button[data-action="review-back"]');
    expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="save-button"]'));
    expect(control(el, '/provider_tokens/github/token').value).to.equal('ghp_keepTyping');
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
  });

  it('editing while it is open closes it (it would be out of date)', async () => {
    const { el } = await stored();
    await type(el, control(el, '/provider_tokens/github/token'), 'ghp_a');
    await pressSave(el);
    await type(el, control(el, '/provider_tokens/github/token'), 'ghp_b');
    expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
  });

  it('a save that changes nothing says "Nothing to save." and sends nothing', async () => {
    const { tenant, el } = await stored();
    await pressSave(el);
    expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
    expect($(el, '[part="status"]').textContent!.trim()).to.equal('Nothing to save.');
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
  });

  it('an invalid form shows its problems instead of a review', async () => {
    const { tenant, el } = await stored();
    await click(el, 'button[data-action="add-server"][data-kind="shttp"]');
    await type(el, control(el, '/mcp_config/shttp_servers/0/url'), 'no-scheme.example.com');
    const failed = nextEvent(el, 'provider-settings-failed');
    ($(el, '[part="save-button"]') as HTMLButtonElement).click();
    expect((await failed).kind).to.equal('invalid');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="error-summary"]')).to.exist;
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
  });

  it('takes its words from strings.review (entries left out stay English)', async () => {
    const { el } = await stored();
    el.strings = { review: { heading: 'Beim Speichern wird', tokenReplaced: (p) => `das ${p}-Token ersetzt` } };
    await type(el, control(el, '/provider_tokens/github/token'), 'ghp_x');
    await type(el, control(el, '/provider_tokens/bitbucket/token'), 'u:p');
    await pressSave(el);
    expect($(el, '#review-heading').textContent).to.equal('Beim Speichern wird');
    expect(lines(el)).to.deep.equal(['das GitHub-Token ersetzt', 'store a new Bitbucket token']);
  });

  it('submit() saves without the review', async () => {
    const { tenant, el } = await stored();
    await type(el, control(el, '/provider_tokens/github/token'), 'ghp_direct');
    expect((await el.submit()).kind).to.equal('saved');
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(1);
  });
});

describe('deleting a stored token always needs an explicit confirmation (with or without review)', () => {
  it('a value without a stored provider does not delete it: the save still sends it, and the server keeps it', async () => {
    const { tenant, el } = await setup({ settings: STORED });
    await loadSettings(el, tenant);
    el.value = { provider_tokens: { github: { token: null, host: null } }, mcp_config: STORED.mcp_config };
    await el.updateComplete;
    expect(Object.keys(el.value.provider_tokens)).to.include('gitlab');
    expect((await el.submit()).kind).to.equal('saved');
    const [request] = await requestsOf(tenant.id, 'POST');
    expect(Object.keys((request!.body as { provider_tokens: object }).provider_tokens).sort()).to.deep.equal([
      'github',
      'gitlab',
    ]);
    expect((await tenantState(tenant.id)).provider_tokens.gitlab!.token).to.equal('glpat_storedReview');
  });

  it('"Remove" alone deletes nothing: only "Delete on save" does', async () => {
    const { tenant, el } = await setup({ settings: STORED });
    await loadSettings(el, tenant);
    const gitlab = group(el, '/provider_tokens/gitlab').dataset.row!;
    await click(el, `button[data-action="remove-provider"][data-row="${gitlab}"]`);
    expect(Object.keys(el.value.provider_tokens)).to.include('gitlab');
    await click(el, 'button[data-action="cancel-remove-provider"]');
    expect(Object.keys(el.value.provider_tokens)).to.include('gitlab');
    await click(el, `button[data-action="remove-provider"][data-row="${gitlab}"]`);
    await click(el, 'button[data-action="confirm-remove-provider"]');
    expect(Object.keys(el.value.provider_tokens)).not.to.include('gitlab');
  });
});
