import { checkedModel } from '../helpers/model.js';
import { expect } from '@open-wc/testing';
import type { ServerFieldError } from '../../src/contract/result.js';
import type { ProviderSettingsBody } from '../../src/contract/schema.js';
import { SECTION_IDS, type StdioServerRow } from '../../src/model/draft.js';
import { FormModel, UNPLACED_ROW_ID } from '../../src/model/form-model.js';
import { PointerIndex } from '../../src/model/locate.js';
import { errorCount, listErrors, pointerOf } from '../../src/model/error-list.js';

function err(pointer: string, message = 'm', type = 'value_error'): ServerFieldError {
  return { pointer, message, type };
}

/** The single error the model holds, as [rowId, field, subpath, message]. */
function only(model: FormModel): [string, string, string, string][] {
  return listErrors(model).map((e) => [e.target.rowId, e.target.field, e.location.slice(e.pointer.length), e.message]);
}

const BODY: ProviderSettingsBody = {
  provider_tokens: { github: { token: 't', host: null } },
  mcp_config: {
    sse_servers: [
      { url: 'https://a.example.com', api_key: null },
      { url: 'https://b.example.com', api_key: null },
    ],
    stdio_servers: [
      {
        name: 's0',
        command: 'c',
        args: ['a0', 'a1', 'a2'],
        env: { MY_KEY: 'v', 'a/b': 'slash', 'a~b': 'tilde', __proto__x: 'x' },
      },
      { name: 's1', command: 'c', args: [], env: {} },
    ],
    shttp_servers: [{ url: 'https://c.example.com', api_key: null }],
  },
};

function model(): FormModel {
  return checkedModel({ providers: ['github', 'gitlab', 'azure_devops'], value: BODY });
}

