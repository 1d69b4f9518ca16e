import { markMcpSaved, markTokensSaved, takeSnapshot } from '../../src/model/save-snapshot.js';
import { checkedModel } from '../helpers/model.js';
import { expect } from '@open-wc/testing';
import type { StoredSettings } from '../../src/contract/schema.js';
import { FormModel } from '../../src/model/form-model.js';
import { SECTION_IDS } from '../../src/model/draft.js';

function provider(model: FormModel, name: string): string {
  return model.draft.providers.find((p) => p.provider === name)!.id;
}

const SETTINGS: StoredSettings = {
  provider_tokens_set: { github: 'github.example.com', bitbucket: null },
  mcp_config: {
    sse_servers: [{ url: 'https://a.example.com', api_key: 'k' }],
    stdio_servers: [{ name: 'srv', command: 'npx', args: ['-y', 'pkg'], env: { A: '1' } }],
    shttp_servers: [],
  },
};

describe('FormModel: dirty', () => {
  it('is false on the baseline and follows each edit back and forth', () => {
    const m = checkedModel({ settings: SETTINGS });
    const gh = provider(m, 'github');
    const sse = m.draft.sse[0]!.id;
    const stdio = m.draft.stdio[0]!;
    expect(m.dirty).to.equal(false);

    const flips: Array<[string, () => void, boolean]> = [
      ['type a token', () => m.setField(gh, 'token', 'x'), true],
      ['clear it', () => m.setField(gh, 'token', ''), false],
      ['change the host', () => m.setField(gh, 'host', 'other.example.com'), true],
      ['restore the host', () => m.setField(gh, 'host', 'github.example.com'), false],
      ['remove a stored provider', () => m.removeProvider(gh), true],
      ['restore it', () => m.restoreProvider(gh), false],
      ['edit a url', () => m.setField(sse, 'api_key', ''), true],
      ['edit it back', () => m.setField(sse, 'api_key', 'k'), false],
      ['edit an arg', () => m.setField(stdio.args[1]!.id, 'value', 'other'), true],
      ['edit it back', () => m.setField(stdio.args[1]!.id, 'value', 'pkg'), false],
      ['edit an env key', () => m.setField(stdio.env[0]!.id, '[key]', 'B'), true],
      ['edit it back', () => m.setField(stdio.env[0]!.id, '[key]', 'A'), false],
      ['move an arg', () => m.moveArg(stdio.args[1]!.id, -1), true],
      ['move it back', () => m.moveArg(stdio.args[0]!.id, 1), false],
    ];
    for (const [what, edit, dirty] of flips) {
      edit();
      expect(m.dirty, what).to.equal(dirty);
    }
  });

  it('counts added, removed and moved rows, and is clean once the structure is back', () => {
    const m = checkedModel({ settings: SETTINGS });
    const added = m.addServer('shttp');
    expect(m.dirty).to.equal(true);
    m.removeServer(added);
    expect(m.dirty).to.equal(false);
    const env = m.addEnv(m.draft.stdio[0]!.id);
    expect(m.dirty).to.equal(true);
    m.removeEnv(env);
    expect(m.dirty).to.equal(false);
    const second = m.addServer('stdio');
    m.moveServer(second, -1);
    m.removeServer(second);
    expect(m.dirty).to.equal(false);
    m.removeServer(m.draft.sse[0]!.id);
    expect(m.dirty).to.equal(true);
  });

  it('does not count typing into a listed provider that was then cleared, nor an untouched new provider', () => {
    const m = checkedModel({ providers: ['github', 'gitlab', 'azure_devops'] });
    const az = provider(m, 'azure_devops');
    m.setField(az, 'host', 'h');
    m.setField(az, 'host', '');
    expect(m.dirty).to.equal(false);
  });

  it('forgets a dirty provider that setProviders drops', () => {
    const m = checkedModel();
    m.setField(provider(m, 'gitlab'), 'token', 'x');
    expect(m.dirty).to.equal(true);
    m.setProviders(['github']);
    expect(m.dirty).to.equal(false);
  });
});

