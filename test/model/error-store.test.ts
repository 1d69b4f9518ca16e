import { expect } from '@open-wc/testing';
import { addError } from '../../src/model/error-writes.js';
import { ErrorStore, type FieldError } from '../../src/model/errors.js';

const target = { rowId: 'r1', field: 'url' };

function error(source: 'client' | 'server', message: string, subpath = ''): FieldError {
  return { message, code: source === 'client' ? 'c' : 's', source, subpath };
}

/** What a field shows, written the plain way: server first, then client, each (message, subpath) once. */
function expected(server: FieldError[], client: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return [...server, ...client].filter((e) => {
    const key = JSON.stringify([e.message, e.subpath]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describe('ErrorStore: what a field shows', () => {
  it('server errors first, then client errors saying something new; repeats once', () => {
    const store = new ErrorStore();
    const added = [
      error('server', 'a'),
      error('client', 'b'),
      error('server', 'a'),
      error('server', 'b'),
      error('client', 'c'),
      error('server', 'a', '/x'),
    ];
    for (const e of added) addError(store, target, e);
    expect(store.get('r1', 'url').map((e) => [e.source, e.message, e.subpath])).to.deep.equal([
      ['server', 'a', ''],
      ['server', 'b', ''],
      ['server', 'a', '/x'],
      ['client', 'c', ''],
    ]);
  });

  // Small fields are compared error by error, large ones through a map: both must agree.
  it('gives the same list for a few and for many errors on one field', () => {
    for (let count = 1; count <= 60; count += 1) {
      const server: FieldError[] = [];
      const client: FieldError[] = [];
      for (let i = 0; i < count; i += 1) {
        // Repeats of a message, the same message under another subpath, and client copies of server text.
        const e = error(i % 3 === 0 ? 'client' : 'server', `m${i % 7}`, i % 5 === 0 ? '/k' : '');
        (e.source === 'server' ? server : client).push(e);
      }
      const store = new ErrorStore();
      for (const e of server) addError(store, target, e);
      for (const e of client) addError(store, target, e);
      expect(store.get('r1', 'url'), `${count} errors`).to.deep.equal(expected(server, client));
      expect(Object.isFrozen(store.get('r1', 'url'))).to.equal(true);
    }
  });

  it('keeps every error of a field when none repeats (thousands on one field), server first', () => {
    const store = new ErrorStore();
    for (let i = 0; i < 2000; i += 1) addError(store, target, error(i % 4 ? 'server' : 'client', `problem ${i}`));
    const shown = store.get('r1', 'url');
    expect(shown).to.have.length(2000);
    expect(shown[0]?.message).to.equal('problem 1');
    expect(shown[1499]?.message).to.equal('problem 1999');
    expect(shown[1500]?.message).to.equal('problem 0');
    expect(shown.slice(1500).every((e) => e.source === 'client')).to.equal(true);
  });
});
