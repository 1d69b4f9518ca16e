/**
 * Saving MCP servers whose secrets came back masked (src/contract/mcp-masks.ts): the agent-server's
 * merge patch leaves unchanged secrets out, and keeps only the masks no stored value stands behind
 * (for the client to refuse). Property: applied by json-merge-patch to the stored map, the patch gives the
 * desired map, the unchanged masked secrets keeping their stored value.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { apply as referenceApply } from 'json-merge-patch';
import { readServerMap, writeServerMap } from '../../src/contract/mcp-map.js';
import { mcpPatch } from '../../src/contract/mcp-masks.js';
import { maskedLeaves } from '../../src/contract/mcp-secrets.js';
import { isMasked, SECRET_MASKS, type NamedMcpConfig } from '../../src/contract/mcp-server.js';
import { applyMergePatch, cloneJson } from '../../src/contract/merge-patch.js';
import { anyKey, objectOf, prototypeState, REFERENCE_BLIND_KEYS, stripNullMembers } from './json-arbitraries.js';
import { mcpArbitraries } from './mcp-arbitraries.js';

const MASK = '**********';
const EMPTY: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };

function config(map: Record<string, unknown>): NamedMcpConfig {
  return readServerMap(map)!.config;
}

function patchOf(stored: Record<string, unknown> | null, desired: Record<string, unknown> | null) {
  return mcpPatch(stored && config(stored), desired && config(desired));
}

describe('mcp masks: the merge patch for the agent-server', () => {
  const stored = {
    fs: { command: 'npx', env: { API_KEY: MASK, MODE: 'a', OLD: 'o' } },
    docs: {
      transport: 'http',
      url: 'https://d.example',
      headers: { 'X-Key': '<redacted>', 'X-Gone': 'g' },
      auth: { strategy: 'bearer', value: MASK },
    },
    gone: { transport: 'sse', url: 'https://g.example/sse' },
  };

  it('is undefined when nothing changed, masks and all', () => {
    expect(patchOf(stored, cloneJson(stored) as typeof stored)).to.equal(undefined);
    expect(patchOf(null, null)).to.equal(undefined);
    expect(patchOf(null, {})).to.equal(undefined);
  });

  it('leaves unchanged secrets out (either mask), and removes what was removed with null', () => {
    const desired = {
      fs: { command: 'npx', env: { API_KEY: MASK, MODE: 'b', NEW: 'n' } },
      docs: {
        transport: 'http',
        url: 'https://d.example',
        headers: { 'X-Key': MASK },
        auth: { strategy: 'api_key', value: MASK, header_name: 'X-Api' },
      },
    };
    expect(patchOf(stored, desired)).to.deep.equal({
      fs: { env: { MODE: 'b', NEW: 'n', OLD: null } },
      docs: { headers: { 'X-Gone': null }, auth: { strategy: 'api_key', header_name: 'X-Api' } },
      gone: null,
    });
  });

  it('sends a secret that was typed anew, and removes all servers for a null config', () => {
    const desired = { ...stored, fs: { command: 'npx', env: { API_KEY: 'typed', MODE: 'a', OLD: 'o' } } };
    expect(patchOf(stored, desired)).to.deep.equal({ fs: { env: { API_KEY: 'typed' } } });
    expect(patchOf(stored, null)).to.deep.equal({ fs: null, docs: null, gone: null });
  });

  it('keeps the masks it cannot leave out, for the client to refuse: a new or renamed server, a stored value that is not masked', () => {
    const desired = {
      ...stored,
      renamed: stored.fs,
      docs: { ...stored.docs, headers: { 'X-Key': 'Bearer **********', 'X-Gone': MASK } },
    };
    expect(maskedLeaves(patchOf(stored, desired))).to.deep.equal([
      { server: 'renamed', path: ['env', 'API_KEY'] },
      { server: 'docs', path: ['headers', 'X-Gone'] },
    ]);
    // A secret moved under another strategy's field is no longer where it was stored.
    const basic = { ...stored, docs: { ...stored.docs, auth: { strategy: 'basic', username: 'u', password: MASK } } };
    expect(maskedLeaves(patchOf(stored, basic))).to.deep.equal([{ server: 'docs', path: ['auth', 'password'] }]);
  });

  it("a V0 api_key's mask is unchanged where it is stored under the name it is written by", () => {
    const desired: NamedMcpConfig = { ...EMPTY, sse_servers: [{ url: 'https://v0.example/sse', api_key: MASK }] };
    expect(maskedLeaves(mcpPatch(EMPTY, desired))).to.deep.equal([{ server: 'v0-example', path: ['auth', 'value'] }]);
    const storedV0 = config({
      'v0-example': { transport: 'sse', url: 'https://v0.example/sse', auth: { strategy: 'bearer', value: MASK } },
    });
    expect(mcpPatch(storedV0, desired)).to.equal(undefined);
  });

  it('never touches opaque entries, and keeps their names from new servers', () => {
    const read = readServerMap({ odd: { transport: 'websocket', url: 'wss://o.example' }, a: { command: 'c' } })!;
    const desired: NamedMcpConfig = {
      ...read.config,
      stdio_servers: [...read.config.stdio_servers, { name: 'odd', command: 'new', args: [], env: {} }],
    };
    expect(mcpPatch(read.config, desired, read.opaque)).to.deep.equal({ 'odd-2': { command: 'new' } });
    expect(mcpPatch(read.config, EMPTY, read.opaque)).to.deep.equal({ a: null });
  });
});

// ---------------------------------------------------------------------------------------------
// Property

/** Deep equality where two masks are equal (a masked-unchanged leaf keeps its stored mask). */
function equalModuloMasks(a: unknown, b: unknown): boolean {
  if (isMasked(a) && isMasked(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => equalModuloMasks(v, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equalModuloMasks((a as never)[k], (b as never)[k]))
  );
}

/** The masks of `after` at a place where `before` holds no mask: the ones no patch can keep. */
function unmatchedMasks(before: unknown, after: unknown): number {
  if (isMasked(after)) return isMasked(before) ? 0 : 1;
  if (typeof after !== 'object' || after === null) return 0;
  const previous = typeof before === 'object' && before !== null ? (before as Record<string, unknown>) : {};
  return Object.keys(after).reduce(
    (n, k) =>
      n +
      unmatchedMasks(
        Object.prototype.hasOwnProperty.call(previous, k) ? previous[k] : undefined,
        (after as Record<string, unknown>)[k],
      ),
    0,
  );
}

/**
 * `a` and `b` mixed by `pick` (a random but fixed function of the path): each member from one or
 * the other, or (outside the fields that decide the list) dropped. Two entries of the same kind
 * give one of that kind: changed fields, added and removed env keys and headers, masks kept or not.
 */
function mix(a: unknown, b: unknown, pick: (path: string) => number, path = ''): unknown {
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) ||
    Array.isArray(b)
  )
    return pick(path) % 2 === 0 ? a : b;
  const entries: [string, unknown][] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const at = `${path}/${key}`;
    const inA = Object.prototype.hasOwnProperty.call(a, key);
    const inB = Object.prototype.hasOwnProperty.call(b, key);
    const choice = pick(at);
    const required = path === '' && ['command', 'url', 'transport'].includes(key);
    if (choice === 2 && !required) continue;
    if (inA && inB)
      entries.push([
        key,
        choice === 1 ? mix(a[key as never], b[key as never], pick, at) : (choice === 0 ? a : b)[key as never],
      ]);
    else entries.push([key, (inA ? a : b)[key as never]]);
  }
  return objectOf(entries);
}

