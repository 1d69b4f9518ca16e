/**
 * Property-based tests (issue 4, item 4) with fast-check: JSON Pointers, `loc` normalisation and
 * the draft <-> body round trip hold for any input, awkward keys included, and none of them
 * touches Object.prototype.
 */
import { checkedModel } from '../helpers/model.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { locToPointer } from '../../src/contract/loc.js';
import { escapeSegment, fromPointer, toPointer, unescapeSegment } from '../../src/contract/pointer.js';
import type { ProviderSettingsBody } from '../../src/contract/schema.js';

const RUNS = { numRuns: 300 };

/** Keys that have broken code before: prototype names, RFC 6901's escapes, dots, slashes, empty, unicode. */
const AWKWARD = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '.', 'a.b', '/', 'a/b', '~', '~0', '~1',
  '~01', '[key]', '__key__', '__root__', '0', '-1', 'ключ', '😀', 'e\u0301', '\u202e', '\u0000',
];
const anyKey = fc.oneof(fc.constantFrom(...AWKWARD), fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
/** A string that the form sends unchanged (no surrounding whitespace, not empty). */
const trimmed = anyKey.filter((s) => s !== '' && s.trim() === s);

/**
 * An `mcp_config` without any server says the same as `null` (the endpoint validates it and
 * stores nothing); the form sends `null` when it has no baseline configuration. Compare modulo that.
 */
function canonical(value: ProviderSettingsBody): ProviderSettingsBody {
  const mcp = value.mcp_config;
  const empty = mcp !== null && mcp.sse_servers.length + mcp.stdio_servers.length + mcp.shttp_servers.length === 0;
  return { provider_tokens: value.provider_tokens, mcp_config: empty ? null : mcp };
}

function prototypeState(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getPrototypeOf(Object.prototype)]);
}

/** An object with exactly these own keys, `__proto__` included (plain assignment would set the prototype). */
function objectOf<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function entries<T>(value: fc.Arbitrary<T>, key = anyKey, maxLength = 4) {
  return fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength });
}

const urlServer = fc.record({ url: anyKey, api_key: fc.option(anyKey.filter((s) => s !== ''), { nil: null }) });
const envEntry = fc.tuple(anyKey.filter((k) => k.trim() === k), anyKey).filter(([k, v]) => k !== '' || v.trim() !== '');
const stdioServer = fc.record({
  name: anyKey,
  command: anyKey,
  args: fc.array(anyKey, { maxLength: 4 }),
  env: fc.uniqueArray(envEntry, { selector: ([k]) => k, maxLength: 4 }).map(objectOf),
});
const providerEntry = fc.record({ token: trimmed, host: fc.option(trimmed, { nil: null }) });
const body: fc.Arbitrary<ProviderSettingsBody> = fc.record({
  provider_tokens: entries(providerEntry, trimmed).map(objectOf),
  mcp_config: fc.option(
    fc.record({
      sse_servers: fc.array(urlServer, { maxLength: 3 }),
      stdio_servers: fc.array(stdioServer, { maxLength: 3 }),
      shttp_servers: fc.array(urlServer, { maxLength: 3 }),
    }),
    { nil: null },
  ),
});

describe('properties: JSON Pointers', () => {
  it('any list of keys encodes to a pointer and decodes back', () => {
    const before = prototypeState();
    fc.assert(
      fc.property(fc.array(fc.oneof(anyKey, fc.nat())), (segments) => {
        const pointer = toPointer(segments);
        expect(pointer === '' || pointer.startsWith('/')).to.equal(true);
        expect(fromPointer(pointer)).to.deep.equal(segments.map(String));
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });

  it('escaping any key gives a segment without "/" that unescapes to the key', () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        const segment = escapeSegment(key);
        expect(segment).not.to.contain('/');
        expect(unescapeSegment(segment)).to.equal(key);
      }),
      RUNS,
    );
  });
});

describe('properties: loc normalisation', () => {
  it('never throws and always yields a pointer, whatever the loc', () => {
    const before = prototypeState();
    const segment = fc.oneof(anyKey, fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.object(), fc.array(fc.anything()));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(segment), fc.tuple(fc.constant('body'), fc.array(segment))), (loc) => {
        const pointer = locToPointer(loc);
        expect(typeof pointer).to.equal('string');
        expect(pointer === '' || pointer.startsWith('/')).to.equal(true);
        expect(() => fromPointer(pointer)).not.to.throw();
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });

  it('a well-formed body loc becomes the pointer of its path (v1 __key__ read as [key])', () => {
    const plain = fc.oneof(anyKey.filter((k) => k !== '__root__'), fc.nat());
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 8 }), (path) => {
        const expected = toPointer(path.map((s) => (s === '__key__' ? '[key]' : s)));
        expect(locToPointer(['body', ...path])).to.equal(expected);
      }),
      RUNS,
    );
  });
});

describe('properties: draft <-> body', () => {
  it('any configuration goes into the form and comes out as the same body', () => {
    const before = prototypeState();
    fc.assert(
      fc.property(body, (value) => {
        const model = checkedModel({ providers: [], value });
        expect(canonical(model.toBody())).to.deep.equal(canonical(value));
        // And again through a form that already shows something else (reconciliation by position).
        const other = checkedModel({ providers: ['github'], value: { provider_tokens: { github: { token: 'x', host: null } }, mcp_config: null } });
        other.setValue(value);
        const out = other.toBody();
        expect(canonical(out).mcp_config).to.deep.equal(canonical(value).mcp_config);
        expect(objectOf(Object.entries(out.provider_tokens).filter(([, entry]) => entry.token !== null))).to.deep.equal(
          value.provider_tokens,
        );
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });

  it('the body a form gives goes through JSON and back unchanged, with every key an own property', () => {
    fc.assert(
      fc.property(body, (value) => {
        const out = checkedModel({ providers: [], value }).toBody();
        const copy = JSON.parse(JSON.stringify(out)) as ProviderSettingsBody;
        expect(copy).to.deep.equal(out);
        for (const key of Object.keys(value.provider_tokens)) {
          expect(Object.prototype.hasOwnProperty.call(out.provider_tokens, key), key).to.equal(true);
        }
      }),
      RUNS,
    );
  });
});
