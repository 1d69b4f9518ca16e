import { expect } from '@open-wc/testing';
import { CONTRACT_VALIDATORS, type FieldIssue } from '../../src/contract/validate.js';
import { FormChecks } from '../../src/model/checks.js';
import { SECTION_IDS, type StdioServerRow } from '../../src/model/draft.js';
import { FormModel, UNPLACED_ROW_ID } from '../../src/model/form-model.js';
import { isBareDomain, isBitbucketToken } from '../../src/model/rules.js';
import { checkedModel } from '../helpers/model.js';
import { schemelessSseUrl } from '../helpers/bodies.js';
import { listErrors } from '../../src/model/error-list.js';

/** [code, message, source] of a field's errors. */
function errs(model: FormModel, rowId: string, field: string): [string, string, string][] {
  return model.errorsFor(rowId, field).map((e) => [e.code, e.message, e.source]);
}

function provider(model: FormModel, name: string): string {
  return model.draft.providers.find((p) => p.provider === name)!.id;
}

const TOKEN_FOR_HOST = [
  'token_required_for_host',
  'Enter a token: the server does not save a host on its own',
  'client',
];

describe('FormModel: checks handed over later', () => {
  it('edits without checks, refuses to check or place errors until it has them, then checks what was typed', () => {
    const m = new FormModel({ value: schemelessSseUrl() });
    expect(m.canValidate).to.equal(false);
    const sse = m.draft.sse[0]!.id;
    m.setField(sse, 'url', 'still.no.scheme');
    expect(m.fieldValue(sse, 'url')).to.equal('still.no.scheme');
    expect(() => m.validateAll()).to.throw(/no checks yet/);
    expect(() => m.validateField(sse, 'url')).to.throw(/no checks yet/);
    expect(() => m.applyServerErrors([{ pointer: '/mcp_config', message: 'x', type: 'x' }])).to.throw(/no checks yet/);
    expect(m.hasErrors()).to.equal(false);

    m.useChecks(new FormChecks(CONTRACT_VALIDATORS));
    expect(m.canValidate).to.equal(true);
    expect(m.validateField(sse, 'url')).to.equal(true);
    expect(errs(m, sse, 'url')).to.deep.equal([
      ['url_no_scheme', 'URL must include a scheme (http:// or https://)', 'client'],
    ]);
    expect(m.validateAll()).to.equal(false);
  });

  it('one set of checks serves many models: each checks its own draft', () => {
    const checks = new FormChecks(CONTRACT_VALIDATORS);
    const a = new FormModel({ value: schemelessSseUrl(), checks });
    const b = new FormModel({ value: { provider_tokens: {}, mcp_config: null }, checks });
    expect(a.validateAll()).to.equal(false);
    expect(b.validateAll()).to.equal(true);
    expect(b.hasErrors()).to.equal(false);
  });
});

