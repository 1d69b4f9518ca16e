import { expect, waitUntil } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { requestsOf, SESSION_KEY, tenantState, type Tenant } from '../helpers/reference-server.js';
import { harness, nextEvent } from '../helpers/element.js';
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

async function stored() {
  const { tenant, el, ui } = await setup({ settings: STORED }, (e) => {
    e.review = true;
  });
  await loadSettings(el, tenant);
  return { tenant, el, ui };
}

/** Presses Save as a person would (the form's submit), then waits for the review panel or the status. */
async function pressSave(el: OpenHandsProviderSettings): Promise<void> {
  const ui = harness(el);
  ui.saveButton.click();
  await waitUntil(
    async () => {
      await el.updateComplete;
      return !el.saving && (ui.review.shown || ui.status.text !== '');
    },
    'neither a review nor a status after Save',
    // The first Save of a page loads the review and the checks.
    { timeout: 5000 },
  );
  await el.updateComplete;
}

describe('<openhands-provider-settings review>', () => {
  it('while the review is open, its “Save these changes” is the one primary button', async () => {
    const { el, ui } = await stored();
    await ui.typeToken('github', 'ghp_onePrimary');
    expect(ui.primaryButtons()).to.deep.equal(['Save']);
    await pressSave(el);
    expect(ui.primaryButtons()).to.deep.equal(['Save these changes']);
    await ui.review.back();
    expect(ui.primaryButtons()).to.deep.equal(['Save']);
  });

  it('Save first lists what the save will change, in words and without secrets, in a focused group; nothing is sent', async () => {
    const { tenant, el, ui } = await stored();
    await ui.typeToken('github', 'ghp_replacementSecret');
    await ui.typeToken('bitbucket', 'user:bitbucketSecret');
    await ui.provider('gitlab').remove();
    await ui.server('sse', 0).type('url', 'https://new.example.com/sse');
    await ui.server('stdio', 0).type('command', 'uvx');

    await pressSave(el);
    const panel = ui.review.element;
    expect(panel.getAttribute('role')).to.equal('group');
    expect(el.shadowRoot!.getElementById(panel.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'This save will',
    );
    expect(ui.focused()).to.equal(panel);
    expect(ui.review.lines()).to.deep.equal([
      'replace the stored GitHub token',
      'store a new Bitbucket token',
      'delete the stored GitLab token',
      'add the SSE server “https://new.example.com/sse”',
      'remove the SSE server “https://old.example.com/sse”',
      'change the Command of the stdio server “files”',
    ]);
    // Each part under the request that stores it.
    expect(ui.review.parts()).to.deep.equal([
      ['Git tokens (the first request stores them)', 3],
      ['MCP servers (a second request stores them in the server’s settings)', 3],
    ]);
    // The deletion stands out.
    expect(ui.review.removals()).to.deep.equal(['delete the stored GitLab token']);
    expect(panel.textContent).not.to.contain('Secret');
    // The panel is above the actions.
    expect(panel.compareDocumentPosition(ui.actions) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('"Save these changes" sends the save', async () => {
    const { tenant, el, ui } = await stored();
    await ui.typeToken('github', 'ghp_newOne');
    await pressSave(el);
    const saved = nextEvent(el, 'provider-settings-saved');
    await ui.review.save();
    await saved;
    await el.updateComplete;
    expect(ui.review.shown).to.equal(false);
    expect(ui.status.text).to.equal('Saved.');
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(1);
    expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal('ghp_newOne');
  });

  it('"Back to editing" closes it, focus goes back to Save, nothing is sent and nothing typed is lost', async () => {
    const { tenant, el, ui } = await stored();
    await ui.typeToken('github', 'ghp_keepTyping');
    await pressSave(el);
    await ui.review.back();
    expect(ui.review.shown).to.equal(false);
    expect(ui.focused()).to.equal(ui.saveButton);
    expect(ui.provider('github').token.value).to.equal('ghp_keepTyping');
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
  });

  it('editing while it is open closes it (it would be out of date)', async () => {
    const { el, ui } = await stored();
    await ui.typeToken('github', 'ghp_a');
    await pressSave(el);
    expect(ui.review.shown).to.equal(true);
    await ui.typeToken('github', 'ghp_b');
    expect(ui.review.shown).to.equal(false);
  });

  it('a save that changes nothing says "Nothing to save." and sends nothing', async () => {
    const { tenant, el, ui } = await stored();
    await pressSave(el);
    expect(ui.review.shown).to.equal(false);
    expect(ui.status.text).to.equal('Nothing to save.');
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
  });

  it('an invalid form shows its problems instead of a review', async () => {
    const { tenant, el, ui } = await stored();
    const server = await ui.addServer('shttp');
    await server.type('url', 'no-scheme.example.com');
    const failed = nextEvent(el, 'provider-settings-failed');
    await ui.save();
    expect((await failed).kind).to.equal('invalid');
    await el.updateComplete;
    expect(ui.review.shown).to.equal(false);
    expect(ui.summary.shown).to.equal(true);
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
  });

  it('takes its words from strings.review (entries left out stay English)', async () => {
    const { el, ui } = await stored();
    el.strings = { review: { heading: 'Beim Speichern wird', tokenReplaced: (p) => `das ${p}-Token ersetzt` } };
    await ui.typeToken('github', 'ghp_x');
    await ui.typeToken('bitbucket', 'u:p');
    await pressSave(el);
    expect(ui.review.heading).to.equal('Beim Speichern wird');
    expect(ui.review.lines()).to.deep.equal(['das GitHub-Token ersetzt', 'store a new Bitbucket token']);
  });

  it('submit() saves without the review', async () => {
    const { tenant, el, ui } = await stored();
    await ui.typeToken('github', 'ghp_direct');
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
    const { tenant, el, ui } = await setup({ settings: STORED });
    await loadSettings(el, tenant);
    const gitlab = ui.provider('gitlab');
    await gitlab.askToRemove();
    expect(Object.keys(el.value.provider_tokens)).to.include('gitlab');
    await gitlab.cancelRemove();
    expect(Object.keys(el.value.provider_tokens)).to.include('gitlab');
    await gitlab.askToRemove();
    await gitlab.confirmRemove();
    expect(Object.keys(el.value.provider_tokens)).not.to.include('gitlab');
  });
});
