/**
 * Where a written MCP entry holds secrets (src/contract/entry-secrets.ts): what the newer clients
 * and testers redact from every message, and which values read back masked.
 */
import { expect } from '@open-wc/testing';
import { entrySecrets, maskedSecretPaths, typedSecrets, walkLeaves } from '../../src/contract/entry-secrets.js';
import { writeServerMap } from '../../src/contract/mcp-map.js';
import { config, content, MASK } from './save-content.js';

const wire = { write: writeServerMap as (c: Parameters<typeof writeServerMap>[0]) => Record<string, never> };

describe('contract/entry-secrets', () => {
  it("typed secrets of a save: values, the URL's password and query values; never masks, strategies, header names or user names", () => {
    const servers = config({
      sse_servers: [
        { url: 'https://me:url-pass%21@a.example/sse?key=q-secret', api_key: 'typed-api-key', x: { name: 'a' } },
      ],
      shttp_servers: [
        {
          url: 'https://b.example/mcp',
          api_key: null,
          x: {
            name: 'b',
            headers: { 'X-K': MASK, Plain: 'p-value', Auth: 'Bearer **********' },
            auth: { strategy: 'basic', username: 'me', password: 'typed-password' },
          },
        },
      ],
      stdio_servers: [{ name: 'fs', command: 'npx', args: [], env: { A: MASK, B: 'typed-env', C: '<redacted>' } }],
    });
    expect(typedSecrets(wire, content({ servers })).sort()).to.deep.equal(
      ['p-value', 'q-secret', 'typed-api-key', 'typed-env', 'typed-password', 'url-pass!', 'url-pass%21'].sort(),
    );
    expect(typedSecrets(wire, content({ servers: null }))).to.deep.equal([]);
  });

  it('masked values: either mask, and a scheme before the mask', () => {
    const entry = {
      url: 'https://b.example',
      headers: { A: MASK, B: 'Bearer **********', C: 'Bearer not-masked', D: 'x **********' },
      auth: { strategy: 'header', headers: { E: '<redacted>' } },
      env: { F: '***' },
    };
    expect(maskedSecretPaths(entry)).to.deep.equal([
      ['headers', 'A'],
      ['headers', 'B'],
      ['headers', 'D'],
      ['auth', 'headers', 'E'],
    ]);
    expect(entrySecrets(entry).sort()).to.deep.equal(['***', 'Bearer not-masked']);
  });

  it('a hostile value: deep nesting and huge objects end quickly, own keys only', () => {
    let deep: Record<string, unknown> = { v: 'leaf' };
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const wide: Record<string, string> = {};
    for (let i = 0; i < 50_000; i++) wide[`K${i}`] = 'v';
    let visited = 0;
    let deepest = 0;
    const tops = new Set<string>();
    walkLeaves({ proto: Object.create({ inherited: 'x' }) as unknown, deep, wide }, (path) => {
      visited++;
      deepest = Math.max(deepest, path.length);
      tops.add(path[0]!);
    });
    expect(visited).to.equal(10_000);
    expect(deepest).to.be.at.most(8);
    // An inherited key is no leaf; the deep one is past the depth limit.
    expect([...tops]).to.deep.equal(['wide']);
  });
});