describe('FormModel: pointer resolution', () => {
  const cases: Array<[string, (m: FormModel) => [string, string, string]]> = [
    ['/provider_tokens/github/token', (m) => [m.draft.providers[0]!.id, 'token', '']],
    ['/provider_tokens/github/host', (m) => [m.draft.providers[0]!.id, 'host', '']],
    ['/provider_tokens/azure_devops/[key]', (m) => [m.draft.providers[2]!.id, '[key]', '']],
    ['/provider_tokens/github', (m) => [m.draft.providers[0]!.id, '', '']],
    ['/provider_tokens/github/user_id', (m) => [m.draft.providers[0]!.id, '', '/user_id']],
    ['/provider_tokens/github/token/deeper', (m) => [m.draft.providers[0]!.id, 'token', '/deeper']],
    [
      '/provider_tokens/unknown_not_in_form/token',
      () => [SECTION_IDS.providerTokens, '', '/unknown_not_in_form/token'],
    ],
    ['/provider_tokens', () => [SECTION_IDS.providerTokens, '', '']],
    ['/mcp_config', () => [SECTION_IDS.mcpConfig, '', '']],
    ['/mcp_config/mcpServers', () => [SECTION_IDS.mcpConfig, '', '/mcpServers']],
    ['/mcp_config/sse_servers', () => [SECTION_IDS.sse, '', '']],
    ['/mcp_config/sse_servers/7/url', () => [SECTION_IDS.sse, '', '/7/url']],
    ['/mcp_config/sse_servers/01/url', () => [SECTION_IDS.sse, '', '/01/url']],
    ['/mcp_config/sse_servers/-1', () => [SECTION_IDS.sse, '', '/-1']],
    ['/mcp_config/sse_servers/1/url', (m) => [m.draft.sse[1]!.id, 'url', '']],
    ['/mcp_config/sse_servers/1/api_key', (m) => [m.draft.sse[1]!.id, 'api_key', '']],
    ['/mcp_config/sse_servers/1', (m) => [m.draft.sse[1]!.id, '', '']],
    ['/mcp_config/shttp_servers/0/url', (m) => [m.draft.shttp[0]!.id, 'url', '']],
    ['/mcp_config/shttp_servers/1/url', () => [SECTION_IDS.shttp, '', '/1/url']],
    ['/mcp_config/stdio_servers/1/name', (m) => [m.draft.stdio[1]!.id, 'name', '']],
    ['/mcp_config/stdio_servers/1/command', (m) => [m.draft.stdio[1]!.id, 'command', '']],
    ['/mcp_config/stdio_servers/0/args', (m) => [m.draft.stdio[0]!.id, 'args', '']],
    ['/mcp_config/stdio_servers/0/args/2', (m) => [m.draft.stdio[0]!.args[2]!.id, 'value', '']],
    ['/mcp_config/stdio_servers/0/args/3', (m) => [m.draft.stdio[0]!.id, 'args', '/3']],
    ['/mcp_config/stdio_servers/0/env', (m) => [m.draft.stdio[0]!.id, 'env', '']],
    ['/mcp_config/stdio_servers/0/env/MY_KEY', (m) => [m.draft.stdio[0]!.env[0]!.id, 'value', '']],
    ['/mcp_config/stdio_servers/0/env/MY_KEY/[key]', (m) => [m.draft.stdio[0]!.env[0]!.id, '[key]', '']],
    ['/mcp_config/stdio_servers/0/env/a~1b', (m) => [m.draft.stdio[0]!.env[1]!.id, 'value', '']],
    ['/mcp_config/stdio_servers/0/env/a~0b', (m) => [m.draft.stdio[0]!.env[2]!.id, 'value', '']],
    ['/mcp_config/stdio_servers/0/env/constructor', (m) => [m.draft.stdio[0]!.id, 'env', '/constructor']],
    ['/mcp_config/stdio_servers/0/env/NOPE', (m) => [m.draft.stdio[0]!.id, 'env', '/NOPE']],
    ['/mcp_config/stdio_servers/0/other', (m) => [m.draft.stdio[0]!.id, '', '/other']],
    ['/mcp_config/stdio_servers/2/name', () => [SECTION_IDS.stdio, '', '/2/name']],
  ];

  for (const [pointer, expected] of cases) {
    it(`places ${pointer}`, () => {
      const m = model();
      m.applyServerErrors([err(pointer)]);
      const [rowId, field, subpath] = expected(m);
      expect(only(m)).to.deep.equal([[rowId, field, subpath, 'm']]);
      expect(m.unplacedErrors()).to.deep.equal([]);
    });
  }

  for (const pointer of ['', '/17', '/unknown_top', 'no-slash']) {
    it(`leaves ${JSON.stringify(pointer)} unplaced, listed after every placed error`, () => {
      const m = model();
      m.applyServerErrors([
        err(pointer, 'body problem', 'json_invalid'),
        err('/provider_tokens/github/token', 'bad token'),
      ]);
      expect(m.unplacedErrors()).to.deep.equal([
        { pointer, message: 'body problem', code: 'json_invalid', source: 'server' },
      ]);
      expect(listErrors(m).map((e) => [e.target.rowId, e.pointer, e.message])).to.deep.equal([
        [m.draft.providers[0]!.id, '/provider_tokens/github/token', 'bad token'],
        [UNPLACED_ROW_ID, pointer, 'body problem'],
      ]);
      expect(errorCount(m)).to.equal(2);
      expect(pointerOf(m, { rowId: UNPLACED_ROW_ID, field: '' })).to.equal(null);
    });
  }

  it('matches env keys after trimming, first sent row wins, blank rows never shadow a sent one', () => {
    const m = checkedModel();
    const s = m.addServer('stdio');
    const blank = m.addEnv(s, '', '');
    const first = m.addEnv(s, ' K ', '1');
    m.addEnv(s, 'K', '2');
    const emptyKey = m.addEnv(s, ' ', 'value without a name');
    m.applyServerErrors([err('/mcp_config/stdio_servers/0/env/K'), err('/mcp_config/stdio_servers/0/env/', 'empty')]);
    expect(m.errorsFor(first, 'value').map((e) => e.message)).to.deep.equal(['m']);
    expect(m.errorsFor(emptyKey, 'value').map((e) => e.message)).to.deep.equal(['empty']);
    expect(m.errorsFor(blank, 'value')).to.deep.equal([]);
  });

  it('resolves env key __proto__ to its row, not to Object.prototype', () => {
    const m = checkedModel({
      value: JSON.parse(
        '{"provider_tokens":{},"mcp_config":{"stdio_servers":[{"name":"n","command":"c","args":[],"env":{"__proto__":"p"}}]}}',
      ),
    });
    m.applyServerErrors([err('/mcp_config/stdio_servers/0/env/__proto__/[key]')]);
    expect(only(m)).to.deep.equal([[m.draft.stdio[0]!.env[0]!.id, '[key]', '', 'm']]);
  });

  it('gives every field its pointer at its current position (pointerOf)', () => {
    const m = model();
    const s0 = m.draft.stdio[0] as StdioServerRow;
    expect(pointerOf(m, { rowId: m.draft.providers[2]!.id, field: '[key]' })).to.equal(
      '/provider_tokens/azure_devops/[key]',
    );
    expect(pointerOf(m, { rowId: m.draft.providers[0]!.id, field: '' })).to.equal('/provider_tokens/github');
    expect(pointerOf(m, { rowId: m.draft.sse[1]!.id, field: 'api_key' })).to.equal('/mcp_config/sse_servers/1/api_key');
    expect(pointerOf(m, { rowId: s0.id, field: 'env' })).to.equal('/mcp_config/stdio_servers/0/env');
    expect(pointerOf(m, { rowId: s0.args[1]!.id, field: 'value' })).to.equal('/mcp_config/stdio_servers/0/args/1');
    expect(pointerOf(m, { rowId: s0.env[1]!.id, field: 'value' })).to.equal('/mcp_config/stdio_servers/0/env/a~1b');
    expect(pointerOf(m, { rowId: s0.env[2]!.id, field: '[key]' })).to.equal(
      '/mcp_config/stdio_servers/0/env/a~0b/[key]',
    );
    expect(pointerOf(m, { rowId: SECTION_IDS.shttp, field: '' })).to.equal('/mcp_config/shttp_servers');
    expect(pointerOf(m, { rowId: 'r999', field: '' })).to.equal(null);
  });
});

