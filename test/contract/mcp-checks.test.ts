/** What a newer API's save must not send (src/contract/mcp-checks.ts): shared server names, headers without one, incomplete auth. */
import { expect } from '@open-wc/testing';
import { checksRefusal } from '../../src/contract/mcp-checks.js';
import { config } from './save-content.js';

describe('contract/mcp-checks', () => {
  it('every server of a shared name, on its name field; other names pass', () => {
    const result = checksRefusal(
      config({
        stdio_servers: [{ name: 'docs', command: 'npx', args: [], env: {} }],
        shttp_servers: [
          { url: 'https://a.example/mcp', api_key: null, x: { name: 'docs' } },
          { url: 'https://b.example/mcp', api_key: null, x: { name: 'other' } },
        ],
      }),
    );
    expect(result?.kind === 'validation' && result.errors.map((e) => [e.pointer, e.type, e.own])).to.deep.equal([
      ['/mcp_config/shttp_servers/0/name', 'name_taken', true],
      ['/mcp_config/stdio_servers/0/name', 'name_taken', true],
    ]);
    expect(checksRefusal(null)).to.equal(null);
  });

  it('a header without a name, in headers or in the secret headers of its auth, on the name field', () => {
    const result = checksRefusal(
      config({
        sse_servers: [
          { url: 'https://a.example/sse', api_key: null, x: { name: 'a', headers: { '': 'v', 'X-Ok': 'w' } } },
          {
            url: 'https://b.example/sse',
            api_key: null,
            x: { name: 'b', auth: { strategy: 'header', headers: { '': 'the-header-secret' } } },
          },
        ],
      }),
    );
    expect(result?.kind === 'validation' && result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
      ['/mcp_config/sse_servers/0/headers//[key]', 'header_name_empty'],
      ['/mcp_config/sse_servers/1/auth/headers//[key]', 'header_name_empty'],
    ]);
    expect(JSON.stringify(result)).not.to.contain('the-header-secret');
    expect(result?.message).to.equal('Nothing was sent: 2 headers have no name.');
    const named = config({
      sse_servers: [{ url: 'https://a.example/sse', api_key: null, x: { name: 'a', headers: { 'X-Ok': 'w' } } }],
    });
    expect(checksRefusal(named)).to.equal(null);
  });

  it('an auth method without what it needs, on the field to fill; a masked value is a value', () => {
    const url = (name: string, auth: unknown) => ({
      url: `https://${name}.example/mcp`,
      api_key: null,
      x: { name, auth: auth as never },
    });
    const result = checksRefusal(
      config({
        shttp_servers: [
          url('a', { strategy: 'bearer', value: '' }),
          url('b', { strategy: 'api_key', value: '', header_name: 'X-Key' }),
          url('c', { strategy: 'basic', username: '', password: '' }),
          url('d', { strategy: 'header', headers: {} }),
          url('e', { strategy: 'bearer', value: '**********' }),
          url('f', { strategy: 'none' }),
        ],
      }),
    );
    expect(result?.kind === 'validation' && result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
      ['/mcp_config/shttp_servers/0/auth/value', 'auth_value_empty'],
      ['/mcp_config/shttp_servers/1/auth/value', 'auth_value_empty'],
      ['/mcp_config/shttp_servers/2/auth/username', 'auth_username_empty'],
      ['/mcp_config/shttp_servers/2/auth/password', 'auth_password_empty'],
      ['/mcp_config/shttp_servers/3/auth/headers', 'auth_headers_empty'],
    ]);
    expect(result?.message).to.equal('Nothing was sent: 5 auth fields lack a value they need.');
  });

  it('a stored secret of a server now pointing at another host is asked for; the same host, or a typed secret, passes', () => {
    const stored = config({
      shttp_servers: [
        {
          url: 'https://docs.example.com/mcp',
          api_key: null,
          x: { name: 'docs', headers: { 'X-Key': '**********' }, auth: { strategy: 'bearer', value: '**********' } },
        },
      ],
    });
    const moved = (url: string, value = '**********') =>
      config({
        shttp_servers: [
          {
            ...stored.shttp_servers[0]!,
            url,
            x: { ...stored.shttp_servers[0]!.x, auth: { strategy: 'bearer', value } },
          },
        ],
      });
    const result = checksRefusal(moved('https://other-host.example.net/mcp'), stored);
    expect(result?.kind === 'validation' && result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
      ['/mcp_config/shttp_servers/0/headers/X-Key', 'secret_to_new_host'],
      ['/mcp_config/shttp_servers/0/auth/value', 'secret_to_new_host'],
    ]);
    expect(result?.message).to.equal('Nothing was sent: 2 stored secrets would go to another host.');
    expect(checksRefusal(moved('https://docs.example.com/v2/mcp'), stored)).to.equal(null);
    const typed = checksRefusal(moved('https://other-host.example.net/mcp', 'typed'), stored);
    expect(typed?.kind === 'validation' && typed.errors.map((e) => e.pointer)).to.deep.equal([
      '/mcp_config/shttp_servers/0/headers/X-Key',
    ]);
  });
});