describe('FormModel: checking again', () => {
  it('re-checks a server whose name, command, arguments or variables changed since the last check, and only those', () => {
    let calls = 0;
    const m = checkedModel({
      value: {
        provider_tokens: {},
        mcp_config: {
          sse_servers: [],
          shttp_servers: [],
          stdio_servers: [
            { name: 'one', command: 'npx', args: ['-y'], env: { A: '1' } },
            { name: 'two', command: 'uvx', args: [], env: {} },
          ],
        },
      },
      validators: { stdioServer: (server) => (calls++, CONTRACT_VALIDATORS.stdioServer(server)) },
    });
    const [one, two] = m.draft.stdio as [StdioServerRow, StdioServerRow];
    expect(m.validateAll()).to.equal(true);
    expect(calls).to.equal(2);
    expect(m.validateAll()).to.equal(true);
    expect(calls, 'nothing changed: nothing re-checked').to.equal(2);

    m.setField(one.id, 'command', 'npx two');
    expect(m.validateAll()).to.equal(false);
    expect(calls).to.equal(3);
    expect(errs(m, one.id, 'command')[0]![0]).to.equal('command_has_space');

    m.setField(one.id, 'command', 'npx');
    m.setField(one.args[0]!.id, 'value', '--yes');
    m.setField(one.env[0]!.id, '[key]', '');
    expect(m.validateAll()).to.equal(false);
    expect(errs(m, one.env[0]!.id, '[key]')[0]![0]).to.equal('env_key_empty');
    m.setField(one.env[0]!.id, '[key]', 'A');
    m.setField(one.env[0]!.id, 'value', '2');
    expect(m.validateAll()).to.equal(true);
    m.setField(two.id, 'name', 'two words');
    expect(m.validateAll()).to.equal(false);
    expect(errs(m, two.id, 'name')[0]![0]).to.equal('name_invalid');
    expect(m.errorsFor(one.id, 'command')).to.deep.equal([]);
  });

  it('checking ahead fills the verdicts without showing anything, and stops when told to', () => {
    let calls = 0;
    const m = checkedModel({
      value: {
        provider_tokens: {},
        mcp_config: {
          sse_servers: [
            { url: 'bad', api_key: null },
            { url: 'https://ok.example.com', api_key: null },
          ],
          shttp_servers: [],
          stdio_servers: [],
        },
      },
      validators: { urlServer: (server) => (calls++, CONTRACT_VALIDATORS.urlServer(server)) },
    });
    let budget = 1;
    expect(m.checkAhead(() => budget-- > 0)).to.equal(false);
    expect(calls).to.equal(1);
    expect(m.hasErrors()).to.equal(false);
    expect(m.checkAhead(() => true)).to.equal(true);
    expect(calls).to.equal(2);
    expect(m.hasErrors()).to.equal(false);
    expect(m.validateAll()).to.equal(false);
    expect(calls, 'the verdicts were ready').to.equal(2);
    expect(errs(m, m.draft.sse[0]!.id, 'url')[0]![0]).to.equal('url_no_scheme');
  });
});