describe('FormModel: server errors stay with their rows', () => {
  it('follows a stdio server when a server above it is removed, then when one is inserted above', () => {
    const m = model();
    const s1 = m.draft.stdio[1]!.id;
    m.applyServerErrors([err('/mcp_config/stdio_servers/1/name', 'Server name cannot be empty')]);
    m.removeServer(m.draft.stdio[0]!.id);
    expect(m.errorsFor(s1, 'name').map((e) => e.message)).to.deep.equal(['Server name cannot be empty']);
    expect(pointerOf(m, { rowId: s1, field: 'name' })).to.equal('/mcp_config/stdio_servers/0/name');
    const added = m.addServer('stdio');
    m.moveServer(added, -5);
    expect(m.draft.stdio.map((s) => s.id)).to.deep.equal([added, s1]);
    expect(listErrors(m).map((e) => [e.target.rowId, e.pointer])).to.deep.equal([
      [s1, '/mcp_config/stdio_servers/1/name'],
    ]);
    expect(m.errorsFor(added, 'name')).to.deep.equal([]);
  });

  it('follows an arg when args are reordered and removed', () => {
    const m = model();
    const args = m.draft.stdio[0]!.args.map((a) => a.id);
    m.applyServerErrors([err('/mcp_config/stdio_servers/0/args/2', 'third')]);
    m.moveArg(args[2]!, -2);
    expect(pointerOf(m, { rowId: args[2]!, field: 'value' })).to.equal('/mcp_config/stdio_servers/0/args/0');
    m.removeArg(args[0]!);
    expect(listErrors(m).map((e) => [e.target.rowId, e.pointer, e.message])).to.deep.equal([
      [args[2], '/mcp_config/stdio_servers/0/args/0', 'third'],
    ]);
  });

  it('follows an env row when its key is renamed and a row above it is removed', () => {
    const m = model();
    const env = m.draft.stdio[0]!.env.map((e) => e.id);
    m.applyServerErrors([err('/mcp_config/stdio_servers/0/env/a~1b', 'bad value')]);
    m.removeEnv(env[0]!);
    m.setField(env[1]!, '[key]', 'RENAMED');
    expect(m.errorsFor(env[1]!, 'value').map((e) => e.message)).to.deep.equal(['bad value']);
    expect(pointerOf(m, { rowId: env[1]!, field: 'value' })).to.equal('/mcp_config/stdio_servers/0/env/RENAMED');
  });

  it('follows a URL server across kinds-preserving moves and drops the error with its row', () => {
    const m = model();
    const [a, b] = m.draft.sse.map((s) => s.id);
    m.applyServerErrors([
      err('/mcp_config/sse_servers/1/url', 'URL cannot be empty'),
      err('/mcp_config/sse_servers/0/url', 'other'),
    ]);
    m.moveServer(b!, -1);
    expect(listErrors(m).map((e) => [e.target.rowId, e.pointer, e.message])).to.deep.equal([
      [b, '/mcp_config/sse_servers/0/url', 'URL cannot be empty'],
      [a, '/mcp_config/sse_servers/1/url', 'other'],
    ]);
    m.removeServer(a!);
    expect(m.hasErrors()).to.equal(true);
    m.removeServer(b!);
    expect(m.hasErrors()).to.equal(false);
    expect(pointerOf(m, { rowId: b!, field: 'url' })).to.equal(null);
  });

  it('a pointer repeated in one answer puts every error on its field; the next answer resolves it afresh', () => {
    const m = model();
    const [a, b] = m.draft.sse.map((s) => s.id);
    m.applyServerErrors([
      err('/mcp_config/sse_servers/1/url', 'one'),
      err('/mcp_config/sse_servers/0/url', 'other'),
      err('/mcp_config/sse_servers/1/url', 'two'),
    ]);
    expect(m.errorsFor(b!, 'url').map((e) => e.message)).to.deep.equal(['one', 'two']);
    m.moveServer(b!, -1);
    // Now a is the second server: the same pointer names it.
    m.applyServerErrors([err('/mcp_config/sse_servers/1/url', 'three'), err('/mcp_config/sse_servers/1/url', 'four')]);
    expect(m.errorsFor(a!, 'url').map((e) => e.message)).to.deep.equal(['three', 'four']);
    expect(m.errorsFor(b!, 'url')).to.deep.equal([]);
  });

  it('PointerIndex resolves a pointer once and hands back the same placement', () => {
    const m = model();
    const index = new PointerIndex(m.draft);
    const first = index.place('/mcp_config/stdio_servers/0/env/a~1b');
    expect(first).to.deep.equal({ target: { rowId: m.draft.stdio[0]!.env[1]!.id, field: 'value' }, subpath: '' });
    expect(index.place('/mcp_config/stdio_servers/0/env/a~1b')).to.equal(first);
    expect(index.place('/mcp_config/stdio_servers/0/env/a~0b')).to.not.equal(first);
    expect(index.place('/17')).to.equal(null);
    expect(index.place('/17')).to.equal(null);
    expect(index.place('no-slash')).to.equal(null);
  });

  it('drops the errors of the args and env rows of a removed stdio server', () => {
    const m = model();
    m.applyServerErrors([err('/mcp_config/stdio_servers/0/args/0'), err('/mcp_config/stdio_servers/0/env/MY_KEY')]);
    m.removeServer(m.draft.stdio[0]!.id);
    expect(m.hasErrors()).to.equal(false);
    expect(listErrors(m)).to.deep.equal([]);
  });

  it('applyServerErrors replaces earlier server errors; clearServerErrors removes them', () => {
    const m = model();
    m.applyServerErrors([err('/provider_tokens/github/token', 'one')]);
    m.applyServerErrors([err('/provider_tokens/github/host', 'two')]);
    expect(only(m).map((e) => [e[1], e[3]])).to.deep.equal([['host', 'two']]);
    m.clearServerErrors();
    expect(m.hasErrors()).to.equal(false);
  });

  it('tolerates malformed error items', () => {
    const m = model();
    m.applyServerErrors([
      null,
      42,
      { pointer: 5, message: { x: 1 } },
      { pointer: '/provider_tokens/github/token' },
    ] as unknown as ServerFieldError[]);
    expect(m.unplacedErrors()).to.deep.equal([
      { pointer: '', message: '', code: '', source: 'server' },
      { pointer: '', message: '', code: '', source: 'server' },
      { pointer: '', message: '', code: '', source: 'server' },
    ]);
    expect(m.errorsFor(m.draft.providers[0]!.id, 'token').map((e) => [e.message, e.code])).to.deep.equal([['', '']]);
  });

  // Speed is measured by `npm run bench`, not asserted here: timed tests flake on a busy machine.
  it('places 10,000 errors on a 1,000-server form', () => {
    const servers = Array.from({ length: 1000 }, (_, i) => ({
      name: `s${i}`,
      command: 'c',
      args: ['a', 'b'],
      env: { K: 'v', L: 'w' },
    }));
    const m = checkedModel({ value: { provider_tokens: {}, mcp_config: { stdio_servers: servers } } });
    const fields = ['name', 'command', 'args/1', 'env/L', 'env/K/[key]', 'args/9'];
    const errors = Array.from({ length: 10_000 }, (_, i) =>
      err(`/mcp_config/stdio_servers/${(i * 7) % 1000}/${fields[i % fields.length]}`, `e${i}`),
    );
    m.applyServerErrors(errors);
    expect(listErrors(m).length).to.equal(10_000);
    // i with (7i mod 1000) = 0 and i mod 6 = 0: the multiples of 3000.
    expect(m.errorsFor(m.draft.stdio[0]!.id, 'name').map((e) => e.message)).to.deep.equal([
      'e0',
      'e3000',
      'e6000',
      'e9000',
    ]);
  });
});
