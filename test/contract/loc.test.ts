import { expect } from '@open-wc/testing';
import { locToPointer } from '../../src/contract/loc.js';

describe('contract/loc: locToPointer', () => {
  it('maps every CONTRACT.md example (pydantic v2)', () => {
    expect(locToPointer(['body', 'provider_tokens', 'github', 'token'])).to.equal('/provider_tokens/github/token');
    expect(locToPointer(['body', 'provider_tokens', 'azure_devops', '[key]'])).to.equal(
      '/provider_tokens/azure_devops/[key]',
    );
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 1, 'name'])).to.equal(
      '/mcp_config/stdio_servers/1/name',
    );
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 0, 'env', 'K'])).to.equal(
      '/mcp_config/stdio_servers/0/env/K',
    );
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 0, 'args', 2])).to.equal(
      '/mcp_config/stdio_servers/0/args/2',
    );
    expect(locToPointer(['body', 'mcp_config', 'sse_servers', 0, 'url'])).to.equal('/mcp_config/sse_servers/0/url');
    expect(locToPointer(['body', 'mcp_config', 'mcpServers'])).to.equal('/mcp_config/mcpServers');
    expect(locToPointer(['body', 17])).to.equal('/17');
    expect(locToPointer(['body'])).to.equal('');
  });

  it('maps pydantic v1 forms: __key__ becomes [key], __root__ means the object itself', () => {
    expect(locToPointer(['body', 'provider_tokens', 'azure_devops', '__key__'])).to.equal(
      '/provider_tokens/azure_devops/[key]',
    );
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 0, 'env', 'K', '__key__'])).to.equal(
      '/mcp_config/stdio_servers/0/env/K/[key]',
    );
    expect(locToPointer(['body', 'mcp_config', '__root__'])).to.equal('/mcp_config');
    expect(locToPointer(['body', '__root__'])).to.equal('');
  });

  it('escapes keys with /, ~, dots, unicode, and keeps __proto__ / constructor as plain keys', () => {
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 0, 'env', 'a/b'])).to.equal(
      '/mcp_config/stdio_servers/0/env/a~1b',
    );
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 0, 'env', '~'])).to.equal(
      '/mcp_config/stdio_servers/0/env/~0',
    );
    expect(locToPointer(['body', 'provider_tokens', 'x.y', 'token'])).to.equal('/provider_tokens/x.y/token');
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 0, 'env', 'ключ'])).to.equal(
      '/mcp_config/stdio_servers/0/env/ключ',
    );
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 0, 'env', ''])).to.equal(
      '/mcp_config/stdio_servers/0/env/',
    );
    expect(locToPointer(['body', '__proto__', 'constructor'])).to.equal('/__proto__/constructor');
    expect(locToPointer(JSON.parse('["body","provider_tokens","__proto__","token"]'))).to.equal(
      '/provider_tokens/__proto__/token',
    );
  });

  it('locs from other request parts land on the whole request; a loc without "body" is taken as body-relative', () => {
    expect(locToPointer(['header', 'x-session-api-key'])).to.equal('');
    expect(locToPointer(['query', 'q'])).to.equal('');
    expect(locToPointer(['path', 'id'])).to.equal('');
    expect(locToPointer(['cookie', 'c'])).to.equal('');
    expect(locToPointer(['mcp_config', 'sse_servers', 0, 'url'])).to.equal('/mcp_config/sse_servers/0/url');
  });

  it('never throws on garbage and stops at the first unusable segment', () => {
    const garbage: unknown[] = [undefined, null, 0, 'body', { loc: [] }, true, NaN, () => 1, Symbol('s'), new Map()];
    for (const loc of garbage) expect(locToPointer(loc)).to.equal('');
    expect(locToPointer([])).to.equal('');
    expect(locToPointer(['body', 'mcp_config', null, 'x'])).to.equal('/mcp_config');
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 1.5, 'name'])).to.equal('/mcp_config/stdio_servers');
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', -1])).to.equal('/mcp_config/stdio_servers');
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', NaN])).to.equal('/mcp_config/stdio_servers');
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', Infinity])).to.equal('/mcp_config/stdio_servers');
    expect(locToPointer(['body', 'mcp_config', 'stdio_servers', 2 ** 60])).to.equal('/mcp_config/stdio_servers');
    expect(locToPointer(['body', 'a', true])).to.equal('/a');
    expect(locToPointer(['body', 'a', { toString: () => 'x' }])).to.equal('/a');
    expect(locToPointer(['body', 'a', ['b']])).to.equal('/a');
    expect(locToPointer([null, 'a'])).to.equal('');
    expect(locToPointer([1, 'a'])).to.equal('/1/a');
  });

  it('bounds the depth of a 100,000-segment loc', () => {
    const loc: unknown[] = ['body', ...Array.from({ length: 100_000 }, () => 'a')];
    const pointer = locToPointer(loc);
    expect(pointer).to.equal('/a'.repeat(32));
  });
});