describe('FormModel: model rules', () => {
  it('flags a host without a token on a provider with nothing stored, and still sends it', () => {
    const m = checkedModel();
    m.setField(provider(m, 'gitlab'), 'host', 'gitlab.example.com');
    expect(m.validateAll()).to.equal(false);
    expect(errs(m, provider(m, 'gitlab'), 'token')).to.deep.equal([TOKEN_FOR_HOST]);
    expect(listErrors(m).map((e) => [e.pointer, e.code])).to.deep.equal([
      ['/provider_tokens/gitlab/token', 'token_required_for_host'],
    ]);
    expect(m.toBody().provider_tokens).to.deep.equal({ gitlab: { token: null, host: 'gitlab.example.com' } });
  });

  it('accepts a host alone on a stored provider (the stored token stays)', () => {
    const m = checkedModel({ settings: { provider_tokens_set: { gitlab: null } } });
    m.setField(provider(m, 'gitlab'), 'host', 'gitlab.example.com');
    expect(m.validateAll()).to.equal(true);
    expect(m.hasErrors()).to.equal(false);
  });

  it('wants a bare domain for GitHub and Bitbucket hosts only', () => {
    const m = checkedModel({ providers: ['github', 'gitlab', 'bitbucket', 'azure_devops'] });
    m.setField(provider(m, 'github'), 'token', 't');
    m.setField(provider(m, 'github'), 'host', 'https://github.example.com');
    m.setField(provider(m, 'bitbucket'), 'token', 'u:p');
    m.setField(provider(m, 'bitbucket'), 'host', 'bitbucket.example.com/scm');
    m.setField(provider(m, 'gitlab'), 'token', 't');
    m.setField(provider(m, 'gitlab'), 'host', 'https://gitlab.example.com');
    m.setField(provider(m, 'azure_devops'), 'token', 't');
    m.setField(provider(m, 'azure_devops'), 'host', 'https://dev.azure.com/org');
    expect(m.validateAll()).to.equal(false);
    expect(listErrors(m).map((e) => [e.pointer, e.code, e.message])).to.deep.equal([
      ['/provider_tokens/github/host', 'host_bare_domain', 'Enter the domain only, e.g. github.example.com'],
      ['/provider_tokens/bitbucket/host', 'host_bare_domain', 'Enter the domain only, e.g. bitbucket.example.com'],
    ]);
  });

  it('recognises bare domains', () => {
    const ok = ['github.example.com', 'github.example.com:8443', 'localhost', '10.0.0.1', 'bücher.example', 'a-b.c'];
    const bad = [
      'https://github.example.com',
      'github.example.com/',
      'gh .example.com',
      'user@gh.example.com',
      '-a.com',
      'a..b',
      'a.com:',
      'a.com?x',
      '',
    ];
    expect(ok.map(isBareDomain)).to.deep.equal(ok.map(() => true));
    expect(bad.map(isBareDomain)).to.deep.equal(bad.map(() => false));
  });

  it('accepts both kinds of Bitbucket token OpenHands can send: access tokens (Bearer) and email:api_token (Basic)', () => {
    const m = checkedModel({ settings: { provider_tokens_set: { bitbucket: null } } });
    expect(m.validateAll()).to.equal(true);
    // A repository, project or workspace access token has no colon: sent as a Bearer token.
    m.setField(provider(m, 'bitbucket'), 'token', 'ATCTT3xFfGN0-access-token');
    expect(m.validateAll()).to.equal(true);
    m.setField(provider(m, 'bitbucket'), 'token', 'me@example.com:ATATT3x-api-token');
    expect(m.validateAll()).to.equal(true);
    // With a colon it is HTTP Basic: both sides are needed.
    m.setField(provider(m, 'bitbucket'), 'token', 'me@example.com:');
    expect(m.validateAll()).to.equal(false);
    expect(errs(m, provider(m, 'bitbucket'), 'token')).to.deep.equal([
      [
        'bitbucket_token_format',
        'Enter email:api_token (something on both sides of the colon), or an access token without one',
        'client',
      ],
    ]);
    expect(['u:p', ':p', 'u:', 'u:p:q', 'token'].map(isBitbucketToken)).to.deep.equal([true, false, false, true, true]);
  });

  it('checks nothing on a removed provider', () => {
    const m = checkedModel({ settings: { provider_tokens_set: { github: null } } });
    m.setField(provider(m, 'github'), 'host', 'https://bad/');
    m.removeProvider(provider(m, 'github'));
    expect(m.validateAll()).to.equal(true);
  });

  it('skips a blank env row, wants a name for a value, and flags the later of two equal keys', () => {
    const m = checkedModel();
    const s = m.addServer('stdio');
    m.setField(s, 'name', 'srv');
    m.setField(s, 'command', 'run');
    m.addEnv(s, ' ', '');
    const a = m.addEnv(s, 'A', '1');
    const noName = m.addEnv(s, '', 'value');
    const dup = m.addEnv(s, ' A ', '2');
    expect(m.validateAll()).to.equal(false);
    expect(listErrors(m).map((e) => [e.target.rowId, e.pointer, e.code, e.message])).to.deep.equal([
      [noName, '/mcp_config/stdio_servers/0/env//[key]', 'env_key_empty', 'Enter a variable name'],
      [dup, '/mcp_config/stdio_servers/0/env/A/[key]', 'env_key_duplicate', 'This variable is already set above'],
    ]);
    expect(m.errorsFor(a, '[key]')).to.deep.equal([]);
  });

  it('lets a host page override the texts of its rules', () => {
    const m = checkedModel({
      messages: { token_required_for_host: 'Token fehlt', host_bare_domain: 'Nur Domain, z. B. {example}' },
    });
    m.setField(provider(m, 'github'), 'host', 'https://x');
    expect(m.validateAll()).to.equal(false);
    expect(listErrors(m).map((e) => e.message)).to.deep.equal(['Token fehlt', 'Nur Domain, z. B. github.example.com']);
  });
});

