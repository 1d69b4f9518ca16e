// @ts-check
// The MCP server map of today's servers (mcp-map.js, CURRENT-SERVERS §3), per variant, and what
// answers show of stored secrets and how the newest V1 restores them (mcp-secrets.js).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateMcpConfig } from '../mcp-map.js';
import { maskedServers, restoreMaskedSecrets } from '../mcp-secrets.js';
import { mcpRules } from '../modes.js';
import { fromPlain } from '../python-json.js';
import { plain } from '../testing/harness.js';

const NEWEST = mcpRules('agent-server', 'merge-patch');
const WRAPPED = mcpRules('agent-server', 'nested-delete');
const V1_NATIVE = mcpRules('v1', 'native');
const V1_FASTMCP = mcpRules('v1', 'fastmcp');

/**
 * @param {unknown} config
 * @param {import('../modes.js').McpRules} [rules]
 */
function check(config, rules = NEWEST) {
  const result = validateMcpConfig(fromPlain(config), rules, ['mcp_config']);
  return result.ok ? { ok: true, servers: plain(result.servers) } : { ok: false, errors: plain(result.errors) };
}

/** @param {ReturnType<typeof check>} result */
const firstError = (result) => {
  assert.equal(result.ok, false);
  return /** @type {any} */ (result).errors[0];
};

describe('the server map: shapes', () => {
  it('the newest agent-server takes a flat map; a wrapper is a server named mcpServers, which fails', () => {
    assert.deepEqual(check({ fs: { command: 'npx' } }), { ok: true, servers: { fs: { command: 'npx' } } });
    const error = firstError(check({ mcpServers: { fs: { command: 'npx' } } }));
    assert.deepEqual(error.loc, ['mcp_config', 'mcpServers', 'fs']);
    assert.equal(error.type, 'extra_forbidden');
  });

  it('wrapper-era agent-servers read mcpServers only and drop other keys (a flat map is ignored)', () => {
    assert.deepEqual(check({ mcpServers: { fs: { command: 'npx' } } }, WRAPPED).servers, { fs: { command: 'npx' } });
    assert.deepEqual(check({ fs: { command: 'npx' } }, WRAPPED).servers, {});
  });

  it('V1 takes both shapes in both variants and stores them the same', () => {
    for (const rules of [V1_NATIVE, V1_FASTMCP]) {
      assert.deepEqual(check({ fs: { command: 'npx' } }, rules).servers, { fs: { command: 'npx' } });
      assert.deepEqual(check({ mcpServers: { fs: { command: 'npx' } } }, rules).servers, { fs: { command: 'npx' } });
    }
  });

  it('null is no map at all (the field default)', () => {
    assert.deepEqual(check(null), { ok: true, servers: null });
  });
});