/** `value` with each mask kept, swapped for the other mask, or replaced by a typed secret (by `pick`). */
function remask(value: unknown, pick: (path: string) => number, path = ''): unknown {
  if (isMasked(value)) return [value, SECRET_MASKS.find((mask) => mask !== value), 'typed'][pick(path)];
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item, i) => remask(item, pick, `${path}/${i}`));
  return objectOf(Object.entries(value).map(([k, v]) => [k, remask(v, pick, `${path}/${k}`)] as const));
}

/** Stored and desired maps over the same names: a server kept, changed, removed, added. */
function mapPairs(key: fc.Arbitrary<string>) {
  const { serverName, stdioEntry, urlEntry } = mcpArbitraries(key);
  return fc
    .uniqueArray(
      fc.tuple(
        serverName,
        fc.oneof(fc.tuple(stdioEntry, stdioEntry), fc.tuple(urlEntry, urlEntry)),
        fc.constantFrom('same', 'mixed', 'remasked', 'other', 'removed', 'added'),
      ),
      { selector: ([name]) => name, maxLength: 5 },
    )
    .chain((servers) =>
      fc.func(fc.integer({ min: 0, max: 2 })).map((pick) => {
        const stored: [string, unknown][] = [];
        const desired: [string, unknown][] = [];
        for (const [name, [a, b], change] of servers) {
          if (change !== 'added') stored.push([name, a]);
          if (change === 'same') desired.push([name, cloneJson(a)]);
          if (change === 'mixed') desired.push([name, mix(a, b, (path) => pick(name, path))]);
          if (change === 'remasked') desired.push([name, remask(a, (path) => pick(name, path))]);
          if (change === 'other' || change === 'added') desired.push([name, b]);
        }
        return [objectOf(stored), objectOf(desired)] as const;
      }),
    );
}

/** The property, with json-merge-patch or our own application as the patch's reader. */
function patchReachesDesired(key: fc.Arbitrary<string>, apply: (target: unknown, patch: unknown) => unknown): void {
  const before = prototypeState();
  fc.assert(
    fc.property(mapPairs(key), ([storedMap, desiredMap]) => {
      const stored = readServerMap(storedMap)!;
      const desired = readServerMap(desiredMap)!;
      // Both are maps a read and a write leave as they are (test/contract/mcp-map.test.ts).
      expect(writeServerMap(desired.config)).to.deep.equal(desiredMap);
      const patch = mcpPatch(stored.config, desired.config);
      // The masks left in the patch are exactly those no stored mask stands behind.
      expect(maskedLeaves(patch)).to.have.length(unmatchedMasks(storedMap, desiredMap));
      const applied = patch === undefined ? storedMap : apply(cloneJson(storedMap), patch);
      expect(
        equalModuloMasks(stripNullMembers(applied), stripNullMembers(desiredMap)),
        JSON.stringify({ storedMap, desiredMap, patch, applied }),
      ).to.equal(true);
    }),
    { numRuns: 400 },
  );
  expect(prototypeState()).to.equal(before);
}

describe('mcp masks: properties', () => {
  it('applied by json-merge-patch to the stored map, the patch gives the desired map; unchanged secrets keep their stored value', () => {
    patchReachesDesired(
      anyKey.filter((k) => !REFERENCE_BLIND_KEYS.includes(k)),
      referenceApply,
    );
  });

  it('the same with __proto__, constructor... as names and keys (applied by applyMergePatch, tested against json-merge-patch)', () => {
    patchReachesDesired(anyKey, applyMergePatch);
  });
});