describe('FormModel: markSaved', () => {
  it('turns what was sent into the baseline, as the server stores it', () => {
    const m = checkedModel({
      providers: ['github', 'gitlab', 'bitbucket', 'azure_devops'],
      settings: { provider_tokens_set: { github: 'old.example.com', bitbucket: null, enterprise_sso: null } },
    });
    m.setField(provider(m, 'github'), 'host', 'new.example.com');
    m.setField(provider(m, 'gitlab'), 'token', 'glpat');
    m.setField(provider(m, 'gitlab'), 'host', 'gitlab.example.com');
    m.setField(provider(m, 'azure_devops'), 'host', 'host-only.example.com'); // not saved by the server
    m.removeProvider(provider(m, 'bitbucket')); // listed: stays as an empty section
    m.removeProvider(provider(m, 'enterprise_sso')); // not listed: disappears
    const sent = takeSnapshot(m);
    expect(sent.body.provider_tokens).to.deep.equal({
      github: { token: null, host: 'new.example.com' },
      gitlab: { token: 'glpat', host: 'gitlab.example.com' },
      azure_devops: { token: null, host: 'host-only.example.com' },
    });
    m.applyServerErrors([{ pointer: '/provider_tokens/github/token', message: 'x', type: '' }]);
    markTokensSaved(m, sent);
    markMcpSaved(m, sent);

    expect(
      m.draft.providers.map((p) => [p.provider, p.stored, p.storedHost, p.token, p.host, p.removed]),
    ).to.deep.equal([
      ['github', true, 'new.example.com', '', 'new.example.com', false],
      ['gitlab', true, 'gitlab.example.com', '', 'gitlab.example.com', false],
      ['bitbucket', false, null, '', '', false],
      ['azure_devops', false, null, '', '', false],
    ]);
    expect(m.dirty).to.equal(false);
    expect(m.hasErrors()).to.equal(false);
    expect(m.toBody().provider_tokens).to.deep.equal({
      github: { token: null, host: 'new.example.com' },
      gitlab: { token: null, host: 'gitlab.example.com' },
    });
  });

  it('makes the sent MCP servers the baseline, keeping row ids and dropping blank env rows', () => {
    const m = checkedModel({ settings: SETTINGS });
    const stdio = m.draft.stdio[0]!;
    m.setField(stdio.id, 'name', 'renamed');
    const blank = m.addEnv(stdio.id);
    const kept = m.addEnv(stdio.id, 'B', '2');
    const sse = m.addServer('sse');
    m.setField(sse, 'url', 'https://new.example.com');
    const sent = takeSnapshot(m);
    markTokensSaved(m, sent);
    markMcpSaved(m, sent);
    expect(m.dirty).to.equal(false);
    expect(m.draft.stdio[0]!.env.map((e) => e.id)).to.deep.equal([stdio.env[0]!.id, kept]);
    expect(m.row(blank)).to.equal(undefined);
    expect(m.draft.sse.map((s) => s.id)).to.deep.equal([m.draft.sse[0]!.id, sse]);
    // reset now goes back to what was saved, not to the old settings
    m.setField(stdio.id, 'name', 'edited');
    m.removeServer(sse);
    m.reset();
    expect(m.toBody().mcp_config).to.deep.equal(sent.body.mcp_config);
    expect(m.draft.sse[1]!.id).to.equal(sse);
  });

  it('keeps edits made while the request was in flight, as unsaved changes', () => {
    const m = checkedModel();
    const sse = m.addServer('sse');
    m.setField(sse, 'url', 'https://sent.example.com');
    const sent = takeSnapshot(m);
    m.setField(sse, 'url', 'https://typed-during-save.example.com');
    markTokensSaved(m, sent);
    markMcpSaved(m, sent);
    expect(m.dirty).to.equal(true);
    expect(m.draft.sse.map((s) => s.url)).to.deep.equal(['https://typed-during-save.example.com']);
    m.reset();
    expect(m.toBody().mcp_config).to.deep.equal({
      sse_servers: [{ url: 'https://sent.example.com', api_key: null }],
      stdio_servers: [],
      shttp_servers: [],
    });
    expect(m.dirty).to.equal(false);
  });
});

