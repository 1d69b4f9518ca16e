/**
 * RFC 7386 JSON Merge Patch (src/contract/merge-patch.ts): the RFC's own examples, its one limit
 * (a null member cannot be set), no prototype pollution, and, as properties, agreement with an
 * independent implementation (json-merge-patch) for any pair of JSON values.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { apply as referenceApply } from 'json-merge-patch';
import { applyMergePatch, cloneJson, jsonEqual, mergePatch } from '../../src/contract/merge-patch.js';
import {
  anyKey,
  AWKWARD_KEYS,
  jsonObject,
  jsonValue,
  prototypeState,
  REFERENCE_BLIND_KEYS,
  sortedJson,
  stripNullMembers,
} from './json-arbitraries.js';

const RUNS = { numRuns: 400 };

/** json-merge-patch changes its target: it gets a copy. */
const reference = (target: unknown, patch: unknown): unknown => referenceApply(cloneJson(target), patch);

const safeKey = anyKey.filter((key) => !REFERENCE_BLIND_KEYS.includes(key));
/** A pair that shares members often: independent values, or one value and a variation of it. */
function pairs(options: Parameters<typeof jsonValue>[0]) {
  const value = fc.oneof(jsonValue(options), jsonObject(options));
  return fc.oneof(
    fc.tuple(value, value),
    fc.tuple(jsonObject(options), jsonObject(options)).map(([a, b]) => [a, { ...a, ...b }] as const),
    value.map((v) => [v, cloneJson(v)] as const),
  );
}

describe('merge patch: RFC 7386', () => {
  // RFC 7386, Appendix A: ORIGINAL, PATCH, RESULT.
  const examples: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];

  it("applies the RFC's examples", () => {
    for (const [original, patch, result] of examples) {
      expect(applyMergePatch(original, patch), JSON.stringify([original, patch])).to.deep.equal(result);
      expect(reference(original, patch)).to.deep.equal(result);
    }
  });

  it('gives the changed members, null for removed ones, and replaces arrays whole', () => {
    expect(mergePatch({ a: 1, b: 2, c: { d: 1, e: 2 } }, { a: 1, c: { d: 1, f: 3 }, g: [1] })).to.deep.equal({
      b: null,
      c: { e: null, f: 3 },
      g: [1],
    });
    expect(mergePatch({ a: [1, 2, 3] }, { a: [1, 2] })).to.deep.equal({ a: [1, 2] });
    expect(mergePatch({ a: { b: 1 } }, { a: 'x' })).to.deep.equal({ a: 'x' });
    expect(mergePatch('x', { a: { b: 1 } })).to.deep.equal({ a: { b: 1 } });
    expect(mergePatch({ a: 1 }, 2)).to.equal(2);
  });

  it('is undefined when nothing changes (key order does not count)', () => {
    expect(mergePatch({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).to.equal(undefined);
    expect(mergePatch(null, null)).to.equal(undefined);
    expect(mergePatch([], [])).to.equal(undefined);
    expect(mergePatch({ a: 1 }, null)).to.equal(null);
  });

  it('cannot set a member to null (the RFC): it removes it, the nearest state', () => {
    const patch = mergePatch({ a: 1, b: 2 }, { a: null, b: 2 });
    expect(patch).to.deep.equal({ a: null });
    expect(applyMergePatch({ a: 1, b: 2 }, patch)).to.deep.equal({ b: 2 });
    // A null member the target lacks, or already has, needs no patch at all.
    expect(mergePatch({ b: 2 }, { a: null, b: 2 })).to.equal(undefined);
    expect(mergePatch({ a: null }, { a: null })).to.equal(undefined);
    // Into a member that is not there yet, the nested nulls are left out (they would remove nothing).
    expect(mergePatch({}, { a: { b: null, c: 1 } })).to.deep.equal({ a: { c: 1 } });
    // Inside an array nothing is lost: the array is replaced whole.
    expect(mergePatch({ a: [1] }, { a: [null, { b: null }] })).to.deep.equal({ a: [null, { b: null }] });
  });

  it('leaves its target alone, and shares nothing with it or the patch', () => {
    const target = { a: { b: 1 }, c: [1] };
    const patch = { a: { d: { e: 1 } } };
    const result = applyMergePatch(target, patch) as { a: { d: object }; c: unknown[] };
    expect(target).to.deep.equal({ a: { b: 1 }, c: [1] });
    expect(result).to.deep.equal({ a: { b: 1, d: { e: 1 } }, c: [1] });
    expect(result.c).not.to.equal(target.c);
    expect(result.a.d).not.to.equal(patch.a.d);
  });

  it('takes __proto__, constructor and the like as plain members', () => {
    const before = prototypeState();
    const patch = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}',
    ) as unknown;
    const result = applyMergePatch({}, patch) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).to.equal(Object.prototype);
    expect(Object.keys(result)).to.deep.equal(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    const removed = applyMergePatch(result, JSON.parse('{"__proto__": null}'));
    expect(Object.keys(removed as object)).to.deep.equal(['constructor']);
    const diff = mergePatch(JSON.parse('{"__proto__": {"a": 1}}'), JSON.parse('{"__proto__": {"a": 2}, "b": 1}'));
    expect(JSON.stringify(diff)).to.equal('{"__proto__":{"a":2},"b":1}');
    expect(Object.getPrototypeOf(diff)).to.equal(Object.prototype);
    expect(prototypeState()).to.equal(before);
  });

  it('compares JSON values deeply, own members only', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).to.equal(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).to.equal(false);
    expect(jsonEqual([1, 2], [2, 1])).to.equal(false);
    expect(jsonEqual({}, [])).to.equal(false);
    expect(jsonEqual(JSON.parse('{"__proto__": 1}'), {})).to.equal(false);
  });
});

