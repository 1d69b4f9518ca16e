/**
 * The form model between the newer APIs' wire shape and back (contract/mcp-map.ts): a stored map
 * read into the form, and written from it again untouched, is the map as stored. The model carries
 * what those APIs store besides V0's fields (`x`) through its rows, its baseline and its body.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readServerMap, writeServerMap } from '../../src/contract/mcp-map.js';
import { FormModel } from '../../src/model/form-model.js';
import { mcpBody } from '../../src/model/to-body.js';
import { mcpArbitraries } from '../contract/mcp-arbitraries.js';

/**
 * Keys as the form keeps them: an environment variable's name is sent trimmed, and a blank one is
 * not sent (V0's rules, to-body.ts), so keys here are trimmed and not blank.
 */
const formKey = fc
  .string({ minLength: 1, maxLength: 6 })
  .filter((k) => k.trim() === k && k !== '' && k !== '__proto__');
const { namedConfig, wireMap } = mcpArbitraries(formKey);

function throughForm(mcp: unknown): FormModel {
  const model = new FormModel({ providers: [] });
  model.setSettings({ provider_tokens_set: {}, mcp_config: mcp as never });
  return model;
}

describe('form model: the newer APIs’ MCP map through the form and back', () => {
  it('any named config, taken as stored, is what the form sends and what it takes as stored', () => {
    fc.assert(
      fc.property(namedConfig, (config) => {
        const model = throughForm(config);
        const sent = mcpBody(model.draft, true);
        expect(writeServerMap(sent!)).to.deep.equal(writeServerMap(config));
        expect(model.storedState(true).mcp).to.deep.equal(sent);
        expect(model.dirty).to.equal(false);
      }),
      { numRuns: 200 },
    );
  });

  it('any stored wire map, read into the form and written from it untouched, is the map as stored', () => {
    fc.assert(
      fc.property(wireMap, (map) => {
        const read = readServerMap(map)!;
        const model = throughForm(read.config);
        expect(writeServerMap(mcpBody(model.draft, true)!, read.opaque)).to.deep.equal(map);
      }),
      { numRuns: 200 },
    );
  });

  it('an edit of what only the newer APIs store makes the form dirty, and its undo clean', () => {
    const model = throughForm({
      sse_servers: [{ url: 'https://a.example/sse', api_key: null, x: { name: 'a', enabled: true } }],
      shttp_servers: [],
      stdio_servers: [],
    });
    const row = model.draft.sse[0]!;
    model.setExtras(row.id, { ...row.x, enabled: false }, 'enabled');
    expect(model.dirty).to.equal(true);
    expect(writeServerMap(mcpBody(model.draft, true)!)['a']).to.deep.include({ enabled: false });
    model.setExtras(row.id, { name: 'a', enabled: true }, 'enabled');
    expect(model.dirty).to.equal(false);
  });

  it('a value laid over the form keeps each server’s name with its server, not with its place', () => {
    const model = throughForm({
      sse_servers: [
        { url: 'https://a.example/sse', api_key: null, x: { name: 'a', headers: { 'X-A': 'secret-a' } } },
        { url: 'https://b.example/sse', api_key: null, x: { name: 'b' } },
      ],
      shttp_servers: [],
      stdio_servers: [],
    });
    model.setValue({
      mcp_config: { sse_servers: [{ url: 'https://b.example/sse' }], shttp_servers: [], stdio_servers: [] },
    });
    const sent = mcpBody(model.draft, true)!;
    expect(sent.sse_servers).to.have.length(1);
    expect(sent.sse_servers[0]!.x, 'A’s name and headers do not go with B').to.equal(undefined);
    model.setValue(model.toBody());
    expect(mcpBody(model.draft, true)!.sse_servers[0]!.x).to.equal(undefined);
  });
});