describe('FormModel: reset, setSettings, setProviders, ids', () => {
  it('reset discards typed values, restores removed providers and servers, clears errors', () => {
    const m = checkedModel({ settings: SETTINGS });
    const before = JSON.stringify(m.toBody());
    const ids = m.draft.stdio[0]!.args.map((a) => a.id);
    m.setField(provider(m, 'gitlab'), 'token', 'x');
    m.removeProvider(provider(m, 'github'));
    m.removeServer(m.draft.stdio[0]!.id);
    m.addServer('sse');
    m.validateAll();
    expect(m.hasErrors()).to.equal(true);
    m.reset();
    expect(JSON.stringify(m.toBody())).to.equal(before);
    expect(m.dirty).to.equal(false);
    expect(m.hasErrors()).to.equal(false);
    expect(m.draft.stdio[0]!.args.map((a) => a.id)).to.deep.equal(ids);
  });

  it('setSettings makes untouched parts follow the new baseline', () => {
    const m = checkedModel({ settings: SETTINGS });
    m.setSettings({ provider_tokens_set: { gitlab: 'gl.example.com' }, mcp_config: null });
    expect(m.toBody()).to.deep.equal({
      provider_tokens: { gitlab: { token: null, host: 'gl.example.com' } },
      mcp_config: null,
    });
    expect(m.draft.providers.map((p) => [p.provider, p.stored])).to.deep.equal([
      ['github', false],
      ['gitlab', true],
      ['bitbucket', false],
    ]);
    expect(m.dirty).to.equal(false);
    m.setSettings(null);
    expect(m.toBody()).to.deep.equal({ provider_tokens: {}, mcp_config: null });
  });

  it('setSettings keeps what the person typed: settings often arrive after they started', () => {
    const m = checkedModel();
    m.setField(provider(m, 'gitlab'), 'token', 'glpat-typed');
    m.setField(provider(m, 'bitbucket'), 'host', 'bb.example.com');
    m.setSettings({
      provider_tokens_set: { gitlab: 'gl.example.com', bitbucket: null, github: 'gh.example.com' },
      mcp_config: null,
    });
    expect(m.toBody().provider_tokens).to.deep.equal({
      github: { token: null, host: 'gh.example.com' },
      gitlab: { token: 'glpat-typed', host: 'gl.example.com' },
      bitbucket: { token: null, host: 'bb.example.com' },
    });
    expect(m.dirty).to.equal(true);
  });

  it('setSettings keeps a removal of a provider that is still stored, and edited MCP servers', () => {
    const m = checkedModel({ settings: SETTINGS });
    m.removeProvider(provider(m, 'github'));
    const added = m.addServer('shttp');
    m.setField(added, 'url', 'https://new.example.com/mcp');
    m.setSettings({ ...SETTINGS, mcp_config: { sse_servers: [], stdio_servers: [], shttp_servers: [] } });
    const body = m.toBody();
    expect(body.provider_tokens).to.not.have.property('github');
    expect(body.mcp_config!.shttp_servers).to.deep.equal([{ url: 'https://new.example.com/mcp', api_key: null }]);
    expect(body.mcp_config!.sse_servers).to.have.length(1);
    expect(m.row(added)).to.exist;
    // And reset() still goes back to the (new) baseline.
    m.reset();
    expect(m.toBody().mcp_config).to.deep.equal({ sse_servers: [], stdio_servers: [], shttp_servers: [] });
    expect(m.toBody().provider_tokens).to.have.property('github');
  });

  it('setSettings keeps what a save answered about the MCP servers the person edited (a partial save reloads), and clears the rest', () => {
    const m = checkedModel({ settings: SETTINGS });
    const added = m.addServer('shttp');
    m.setField(added, 'url', 'https://new.example.com/mcp');
    m.applyServerErrors([
      { pointer: '/mcp_config/shttp_servers/0/url', message: 'not stored', type: 'x' },
      { pointer: '/mcp_config/theirs/env/K', message: 'about a server the form does not show', type: 'y' },
      { pointer: '/provider_tokens/github/token', message: 'about a token', type: 'z' },
    ]);
    m.setSettings(SETTINGS);
    expect(m.errorsFor(added, 'url').map((e) => e.message)).to.deep.equal(['not stored']);
    expect(m.errorsFor(SECTION_IDS.mcpConfig, '').map((e) => e.message)).to.deep.equal([
      'about a server the form does not show',
    ]);
    expect(m.errorsFor(provider(m, 'github'), 'token')).to.deep.equal([]);
    // Nothing edited in the MCP servers: a new baseline clears everything.
    const clean = checkedModel({ settings: SETTINGS });
    clean.applyServerErrors([{ pointer: '/mcp_config/sse_servers/0/url', message: 'old', type: '' }]);
    clean.setSettings(SETTINGS);
    expect(clean.hasErrors()).to.equal(false);
  });

  it('setSettings takes new MCP servers when the person had not edited any', () => {
    const m = checkedModel({ settings: SETTINGS });
    m.setField(provider(m, 'github'), 'token', 'ghp_typed');
    m.setSettings({
      ...SETTINGS,
      mcp_config: { sse_servers: [{ url: 'https://b.example.com' }], stdio_servers: [], shttp_servers: [] },
    });
    expect(m.toBody().mcp_config!.sse_servers).to.deep.equal([{ url: 'https://b.example.com', api_key: null }]);
    expect(m.toBody().provider_tokens['github']!.token).to.equal('ghp_typed');
  });

  it('setProviders orders sections, appends stored ones, keeps what remains and drops the rest', () => {
    const m = checkedModel({ settings: { provider_tokens_set: { bitbucket: null } } });
    const gh = provider(m, 'github');
    m.setField(gh, 'token', 'kept');
    m.setField(provider(m, 'gitlab'), 'token', 'dropped');
    m.setProviders(['azure_devops', 'github', 'github']);
    expect(m.providers).to.deep.equal(['azure_devops', 'github']);
    expect(m.draft.providers.map((p) => [p.provider, p.id, p.token])).to.deep.equal([
      ['azure_devops', 'r4', ''],
      ['github', gh, 'kept'],
      ['bitbucket', 'r3', ''],
    ]);
    expect(m.toBody().provider_tokens).to.deep.equal({
      github: { token: 'kept', host: null },
      bitbucket: { token: null, host: null },
    });
  });

  it('hands out ids r1, r2, ... per model and never reuses one', () => {
    const m = checkedModel({ providers: ['github'] });
    expect(m.draft.providers[0]!.id).to.equal('r1');
    const a = m.addServer('sse');
    m.removeServer(a);
    const b = m.addServer('sse');
    m.reset();
    const c = m.addServer('stdio');
    expect([a, b, c]).to.deep.equal(['r2', 'r3', 'r4']);
    expect(checkedModel({ providers: ['x'] }).draft.providers[0]!.id).to.equal('r1');
  });

  it('throws when adding an arg or env row to something that is not a stdio server', () => {
    const m = checkedModel();
    const sse = m.addServer('sse');
    expect(() => m.addArg(sse)).to.throw('No stdio server with id "r4"');
    expect(() => m.addEnv('nope')).to.throw('No stdio server with id "nope"');
  });

  it('ignores removal and moves of unknown ids, and clamps moves to the list', () => {
    const m = checkedModel();
    const a = m.addServer('sse');
    const b = m.addServer('sse');
    m.removeServer('nope');
    m.moveServer('nope', 1);
    m.moveServer(a, 99);
    expect(m.draft.sse.map((s) => s.id)).to.deep.equal([b, a]);
    m.moveServer(a, Number.NaN);
    expect(m.draft.sse.map((s) => s.id)).to.deep.equal([b, a]);
  });
});
