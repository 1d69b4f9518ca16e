/** Names a newer API's save must not send (src/contract/mcp-names.ts): shared server names, headers without one. */
import { expect } from '@open-wc/testing';
import { namesRefusal } from '../../src/contract/mcp-names.js';
import { config } from './save-content.js';

describe('contract/mcp-names', () => {
  it('every server of a shared name, on its name field; other names pass', () => {
    const result = namesRefusal(
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
    expect(namesRefusal(null)).to.equal(null);
  });

  it('a header without a name, in headers or in the secret headers of its auth, on the name field', () => {
    const result = namesRefusal(
      config({
        sse_servers: [
          { url: 'https://a.example/sse', api_key: null, x: { name: 'a', headers: { '': 'v', 'X-Ok': 'w' } } },
          {
            url: 'https://b.example/sse',
            api_key: null,
            x: { name: 'b', auth: { strategy: 'header', headers: { '': 'secret' } } },
          },
        ],
      }),
    );
    expect(result?.kind === 'validation' && result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
      ['/mcp_config/sse_servers/0/headers//[key]', 'header_name_empty'],
      ['/mcp_config/sse_servers/1/auth/headers//[key]', 'header_name_empty'],
    ]);
    expect(JSON.stringify(result)).not.to.contain('secret');
    expect(result?.message).to.equal('Nothing was sent: 2 headers have no name.');
    const named = config({
      sse_servers: [{ url: 'https://a.example/sse', api_key: null, x: { name: 'a', headers: { 'X-Ok': 'w' } } }],
    });
    expect(namesRefusal(named)).to.equal(null);
  });
});
