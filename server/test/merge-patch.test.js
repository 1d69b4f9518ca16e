// @ts-check
// The three merges of today's servers (merge-patch.js): what a null means decides whether one MCP
// server can be deleted by a patch.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepMergeKeepingNulls, deepMergeNestedDelete, mergePatch } from '../merge-patch.js';
import { fromPlain } from '../python-json.js';
import { plain } from '../testing/harness.js';

/** @param {unknown} v */
const map = (v) => /** @type {Map<string, import('../python-json.js').PyValue>} */ (fromPlain(v));

const STORED = {
  mcp_config: { a: { url: 'https://a.example', headers: { X: '1', Y: '2' } }, b: { command: 'b' } },
  n: 1,
};

describe('mergePatch (RFC 7386)', () => {
  it('a null deletes the key at any depth: one server, one header', () => {
    const patch = { mcp_config: { b: null, a: { headers: { Y: null } } } };
    assert.deepEqual(plain(mergePatch(map(STORED), map(patch))), {
      mcp_config: { a: { url: 'https://a.example', headers: { X: '1' } } },
      n: 1,
    });
  });

  it('an object merges into a non-object, its nulls dropped; anything else replaces', () => {
    assert.deepEqual(plain(mergePatch(map({ n: 1, l: [1] }), map({ n: { x: null, y: 2 }, l: [2] }))), {
      n: { y: 2 },
      l: [2],
    });
  });

  it('does not change its inputs', () => {
    const stored = map(STORED);
    mergePatch(stored, map({ mcp_config: { b: null } }));
    assert.deepEqual(plain(stored), STORED);
  });
});

describe('deepMergeNestedDelete (the middle agent-server)', () => {
  it('a null inside a nested map deletes that entry', () => {
    const merged = deepMergeNestedDelete(map(STORED), map({ mcp_config: { b: null, a: { headers: { X: null } } } }));
    assert.deepEqual(plain(merged), { mcp_config: { a: { url: 'https://a.example', headers: { Y: '2' } } }, n: 1 });
  });

  it('a null on a top-level field is kept, for validation to refuse', () => {
    assert.deepEqual(plain(deepMergeNestedDelete(map(STORED), map({ n: null }))).n, null);
  });
});

describe('deepMergeKeepingNulls (the oldest agent-server)', () => {
  it('nested maps merge, a null is stored as a value: nothing can be deleted', () => {
    const merged = deepMergeKeepingNulls(map(STORED), map({ mcp_config: { b: null, c: { command: 'c' } } }));
    assert.deepEqual(plain(merged).mcp_config, {
      a: { url: 'https://a.example', headers: { X: '1', Y: '2' } },
      b: null,
      c: { command: 'c' },
    });
  });
});