describe('the server map: one server', () => {
  it('stores the set fields only, in a fixed order, `type` and `shttp` read as `transport: http`', () => {
    const result = check({ docs: { url: 'https://d.example/mcp', type: 'shttp', description: 'Docs', args: null } });
    assert.deepEqual(result.servers, {
      docs: { transport: 'http', url: 'https://d.example/mcp', description: 'Docs' },
    });
    assert.equal(check({ x: { transport: 'streamable-http', url: 'https://x.example' } }).servers.x.transport, 'http');
  });

  it('refuses an unknown transport, a non-http(s) url and a blank command', () => {
    assert.deepEqual(firstError(check({ x: { transport: 'ws', url: 'https://x.example' } })).loc, [
      'mcp_config',
      'x',
      'transport',
    ]);
    assert.match(firstError(check({ x: { url: 'ftp://x.example' } })).msg, /^Value error, URL must be an http/);
    assert.equal(firstError(check({ x: { command: '  ' } })).msg, 'Value error, command cannot be empty');
  });

  it('a stdio server needs a command, a remote one a url', () => {
    assert.match(firstError(check({ x: { transport: 'stdio' } })).msg, /stdio MCP server needs a command/);
    assert.match(firstError(check({ x: { transport: 'sse' } })).msg, /remote MCP server needs a url/);
  });

  it('neither command nor url: the native model keeps it, wrapper-era variants refuse it', () => {
    assert.deepEqual(check({ x: { description: 'later' } }, V1_NATIVE).servers, { x: { description: 'later' } });
    assert.match(
      firstError(check({ x: { description: 'later' } }, V1_FASTMCP)).msg,
      /needs a command \(stdio\) or a url/,
    );
  });

  it('`enabled` is a field only in the newest variants; older ones forbid it', () => {
    assert.deepEqual(check({ x: { command: 'c', enabled: false } }).servers, { x: { command: 'c', enabled: false } });
    assert.deepEqual(check({ x: { command: 'c', enabled: false } }, V1_NATIVE).servers.x.enabled, false);
    for (const rules of [WRAPPED, V1_FASTMCP]) {
      const error = firstError(check({ mcpServers: { x: { command: 'c', enabled: false } } }, rules));
      assert.equal(error.type, 'extra_forbidden');
      assert.deepEqual(error.loc, ['mcp_config', 'mcpServers', 'x', 'enabled']);
    }
  });

  it('an unknown key is extra_forbidden; a server that is not an object is model_type', () => {
    assert.equal(firstError(check({ x: { command: 'c', colour: 'red' } })).type, 'extra_forbidden');
    assert.equal(firstError(check({ x: 'npx' })).type, 'model_type');
  });

  it('args must be strings, env and headers maps of strings', () => {
    assert.deepEqual(firstError(check({ x: { command: 'c', args: ['a', 1] } })).loc, ['mcp_config', 'x', 'args', 1n]);
    assert.equal(firstError(check({ x: { command: 'c', env: { A: 1 } } })).type, 'string_type');
    assert.equal(firstError(check({ x: { url: 'https://x.example', headers: ['a'] } })).type, 'dict_type');
  });
});

describe('the server map: auth', () => {
  it('takes every strategy, dropping keys a strategy does not have', () => {
    const servers = check({
      a: { url: 'https://a.example', auth: { strategy: 'none', value: 'ignored' } },
      b: { url: 'https://b.example', auth: { strategy: 'api_key', value: 'k', header_name: 'X-Key' } },
      c: { url: 'https://c.example', auth: { strategy: 'bearer', value: 't' } },
      d: { url: 'https://d.example', auth: { strategy: 'basic', username: 'u', password: 'p' } },
      e: { url: 'https://e.example', auth: { strategy: 'header', headers: { 'X-A': 's' } } },
      f: { url: 'https://f.example', auth: { strategy: 'oauth2', authentication: { client_id: 'id' } } },
    }).servers;
    assert.deepEqual(
      Object.values(servers).map((s) => s.auth),
      [
        { strategy: 'none' },
        { strategy: 'api_key', value: 'k', header_name: 'X-Key' },
        { strategy: 'bearer', value: 't' },
        { strategy: 'basic', username: 'u', password: 'p' },
        { strategy: 'header', headers: { 'X-A': 's' } },
        { strategy: 'oauth2', authentication: { client_id: 'id' } },
      ],
    );
  });

  it('no strategy or an unknown one is a tagged-union error; basic needs a username', () => {
    assert.equal(
      firstError(check({ x: { url: 'https://x.example', auth: { value: 't' } } })).type,
      'union_tag_not_found',
    );
    assert.equal(
      firstError(check({ x: { url: 'https://x.example', auth: { strategy: 'jwt' } } })).type,
      'union_tag_invalid',
    );
    assert.deepEqual(firstError(check({ x: { url: 'https://x.example', auth: { strategy: 'basic' } } })).loc, [
      'mcp_config',
      'x',
      'auth',
      'basic',
      'username',
    ]);
  });

  it('auth together with an explicit Authorization header is refused', () => {
    const error = firstError(
      check({ x: { url: 'https://x.example', headers: { authorization: 'Bearer t' }, auth: { strategy: 'none' } } }),
    );
    assert.match(error.msg, /'auth' cannot be combined with an explicit top-level 'Authorization' header/);
  });
});

