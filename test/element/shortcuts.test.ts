/**
 * The element and its model skip work where they can: a keystroke renders only when what is shown
 * changes (src/element/form-events.ts), servers are checked ahead and their verdicts kept
 * (src/model/checks.ts), a field's errors are merged one way up to 16 and another above
 * (src/model/errors.ts), a variable name nothing on Object.prototype has is set plainly
 * (src/contract/json.ts, `setOwn`). Each is pinned here by what a person, or the server, sees
 * when it goes wrong.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness, mount } from '../helpers/element.js';
import { createTenant, requestsOf, scriptResponses, SESSION_KEY, tenantState } from '../helpers/reference-server.js';

const clearButtons = (el: OpenHandsProviderSettings) =>
  harness(el)
    .clearButtons()
    .map((b) => b.textContent!.trim());

describe('<openhands-provider-settings> keystrokes render what they change', () => {
  it('typing into a second provider offers its Clear button too; emptying a field takes its button away', async () => {
    const el = await mount();
    const ui = harness(el);
    ui.provider('github').token.focus();
    await sendKeys({ type: 'ghp_first' });
    await el.updateComplete;
    expect(clearButtons(el)).to.deep.equal(['Clear GitHub']);
    // The form is dirty already: this keystroke changes nothing but the field and its button.
    ui.provider('gitlab').token.focus();
    await sendKeys({ type: 'g' });
    await el.updateComplete;
    expect(clearButtons(el)).to.deep.equal(['Clear GitHub', 'Clear GitLab']);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(clearButtons(el)).to.deep.equal(['Clear GitHub']);
  });
});

describe('<openhands-provider-settings> the checks computed ahead follow what the person typed since', () => {
  it('a server checked in the background and edited after is checked as it is now, before and after the fix', async () => {
    const servers = [1, 2, 3].map((i) => ({ url: `https://mcp${i}.example.com/sse`, api_key: null }));
    const tenant = await createTenant({
      settings: { provider_tokens: {}, mcp_config: { sse_servers: servers, shttp_servers: [], stdio_servers: [] } },
    });
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.autoload = true;
    });
    const ui = harness(el);
    await until(() => ui.servers().length === 3);
    // The load hands the checks over; they run ahead in slices of a few ms. Give them time to finish.
    await new Promise((r) => setTimeout(r, 200));

    await ui.server('sse', 1).type('url', 'not a url');
    const refused = await el.submit();
    await el.updateComplete;
    expect(refused.kind).to.equal('invalid');
    expect(ui.errorOf(ui.server('sse', 1).url)).to.not.equal('');
    expect(await requestsOf(tenant.id)).to.deep.equal([]);

    await ui.server('sse', 1).type('url', 'https://fixed.example.com/sse');
    const saved = await el.submit();
    expect(saved.kind).to.equal('saved');
    const stored = (await tenantState(tenant.id)).mcp_config as { sse_servers: { url: string }[] };
    expect(stored.sse_servers.map((s) => s.url)).to.deep.equal([
      'https://mcp1.example.com/sse',
      'https://fixed.example.com/sse',
      'https://mcp3.example.com/sse',
    ]);
  });
});

describe('<openhands-provider-settings> a field shows each message once, however many the server sends', () => {
  // Up to 16 errors on a field are compared one by one; more go through a set (src/model/errors.ts).
  for (const repeats of [3, 12]) {
    it(`${repeats * 2} errors on one field, each message twice: each is shown once, in the server's order`, async () => {
      const tenant = await createTenant();
      const el = await mount((e) => {
        e.baseUrl = tenant.baseUrl;
        e.sessionKey = SESSION_KEY;
        e.settings = { provider_tokens_set: {}, mcp_config: null };
      });
      const ui = harness(el);
      await ui.typeToken('github', 'ghp_typedToken');
      const messages = Array.from({ length: repeats }, (_, i) => `Problem ${i + 1}`);
      const detail = [...messages, ...messages].map((msg) => ({
        type: 'value_error',
        loc: ['body', 'provider_tokens', 'github', 'token'],
        msg,
      }));
      await scriptResponses(tenant.id, [{ status: 422, body: { detail }, method: 'POST' }]);
      expect((await el.submit()).kind).to.equal('validation');
      await el.updateComplete;
      expect(ui.errorOf(ui.provider('github').token).split(/\s*\n\s*/)).to.deep.equal(messages);
    });
  }
});

describe('<openhands-provider-settings> variable names that objects already have reach the server as typed', () => {
  it('toString, constructor, hasOwnProperty and __proto__ are stored as variables, next to an ordinary one', async () => {
    const tenant = await createTenant({ settings: { provider_tokens: {}, mcp_config: null } });
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
    });
    const env = '{"PATH":"/bin","toString":"a","constructor":"b","hasOwnProperty":"c","__proto__":"d"}';
    el.value = JSON.parse(
      `{"provider_tokens":{},"mcp_config":{"sse_servers":[],"shttp_servers":[],"stdio_servers":[{"name":"tools","command":"npx","args":[],"env":${env}}]}}`,
    );
    expect((await el.submit()).kind).to.equal('saved');
    const stored = (await tenantState(tenant.id)).mcp_config as { stdio_servers: { env: object }[] };
    const storedEnv = stored.stdio_servers[0]!.env;
    expect(Object.getPrototypeOf(storedEnv)).to.equal(Object.prototype);
    expect(Object.entries(storedEnv)).to.deep.equal(Object.entries(JSON.parse(env)));
  });
});

async function until(done: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