describe('FormModel: contract validation', () => {
  it('puts the contract issues of the whole body on their fields', () => {
    const m = checkedModel();
    const sse = m.addServer('sse');
    const stdio = m.addServer('stdio');
    m.setField(stdio, 'name', 'has space');
    m.setField(stdio, 'command', 'npx');
    expect(m.validateAll()).to.equal(false);
    expect(errs(m, sse, 'url')).to.deep.equal([['url_empty', 'URL cannot be empty', 'client']]);
    expect(errs(m, stdio, 'name')).to.deep.equal([
      ['name_invalid', 'Server name can only contain letters, numbers, hyphens, and underscores', 'client'],
    ]);
    expect(errs(m, stdio, 'command')).to.deep.equal([]);
  });

  it('validateAll replaces client errors and keeps server errors', () => {
    const m = checkedModel();
    const sse = m.addServer('sse');
    m.applyServerErrors([{ pointer: '/mcp_config/sse_servers/0/api_key', message: 'from server', type: 'x' }]);
    expect(m.validateAll()).to.equal(false);
    m.setField(sse, 'url', 'https://ok.example.com');
    expect(m.validateAll()).to.equal(true);
    expect(m.errorsFor(sse, 'url')).to.deep.equal([]);
    expect(errs(m, sse, 'api_key')).to.deep.equal([['x', 'from server', 'server']]);
  });

  it('places a client issue the form has no field for on the nearest ancestor, and a body-level one unplaced', () => {
    const body = (): FieldIssue[] => [
      { pointer: '/mcp_config/extra', code: 'unknown_key', message: 'Extra inputs are not permitted' },
      { pointer: '', code: 'invalid', message: 'Invalid value' },
    ];
    const m = checkedModel({ validators: { body } });
    expect(m.validateAll()).to.equal(false);
    expect(listErrors(m).map((e) => [e.target.rowId, e.pointer, e.location, e.source])).to.deep.equal([
      [SECTION_IDS.mcpConfig, '/mcp_config', '/mcp_config/extra', 'client'],
      [UNPLACED_ROW_ID, '', '', 'client'],
    ]);
  });
});