describe('secrets', () => {
  it('validation turns a mask, an empty or a blank secret into none: entries go, auth values are null', () => {
    const servers = check({
      x: {
        url: 'https://x.example',
        headers: { A: '**********', B: '', C: 'kept' },
        auth: { strategy: 'basic', username: 'u', password: '**********' },
      },
      y: { command: 'c', env: { K: '  ', L: 'kept' } },
    }).servers;
    assert.deepEqual(servers.x.headers, { C: 'kept' });
    assert.deepEqual(servers.x.auth, { strategy: 'basic', username: 'u' });
    assert.deepEqual(servers.y.env, { L: 'kept' });
  });

  it('`<redacted>` and `Bearer **********` are not masks: they are stored as sent', () => {
    const servers = check({ y: { command: 'c', env: { K: '<redacted>', L: 'Bearer **********' } } }).servers;
    assert.deepEqual(servers.y.env, { K: '<redacted>', L: 'Bearer **********' });
  });

  it('answers mask every secret; the oldest agent-server shows env and headers as <redacted>', () => {
    const stored = /** @type {any} */ (
      fromPlain({
        x: { url: 'https://x.example', headers: { A: 'a' }, auth: { strategy: 'header', headers: { B: 'b' } } },
        y: { command: 'c', env: { K: 'k' }, auth: { strategy: 'api_key', value: 'v' } },
      })
    );
    assert.deepEqual(plain(maskedServers(stored, NEWEST)), {
      x: {
        url: 'https://x.example',
        headers: { A: '**********' },
        auth: { strategy: 'header', headers: { B: '**********' } },
      },
      y: { command: 'c', env: { K: '**********' }, auth: { strategy: 'api_key', value: '**********' } },
    });
    const oldest = plain(maskedServers(stored, mcpRules('agent-server', 'deep-merge')));
    assert.deepEqual(
      [oldest.x.headers, oldest.y.env, oldest.y.auth.value],
      [{ A: '<redacted>' }, { K: '<redacted>' }, '**********'],
    );
  });
});

describe('restoreMaskedSecrets (the newest V1)', () => {
  const STORED = /** @type {any} */ (
    fromPlain({
      docs: {
        url: 'https://d.example',
        headers: { 'X-Env': 'prod' },
        auth: { strategy: 'basic', username: 'u', password: 'pw' },
      },
      fs: { command: 'npx', env: { API_KEY: 'secret', OTHER: 'o' } },
    })
  );
  /** @param {unknown} sent */
  const restore = (sent) => plain(restoreMaskedSecrets(fromPlain(sent), STORED));

  it('a masked leaf in env, headers or auth gets the stored value back for a server of the same name', () => {
    const out = restore({
      docs: {
        url: 'https://d.example',
        headers: { 'X-Env': '**********' },
        auth: { strategy: 'basic', username: 'u', password: 'Bearer **********' },
      },
      fs: { command: 'npx', env: { API_KEY: '**********', OTHER: 'new' } },
    });
    assert.deepEqual(out.docs.headers, { 'X-Env': 'prod' });
    assert.equal(out.docs.auth.password, 'pw');
    assert.deepEqual(out.fs.env, { API_KEY: 'secret', OTHER: 'new' });
  });

  it('with the same strategy, auth fields left out come from the stored auth; another strategy does not', () => {
    assert.deepEqual(restore({ docs: { url: 'https://d.example', auth: { strategy: 'basic' } } }).docs.auth, {
      strategy: 'basic',
      username: 'u',
      password: 'pw',
    });
    assert.deepEqual(restore({ docs: { url: 'https://d.example', auth: { strategy: 'bearer' } } }).docs.auth, {
      strategy: 'bearer',
    });
  });

  it('a server sent with neither auth nor headers gets its stored auth back (its headers then are not)', () => {
    const out = restore({ docs: { url: 'https://d.example' } });
    assert.deepEqual(out.docs.auth, { strategy: 'basic', username: 'u', password: 'pw' });
    assert.equal(out.docs.headers, undefined);
  });

  it('a renamed server gets nothing back, and a mask for it is then dropped by validation', () => {
    const out = restore({ renamed: { command: 'npx', env: { API_KEY: '**********' } } });
    assert.deepEqual(out.renamed.env, { API_KEY: '**********' });
    assert.deepEqual(check(out, V1_NATIVE).servers.renamed, { command: 'npx', env: {} });
  });

  it('takes a wrapped map and gives a flat one', () => {
    assert.deepEqual(Object.keys(restore({ mcpServers: { fs: { command: 'npx' } } })), ['fs']);
  });
});