describe('merge patch: properties', () => {
  it('applied by json-merge-patch, the patch turns before into after (after without nulls)', () => {
    fc.assert(
      fc.property(pairs({ key: safeKey, nulls: false }), ([before, after]) => {
        const patch = mergePatch(before, after);
        if (patch === undefined) expect(before).to.deep.equal(after);
        else expect(reference(before, patch)).to.deep.equal(after);
      }),
      RUNS,
    );
  });

  it('with nulls in after, it reaches after less its null members (the RFC limit), and only then is undefined', () => {
    fc.assert(
      fc.property(pairs({ key: safeKey }), ([before, after]) => {
        const patch = mergePatch(before, after);
        const reached = patch === undefined ? before : reference(before, patch);
        expect(stripNullMembers(reached)).to.deep.equal(stripNullMembers(after));
        if (patch === undefined) expect(stripNullMembers(before)).to.deep.equal(stripNullMembers(after));
      }),
      RUNS,
    );
  });

  it('is undefined exactly when before and after are equal (after without nulls)', () => {
    fc.assert(
      fc.property(pairs({ nulls: false }), ([before, after]) => {
        expect(mergePatch(before, after) === undefined).to.equal(jsonEqual(before, after));
      }),
      RUNS,
    );
  });

  it('applyMergePatch agrees with json-merge-patch on any target and any patch', () => {
    fc.assert(
      fc.property(jsonValue({ key: safeKey }), jsonValue({ key: safeKey }), (target, patch) => {
        expect(applyMergePatch(target, patch)).to.deep.equal(reference(target, patch));
      }),
      RUNS,
    );
  });

  it('round-trips with awkward keys too (__proto__, constructor...), polluting nothing', () => {
    const before = prototypeState();
    const awkward = fc.constantFrom(...AWKWARD_KEYS, 'a');
    fc.assert(
      fc.property(pairs({ key: awkward, nulls: false }), ([from, to]) => {
        const patch = mergePatch(from, to);
        expect(patch === undefined ? from : applyMergePatch(from, patch)).to.deep.equal(to);
        // Spelled out too, in case deep equality skipped an own `__proto__`.
        expect(sortedJson(patch === undefined ? from : applyMergePatch(from, patch))).to.equal(sortedJson(to));
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });
});
