/**
 * The model's part of "saved means stored": what it knows of the stored state, each part settled
 * on its own against the snapshot a request was built from, and `value` round trips.
 */
import {
  markMcpSaved,
  markTokensSaved,
  mcpChanged,
  providersChanged,
  takeSnapshot,
} from '../../src/model/save-snapshot.js';
import { expect } from '@open-wc/testing';
import type { StoredSettings } from '../../src/contract/schema.js';
import type { FormModel } from '../../src/model/form-model.js';
import { checkedModel } from '../helpers/model.js';

const providerId = (m: FormModel, name: string): string => m.draft.providers.find((p) => p.provider === name)!.id;
const providerRow = (m: FormModel, name: string) => m.draft.providers.find((p) => p.provider === name)!;

const STORED: StoredSettings = {
  provider_tokens_set: { github: null, bitbucket: 'bitbucket.example.com' },
  mcp_config: { sse_servers: [{ url: 'https://stored.example.com/sse' }], stdio_servers: [], shttp_servers: [] },
};

describe('FormModel: what it knows is stored', () => {
  it('knows nothing until settings arrive, and then both parts', () => {
    const m = checkedModel();
    expect(m.known).to.deep.equal({ tokens: false, mcp: false });
    m.setSettings(STORED);
    expect(m.known).to.deep.equal({ tokens: true, mcp: true });
    m.setSettings(null);
    expect(m.known).to.deep.equal({ tokens: false, mcp: false });
  });

  it('provider_tokens_set null (some versions send it for none) says no token is stored; settings without it say nothing of tokens', () => {
    const m = checkedModel({ settings: { provider_tokens_set: null, mcp_config: null } });
    expect(m.known.tokens).to.equal(true);
    expect(m.draft.providers.some((p) => p.stored)).to.equal(false);
    m.setSettings({ mcp_config: null });
    expect(m.known).to.deep.equal({ tokens: false, mcp: true });
  });

  it('a 404 says no MCP server is stored and nothing about the tokens', () => {
    const unknown = checkedModel();
    unknown.settingsNotFound();
    expect(unknown.known).to.deep.equal({ tokens: false, mcp: true });

    const known = checkedModel({ settings: STORED });
    known.settingsNotFound();
    expect(known.known).to.deep.equal({ tokens: true, mcp: true });
    expect(known.toBody().provider_tokens).to.deep.equal({
      github: { token: null, host: null },
      bitbucket: { token: null, host: 'bitbucket.example.com' },
    });
    expect(known.toBody().mcp_config).to.equal(null);
  });

  it('the token set stored by its own save stays known through a 404 after it', () => {
    const m = checkedModel();
    m.settingsNotFound();
    m.setField(providerId(m, 'gitlab'), 'token', 'glpat-new');
    markTokensSaved(m, takeSnapshot(m));
    expect(m.known.tokens).to.equal(true);
    m.settingsNotFound();
    expect(m.known.tokens).to.equal(true);
    expect(m.toBody().provider_tokens).to.deep.equal({ gitlab: { token: null, host: null } });
  });

  it('servers added before the stored ones were known are added to them, not put in their place', () => {
    const m = checkedModel();
    const added = m.addServer('sse');
    m.setField(added, 'url', 'https://mine.example.com/sse');
    const same = m.addServer('sse');
    m.setField(same, 'url', 'https://stored.example.com/sse');
    m.setSettings(STORED);
    expect(m.draft.sse.map((s) => s.url)).to.deep.equal([
      'https://stored.example.com/sse',
      'https://mine.example.com/sse',
    ]);
    expect(m.draft.sse[1]!.id).to.equal(added);
    expect(m.dirty).to.equal(true);
    expect(mcpChanged(m)).to.equal(true);
  });

  it('once the stored servers are known, new settings rebase as before: the edited list is kept', () => {
    const m = checkedModel({ settings: STORED });
    const added = m.addServer('shttp');
    m.setField(added, 'url', 'https://x.example.com/mcp');
    m.setSettings({ ...STORED, mcp_config: { sse_servers: [], stdio_servers: [], shttp_servers: [] } });
    expect(m.draft.sse.map((s) => s.url)).to.deep.equal(['https://stored.example.com/sse']);
    expect(m.draft.shttp.map((s) => s.id)).to.deep.equal([added]);
  });
});

