import { checkedModel } from '../helpers/model.js';
import { expect } from '@open-wc/testing';
import type { ProviderSettingsBody, StdioServer, StoredSettings } from '../../src/contract/schema.js';
import type { StdioServerRow } from '../../src/model/draft.js';
import { shellSplit } from '../../src/model/shell-split.js';

/** Own keys of `Object.prototype`, to prove nothing was added to it. */
function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

const TRICKY_ENV_JSON =
  '{"__proto__":"p","constructor":"c","toString":"t","ключ":"значение ü 😀","a/b":"slash","a~b":"tilde","a.b":"dot","EMPTY":""}';

describe('FormModel: draft <-> body', () => {
  describe('providers', () => {
    it('starts with one row per listed provider, in order, and sends nothing for empty ones', () => {
      const model = checkedModel({ providers: ['gitlab', 'azure_devops', 'github'] });
      expect(model.draft.providers.map((p) => p.provider)).to.deep.equal(['gitlab', 'azure_devops', 'github']);
      expect(model.draft.providers.map((p) => p.id)).to.deep.equal(['r1', 'r2', 'r3']);
      expect(model.toBody()).to.deep.equal({ provider_tokens: {}, mcp_config: null });
    });

    it('defaults to github, gitlab, bitbucket', () => {
      expect(checkedModel().providers).to.deep.equal(['github', 'gitlab', 'bitbucket']);
    });

    it('always sends a stored provider with token null and its stored host, listed or not', () => {
      const model = checkedModel({
        providers: ['github'],
        settings: {
          provider_tokens_set: { github: 'github.example.com', gitlab: null, azure_devops: 'dev.azure.com' },
        },
      });
      expect(model.draft.providers.map((p) => [p.provider, p.stored, p.storedHost, p.host])).to.deep.equal([
        ['github', true, 'github.example.com', 'github.example.com'],
        ['gitlab', true, null, ''],
        ['azure_devops', true, 'dev.azure.com', 'dev.azure.com'],
      ]);
      expect(model.toBody()).to.deep.equal({
        provider_tokens: {
          github: { token: null, host: 'github.example.com' },
          gitlab: { token: null, host: null },
          azure_devops: { token: null, host: 'dev.azure.com' },
        },
        mcp_config: null,
      });
      expect(model.dirty).to.equal(false);
    });

    it('sends a typed token trimmed, and a stored provider with a changed host', () => {
      const model = checkedModel({ settings: { provider_tokens_set: { github: 'old.example.com' } } });
      const [github, gitlab] = model.draft.providers;
      model.setField(github!.id, 'host', ' new.example.com ');
      model.setField(gitlab!.id, 'token', '  glpat-123  ');
      expect(model.toBody().provider_tokens).to.deep.equal({
        github: { token: null, host: 'new.example.com' },
        gitlab: { token: 'glpat-123', host: null },
      });
    });

    it('sends a cleared host of a stored provider as null (the server then clears it)', () => {
      const model = checkedModel({ settings: { provider_tokens_set: { github: 'old.example.com' } } });
      model.setField(model.draft.providers[0]!.id, 'host', '');
      expect(model.toBody().provider_tokens).to.deep.equal({ github: { token: null, host: null } });
    });

    it('leaves a removed provider out, and sends it again once restored', () => {
      const model = checkedModel({ settings: { provider_tokens_set: { github: null, gitlab: null } } });
      const github = model.draft.providers[0]!;
      model.removeProvider(github.id);
      expect(github.removed).to.equal(true);
      expect(model.toBody().provider_tokens).to.deep.equal({ gitlab: { token: null, host: null } });
      model.restoreProvider(github.id);
      expect(model.toBody().provider_tokens).to.deep.equal({
        github: { token: null, host: null },
        gitlab: { token: null, host: null },
      });
    });

    it('sends a not-stored provider with only a host as token null, so the server can answer', () => {
      const model = checkedModel();
      model.setField(model.draft.providers[1]!.id, 'host', 'https://gitlab.example.com');
      expect(model.toBody().provider_tokens).to.deep.equal({
        gitlab: { token: null, host: 'https://gitlab.example.com' },
      });
    });

    it('leaves out a not-stored provider whose token and host are blank or spaces', () => {
      const model = checkedModel();
      model.setField(model.draft.providers[0]!.id, 'token', '   ');
      model.setField(model.draft.providers[0]!.id, 'host', ' ');
      expect(model.toBody().provider_tokens).to.deep.equal({});
    });

    it('clearProvider blanks a new provider, and on a stored one goes back to the stored host', () => {
      const model = checkedModel({ settings: { provider_tokens_set: { github: 'gh.example.com' } } });
      const [github, gitlab] = model.draft.providers;
      model.setField(github!.id, 'token', 't');
      model.setField(github!.id, 'host', 'other');
      model.setField(gitlab!.id, 'token', 'g');
      model.setField(gitlab!.id, 'host', 'h');
      model.clearProvider(gitlab!.id);
      model.clearProvider(github!.id);
      expect([gitlab!.token, gitlab!.host, github!.token, github!.host]).to.deep.equal(['', '', '', 'gh.example.com']);
      expect(model.dirty).to.equal(false);
    });

    it('removeProvider on a provider with nothing stored only clears it (nothing to delete)', () => {
      const model = checkedModel();
      const gitlab = model.draft.providers[1]!;
      model.setField(gitlab.id, 'token', 'x');
      model.removeProvider(gitlab.id);
      expect([gitlab.removed, gitlab.token]).to.deep.equal([false, '']);
    });

    it('handles provider keys such as __proto__ and constructor without touching Object.prototype', () => {
      const before = prototypeSnapshot();
      const model = checkedModel({
        providers: ['__proto__', 'constructor'],
        settings: JSON.parse('{"provider_tokens_set":{"__proto__":"h.example.com"}}'),
      });
      model.setField(model.draft.providers[1]!.id, 'token', 'tok');
      const body = model.toBody();
      expect(Object.keys(body.provider_tokens)).to.deep.equal(['__proto__', 'constructor']);
      expect(Object.getPrototypeOf(body.provider_tokens)).to.equal(Object.prototype);
      expect(JSON.stringify(body.provider_tokens)).to.equal(
        '{"__proto__":{"token":null,"host":"h.example.com"},"constructor":{"token":"tok","host":null}}',
      );
      expect(prototypeSnapshot()).to.deep.equal(before);
      expect(({} as Record<string, unknown>)['token']).to.equal(undefined);
    });
  });

  describe('MCP servers', () => {
    it('sends mcp_config null when nothing is stored and no server exists', () => {
      expect(checkedModel().toBody().mcp_config).to.equal(null);
    });

    it('sends an empty mcp_config object when the baseline had one', () => {
      const model = checkedModel({ settings: { mcp_config: {} } });
      expect(model.toBody().mcp_config).to.deep.equal({ sse_servers: [], stdio_servers: [], shttp_servers: [] });
    });

    it('builds servers in draft order, url as typed and a blank api key as null', () => {
      const model = checkedModel();
      const sse = model.addServer('sse');
      const shttp = model.addServer('shttp');
      const stdio = model.addServer('stdio');
      model.setField(sse, 'url', ' https://a.example.com/sse ');
      model.setField(shttp, 'url', 'https://b.example.com/mcp');
      model.setField(shttp, 'api_key', 'k');
      model.setField(stdio, 'name', 'fetch');
      model.setField(stdio, 'command', 'uvx');
      model.addArg(stdio, 'mcp-server-fetch');
      model.addArg(stdio, '');
      model.addEnv(stdio, ' KEY ', ' spaced value ');
      expect(model.toBody().mcp_config).to.deep.equal({
        sse_servers: [{ url: ' https://a.example.com/sse ', api_key: null }],
        stdio_servers: [
          { name: 'fetch', command: 'uvx', args: ['mcp-server-fetch', ''], env: { KEY: ' spaced value ' } },
        ],
        shttp_servers: [{ url: 'https://b.example.com/mcp', api_key: 'k' }],
      });
    });

    it('skips a blank env row, sends a blank key with a value under "", and keeps the first of duplicate keys', () => {
      const model = checkedModel();
      const s = model.addServer('stdio');
      model.addEnv(s, '', '');
      model.addEnv(s, ' ', '  ');
      model.addEnv(s, 'A', '1');
      model.addEnv(s, ' A ', '2');
      model.addEnv(s, '', 'orphan');
      const env = model.toBody().mcp_config!.stdio_servers[0]!.env;
      expect(JSON.stringify(env)).to.equal('{"A":"1","":"orphan"}');
    });

    it('round-trips env keys such as __proto__, constructor, unicode, a/b, a~b, a.b and empty values', () => {
      const before = prototypeSnapshot();
      const body = {
        provider_tokens: {},
        mcp_config: {
          sse_servers: [],
          stdio_servers: [{ name: 'x', command: 'y', args: ['--a', 'ü', ''], env: JSON.parse(TRICKY_ENV_JSON) }],
          shttp_servers: [],
        },
      };
      const model = checkedModel({ value: body });
      const server = model.draft.stdio[0]!;
      expect(server.env.map((e) => e.key)).to.deep.equal([
        '__proto__',
        'constructor',
        'toString',
        'ключ',
        'a/b',
        'a~b',
        'a.b',
        'EMPTY',
      ]);
      const out = model.toBody();
      const env = out.mcp_config!.stdio_servers[0]!.env;
      expect(JSON.stringify(out)).to.equal(JSON.stringify(body));
      expect(Object.getPrototypeOf(env)).to.equal(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(env, '__proto__')).to.equal(true);
      expect(Object.getOwnPropertyDescriptor(env, '__proto__')!.value).to.equal('p');
      expect(prototypeSnapshot()).to.deep.equal(before);
    });

    it('round-trips a whole body through value and back', () => {
      const body: ProviderSettingsBody = {
        provider_tokens: {
          github: { token: 'ghp_x', host: 'github.example.com' },
          azure_devops: { token: 'az', host: null },
        },
        mcp_config: {
          sse_servers: [
            { url: 'https://a.example.com', api_key: 'k1' },
            { url: 'wss://b.example.com', api_key: null },
          ],
          stdio_servers: [
            { name: 'one', command: 'npx', args: ['-y', 'pkg'], env: { A: '1' } },
            { name: 'two', command: 'uvx', args: [], env: {} },
          ],
          shttp_servers: [{ url: 'https://c.example.com/mcp', api_key: null }],
        },
      };
      const model = checkedModel({ providers: ['github'], value: body });
      expect(model.toBody()).to.deep.equal(body);
      expect(model.draft.providers.map((p) => p.provider)).to.deep.equal(['github', 'azure_devops']);
    });
  });

  describe('setValue is defensive', () => {
    it('accepts bare-string URLs, skips non-object entries and reads non-string fields as blank', () => {
      const model = checkedModel();
      model.setValue({
        provider_tokens: { github: 'not an entry', gitlab: { token: 42, host: ['x'] } },
        mcp_config: {
          sse_servers: ['https://bare.example.com', 42, null, { url: 7, api_key: 'k' }],
          shttp_servers: 'not a list',
          stdio_servers: [{ name: 'n', command: 'c', args: ['ok', 3, null, 'ok2'], env: { A: 'a', B: 2, C: null } }],
          extra: 'ignored',
        },
      });
      expect(model.toBody()).to.deep.equal({
        provider_tokens: {},
        mcp_config: {
          sse_servers: [
            { url: 'https://bare.example.com', api_key: null },
            { url: '', api_key: 'k' },
          ],
          stdio_servers: [{ name: 'n', command: 'c', args: ['ok', 'ok2'], env: { A: 'a' } }],
          shttp_servers: [],
        },
      });
    });

    it('accepts the string forms of args (shell-split) and env (K=V,K2=V2)', () => {
      const model = checkedModel({
        value: {
          provider_tokens: {},
          mcp_config: {
            stdio_servers: [{ name: 'n', command: 'c', args: `-y "a b" 'c d' e\\ f`, env: 'A=1, B = two,broken' }],
          },
        },
      });
      const server = model.toBody().mcp_config!.stdio_servers[0] as StdioServer;
      expect(server.args).to.deep.equal(['-y', 'a b', 'c d', 'e f']);
      expect(server.env).to.deep.equal({ A: '1', B: 'two' });
    });

    it('keeps a stored provider that the value leaves out (absence is not deletion)', () => {
      const model = checkedModel({ settings: { provider_tokens_set: { github: 'gh.example.com' } } });
      model.setValue({ provider_tokens: { gitlab: { token: 't', host: null } }, mcp_config: null });
      expect(model.toBody().provider_tokens).to.deep.equal({
        github: { token: null, host: 'gh.example.com' },
        gitlab: { token: 't', host: null },
      });
    });

    it('reads host null as "no host" and a missing host as "keep the stored host"', () => {
      const model = checkedModel({
        settings: { provider_tokens_set: { github: 'gh.example.com', gitlab: 'gl.example.com' } },
      });
      model.setValue({
        provider_tokens: { github: { token: null, host: null }, gitlab: { token: 'x' } },
        mcp_config: null,
      });
      expect(model.toBody().provider_tokens).to.deep.equal({
        github: { token: null, host: null },
        gitlab: { token: 'x', host: 'gl.example.com' },
      });
    });

    it('keeps the stored flags from the settings', () => {
      const model = checkedModel({ settings: { provider_tokens_set: { github: null } } });
      model.setValue({
        provider_tokens: { github: { token: 'a', host: null }, gitlab: { token: 'b', host: null } },
        mcp_config: null,
      });
      expect(model.draft.providers.map((p) => [p.provider, p.stored])).to.deep.equal([
        ['github', true],
        ['gitlab', false],
        ['bitbucket', false],
      ]);
    });

    it('goes back to the baseline for a value that is not an object', () => {
      const model = checkedModel({
        settings: {
          provider_tokens_set: { github: null },
          mcp_config: { sse_servers: [{ url: 'https://s.example.com', api_key: null }] },
        },
      });
      model.setField(model.draft.providers[0]!.id, 'token', 'typed');
      model.addServer('stdio');
      for (const junk of [null, 42, 'text', [1, 2]]) {
        model.setValue(junk);
        expect(model.dirty).to.equal(false);
        expect(model.toBody()).to.deep.equal({
          provider_tokens: { github: { token: null, host: null } },
          mcp_config: {
            sse_servers: [{ url: 'https://s.example.com', api_key: null }],
            stdio_servers: [],
            shttp_servers: [],
          },
        });
      }
    });

    it('keeps the baseline servers when mcp_config is missing, and has none for mcp_config null', () => {
      // A bare-string URL in stored settings is read like one in a value.
      const settings = { mcp_config: { sse_servers: ['https://s.example.com'] } } as unknown as StoredSettings;
      const model = checkedModel({ settings });
      model.setValue({ provider_tokens: {} });
      expect(model.draft.sse.map((s) => s.url)).to.deep.equal(['https://s.example.com']);
      expect(model.dirty).to.equal(false);
      model.setValue({ provider_tokens: {}, mcp_config: null });
      expect(model.draft.sse).to.deep.equal([]);
      expect(model.toBody().mcp_config).to.deep.equal({ sse_servers: [], stdio_servers: [], shttp_servers: [] });
      expect(model.dirty).to.equal(true);
    });

    it('ignores a polluted Object.prototype when reading a value', () => {
      const proto = Object.prototype as Record<string, unknown>;
      proto['provider_tokens'] = { github: { token: 'evil', host: null } };
      proto['mcp_config'] = { sse_servers: ['https://evil.example.com'] };
      try {
        const model = checkedModel({ value: {} });
        expect(model.toBody()).to.deep.equal({ provider_tokens: {}, mcp_config: null });
      } finally {
        delete proto['provider_tokens'];
        delete proto['mcp_config'];
      }
    });

    it('survives throwing getters in a value', () => {
      const hostile = {
        get provider_tokens(): never {
          throw new Error('boom');
        },
        mcp_config: { sse_servers: ['https://ok.example.com'] },
      };
      const model = checkedModel({ value: hostile });
      expect(model.toBody().mcp_config!.sse_servers).to.deep.equal([{ url: 'https://ok.example.com', api_key: null }]);
    });

    it('reconciles by position: rows keep their ids when a host page feeds value back', () => {
      const model = checkedModel();
      const id = model.addServer('stdio');
      const arg = model.addArg(id, 'a');
      const env = model.addEnv(id, 'K', 'v');
      const body = model.toBody();
      (body.mcp_config!.stdio_servers[0] as StdioServer).args.push('b');
      model.setValue(body);
      const row = model.draft.stdio[0] as StdioServerRow;
      expect(row.id).to.equal(id);
      expect(row.args.map((a) => a.id)).to.deep.equal([arg, 'r7']);
      expect(row.env.map((e) => e.id)).to.deep.equal([env]);
      expect(model.row('r7')).to.deep.equal({ id: 'r7', value: 'b' });
    });
  });

  describe('shellSplit', () => {
    it('splits like a POSIX shell', () => {
      expect(shellSplit(`  a  "b \\"c\\"" 'd\\e' f\\ g "" h`)).to.deep.equal(['a', 'b "c"', 'd\\e', 'f g', '', 'h']);
      expect(shellSplit('')).to.deep.equal([]);
      expect(shellSplit(`"unterminated rest`)).to.deep.equal(['unterminated rest']);
    });
  });
});