describe('FormModel: editing and blur', () => {
  it('editing a field clears that field’s server and client errors, and nothing else', () => {
    const m = checkedModel();
    const a = m.addServer('sse');
    const b = m.addServer('sse');
    m.validateAll();
    m.applyServerErrors([
      { pointer: '/mcp_config/sse_servers/0/url', message: 'server url a', type: 'value_error' },
      { pointer: '/mcp_config/sse_servers/0/api_key', message: 'server key a', type: 'string_type' },
      { pointer: '/mcp_config/sse_servers/1/url', message: 'server url b', type: 'value_error' },
    ]);
    expect(m.errorsFor(a, 'url').map((e) => e.message)).to.deep.equal(['server url a', 'URL cannot be empty']);
    expect(m.setField(a, 'url', 'h')).to.equal(true);
    expect(m.errorsFor(a, 'url')).to.deep.equal([]);
    expect(m.errorsFor(a, 'api_key').map((e) => e.message)).to.deep.equal(['server key a']);
    expect(m.errorsFor(b, 'url').map((e) => e.message)).to.deep.equal(['server url b', 'URL cannot be empty']);
  });

  it('setField reports only changes beyond the text itself', () => {
    const m = checkedModel();
    const gh = provider(m, 'github');
    expect(m.setField(gh, 'token', 'a')).to.equal(true); // dirty flipped
    expect(m.setField(gh, 'token', 'ab')).to.equal(false);
    expect(m.setField(gh, 'token', 'ab')).to.equal(false); // unchanged
    expect(m.setField(gh, 'nonsense', 'x')).to.equal(false);
    expect(m.setField('r999', 'token', 'x')).to.equal(false);
    expect(m.setField(gh, 'token', '')).to.equal(true); // clean again
    const s = m.addServer('stdio');
    const env = m.addEnv(s);
    expect(m.setField(env, 'value', 'v')).to.equal(false); // the list is already dirty
    expect(m.setField(env, '[key]', 'K')).to.equal(true); // the row's data-path changed
  });

  it('validateField re-checks only the field being left', () => {
    const m = checkedModel();
    const s = m.addServer('stdio');
    m.setField(s, 'name', 'bad name');
    m.setField(s, 'command', 'two words');
    expect(m.validateField(s, 'name')).to.equal(true);
    expect(errs(m, s, 'name')).to.deep.equal([
      ['name_invalid', 'Server name can only contain letters, numbers, hyphens, and underscores', 'client'],
    ]);
    expect(m.errorsFor(s, 'command')).to.deep.equal([]);
    expect(m.validateField(s, 'name')).to.equal(false); // nothing changed
    expect(m.validateField(s, 'command')).to.equal(true);
    expect(errs(m, s, 'command')).to.deep.equal([
      [
        'command_has_space',
        'Command should be a single executable without spaces (use arguments field for parameters)',
        'client',
      ],
    ]);
    m.setField(s, 'name', 'good');
    expect(m.validateField(s, 'name')).to.equal(false); // setField already cleared it
    expect(m.errorsFor(s, 'command').length).to.equal(1);
  });

  it('validateField keeps only issues for that field, through each row validator', () => {
    const issues: FieldIssue[] = [
      { pointer: '/url', code: 'u', message: 'url issue' },
      { pointer: '/api_key', code: 'k', message: 'key issue' },
      { pointer: '/args/1', code: 'a', message: 'arg issue' },
      { pointer: '/env/K', code: 'e', message: 'env issue' },
      { pointer: '/provider_tokens/github/token', code: 't', message: 'token issue' },
      { pointer: '/provider_tokens/github/host', code: 'h', message: 'host issue' },
    ];
    const m = checkedModel({
      settings: { provider_tokens_set: { github: null } },
      validators: { urlServer: () => issues, stdioServer: () => issues, body: () => issues },
    });
    const sse = m.addServer('sse');
    const stdio = m.addServer('stdio');
    m.addArg(stdio, 'a0');
    const arg1 = m.addArg(stdio, 'a1');
    const env = m.addEnv(stdio, 'K', 'v');
    m.validateField(sse, 'url');
    m.validateField(arg1, 'value');
    m.validateField(env, 'value');
    m.validateField(provider(m, 'github'), 'token');
    expect(listErrors(m).map((e) => [e.pointer, e.message])).to.deep.equal([
      ['/provider_tokens/github/token', 'token issue'],
      ['/mcp_config/sse_servers/0/url', 'url issue'],
      ['/mcp_config/stdio_servers/0/args/1', 'arg issue'],
      ['/mcp_config/stdio_servers/0/env/K', 'env issue'],
    ]);
  });

  it('leaving a host removes a stale "token required" but never adds one; leaving the token adds it', () => {
    const m = checkedModel();
    const gl = provider(m, 'gitlab');
    m.setField(gl, 'host', 'gitlab.example.com');
    expect(m.validateField(gl, 'host')).to.equal(false);
    expect(m.errorsFor(gl, 'token')).to.deep.equal([]);
    expect(m.validateField(gl, 'token')).to.equal(true);
    expect(errs(m, gl, 'token')).to.deep.equal([TOKEN_FOR_HOST]);
    m.setField(gl, 'host', '');
    expect(m.validateField(gl, 'host')).to.equal(true);
    expect(m.errorsFor(gl, 'token')).to.deep.equal([]);
  });

  it('leaving an env key flags that row as a duplicate, and clears the flag on a sibling that no longer is one', () => {
    const m = checkedModel();
    const s = m.addServer('stdio');
    const first = m.addEnv(s, 'A', '1');
    const second = m.addEnv(s, 'B', '2');
    m.setField(second, '[key]', 'A');
    expect(m.validateField(second, '[key]')).to.equal(true);
    expect(errs(m, second, '[key]')).to.deep.equal([
      ['env_key_duplicate', 'This variable is already set above', 'client'],
    ]);
    // Renaming the first row resolves the duplicate: leaving it clears the flag on the second.
    m.setField(first, '[key]', 'C');
    expect(m.validateField(first, '[key]')).to.equal(true);
    expect(m.errorsFor(second, '[key]')).to.deep.equal([]);
    // Renaming the first row into a clash does not flag the second one before the submit.
    m.setField(first, '[key]', 'A');
    expect(m.validateField(first, '[key]')).to.equal(false);
    expect(m.errorsFor(second, '[key]')).to.deep.equal([]);
    expect(m.validateAll()).to.equal(false);
    expect(m.errorsFor(second, '[key]').map((e) => e.code)).to.deep.equal(['env_key_duplicate']);
  });

  it('shows a message once when client and server say the same thing, server first', () => {
    const m = checkedModel();
    const sse = m.addServer('sse');
    m.validateAll();
    m.applyServerErrors([
      { pointer: '/mcp_config/sse_servers/0/url', message: 'URL cannot be empty', type: 'value_error' },
    ]);
    expect(errs(m, sse, 'url')).to.deep.equal([['value_error', 'URL cannot be empty', 'server']]);
  });

  it('keeps a rejected token on its provider until the token is edited', () => {
    const m = checkedModel({ settings: { provider_tokens_set: { github: null } } });
    const gh = provider(m, 'github');
    m.setField(gh, 'token', 'ghp_bad');
    m.applyServerErrors([
      {
        pointer: '/provider_tokens/github/token',
        message: 'Invalid token. Please make sure it is a valid github token.',
        type: 'token_rejected',
      },
    ]);
    m.setField(gh, 'host', 'github.example.com');
    expect(errs(m, gh, 'token')).to.deep.equal([
      ['token_rejected', 'Invalid token. Please make sure it is a valid github token.', 'server'],
    ]);
    m.setField(gh, 'token', 'ghp_good');
    expect(m.hasErrors()).to.equal(false);
  });

  it('removing a provider drops its errors', () => {
    const m = checkedModel({ settings: { provider_tokens_set: { github: null } } });
    m.applyServerErrors([{ pointer: '/provider_tokens/github/host', message: 'x', type: '' }]);
    m.removeProvider(provider(m, 'github'));
    expect(m.hasErrors()).to.equal(false);
  });

  it('lists errors in form order: sections before their rows, fields in render order', () => {
    const m = checkedModel({
      providers: ['github', 'gitlab'],
      value: {
        provider_tokens: {},
        mcp_config: {
          sse_servers: ['https://a'],
          shttp_servers: ['https://b'],
          stdio_servers: [{ name: 'n', command: 'c', args: ['x', 'y'], env: { K: 'v' } }],
        },
      },
    });
    const shuffled = [
      '/mcp_config/stdio_servers/0/env/K',
      '/mcp_config/stdio_servers/0/env/K/[key]',
      '/mcp_config/stdio_servers/0/env',
      '/mcp_config/stdio_servers/0/args/1',
      '/mcp_config/stdio_servers/0/args/0',
      '/mcp_config/stdio_servers/0/args',
      '/mcp_config/stdio_servers/0/command',
      '/mcp_config/stdio_servers/0/name',
      '/mcp_config/stdio_servers/0',
      '/mcp_config/stdio_servers',
      '/mcp_config/shttp_servers/0/url',
      '/mcp_config/sse_servers/0/api_key',
      '/mcp_config/sse_servers/0/url',
      '/mcp_config/sse_servers/0',
      '/mcp_config/sse_servers',
      '/mcp_config',
      '/provider_tokens/gitlab/token',
      '/provider_tokens/github/host',
      '/provider_tokens/github/token',
      '/provider_tokens/github/[key]',
      '/provider_tokens/github',
      '/provider_tokens',
      '/3',
    ];
    m.applyServerErrors(shuffled.map((pointer) => ({ pointer, message: pointer, type: '' })));
    const expected = [...shuffled].reverse();
    expected.push(expected.shift()!); // the unplaced one comes last
    expect(listErrors(m).map((e) => e.pointer)).to.deep.equal(expected);
  });
});

describe('FormModel.fieldValue', () => {
  it('reads what setField wrote, for every editable field, and nothing for unknown ones', () => {
    const m = checkedModel({ providers: ['github'] });
    const github = m.draft.providers[0]!.id;
    const sse = m.addServer('sse');
    const stdio = m.addServer('stdio');
    const arg = m.addArg(stdio);
    const env = m.addEnv(stdio);
    const writes: [string, string, string][] = [
      [github, 'token', 't'],
      [github, 'host', 'h.example.com'],
      [sse, 'url', 'https://u.example.com'],
      [sse, 'api_key', 'k'],
      [stdio, 'name', 'n'],
      [stdio, 'command', 'c'],
      [arg, 'value', 'a'],
      [env, '[key]', 'K'],
      [env, 'value', 'v'],
    ];
    for (const [row, field, value] of writes) {
      m.setField(row, field, value);
      expect(m.fieldValue(row, field), `${field}`).to.equal(value);
    }
    expect(m.fieldValue(sse, 'name')).to.equal(undefined);
    expect(m.fieldValue('nope', 'url')).to.equal(undefined);
  });
});