describe('FormModel: each part settled against what was sent', () => {
  it('a token typed, a host edited or a removal confirmed during the save stays, dirty; what was sent is stored', () => {
    const m = checkedModel({ providers: ['github', 'gitlab', 'bitbucket'], settings: STORED });
    m.setField(providerId(m, 'github'), 'token', 'ghp_sent');
    const sent = takeSnapshot(m);
    // While the request is in flight:
    m.setField(providerId(m, 'gitlab'), 'token', 'glpat-typed-during');
    m.setField(providerId(m, 'bitbucket'), 'host', 'edited.example.com');
    markTokensSaved(m, sent);

    expect(providerRow(m, 'github')).to.include({ stored: true, token: '' });
    expect(providerRow(m, 'gitlab')).to.include({ stored: false, token: 'glpat-typed-during' });
    expect(providerRow(m, 'bitbucket')).to.include({
      stored: true,
      host: 'edited.example.com',
      storedHost: 'bitbucket.example.com',
    });
    expect(m.dirty).to.equal(true);
    expect(m.toBody().provider_tokens).to.deep.equal({
      github: { token: null, host: null },
      gitlab: { token: 'glpat-typed-during', host: null },
      bitbucket: { token: null, host: 'edited.example.com' },
    });
  });

  it('a removal confirmed during the save stays pending; one undone during it is stored as sent', () => {
    const m = checkedModel({ providers: ['github', 'bitbucket'], settings: STORED });
    m.removeProvider(providerId(m, 'github'));
    const sent = takeSnapshot(m);
    m.restoreProvider(providerId(m, 'github'));
    m.removeProvider(providerId(m, 'bitbucket'));
    markTokensSaved(m, sent);
    // github was deleted by the request that was sent: it is not stored any more, whatever came after.
    expect(providerRow(m, 'github')).to.include({ stored: false, removed: false });
    // bitbucket's removal came after the body: still to be saved.
    expect(providerRow(m, 'bitbucket')).to.include({ stored: true, removed: true });
    expect(m.toBody().provider_tokens).to.deep.equal({});
    expect(m.dirty).to.equal(true);
  });

  it('tokens stored and MCP servers not: the providers are settled, the MCP edits stay dirty', () => {
    const m = checkedModel({ settings: STORED });
    m.setField(providerId(m, 'gitlab'), 'token', 'glpat-x');
    const sse = m.addServer('sse');
    m.setField(sse, 'url', 'https://new.example.com/sse');
    const sent = takeSnapshot(m);
    expect(sent.mcpChanged).to.equal(true);
    markTokensSaved(m, sent);
    expect(providersChanged(m)).to.equal(false);
    expect(mcpChanged(m)).to.equal(true);
    expect(m.dirty).to.equal(true);
    expect(m.storedState().mcp?.sse_servers.map((s) => s.url)).to.deep.equal(['https://stored.example.com/sse']);
    markMcpSaved(m, sent);
    expect(m.dirty).to.equal(false);
    expect(mcpChanged(m)).to.equal(false);
  });
});

describe('FormModel: value round trips', () => {
  it('setting the value read from the form changes nothing: removals pending, blank env rows, typed spacing', () => {
    const m = checkedModel({ providers: ['github', 'bitbucket'], settings: STORED });
    m.removeProvider(providerId(m, 'github'));
    m.setField(providerId(m, 'bitbucket'), 'token', 'ATCTT-token ');
    const stdio = m.addServer('stdio');
    m.setField(stdio, 'name', 'files');
    m.setField(stdio, 'command', 'npx');
    const blank = m.addEnv(stdio);
    const before = JSON.stringify(m.draft);
    m.setValue(m.toBody());
    expect(JSON.stringify(m.draft)).to.equal(before);
    expect(m.row(blank)).not.to.equal(undefined);
    expect(providerRow(m, 'github').removed).to.equal(true);
  });

  it('a value that names a removed provider brings it back', () => {
    const m = checkedModel({ providers: ['github'], settings: STORED });
    m.removeProvider(providerId(m, 'github'));
    m.setValue({ provider_tokens: { github: { token: null, host: null } } });
    expect(providerRow(m, 'github').removed).to.equal(false);
  });
});
