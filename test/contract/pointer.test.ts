import { expect } from '@open-wc/testing';
import { escapeSegment, fromPointer, unescapeSegment } from '../../src/contract/pointer.js';
import { childPointer, parentPointer, toPointer } from '../../src/contract/pointer-join.js';

describe('contract/pointer: RFC 6901', () => {
  const keys: [string, string][] = [
    ['plain', 'plain'],
    ['a/b', 'a~1b'],
    ['t~x', 't~0x'],
    ['~1', '~01'],
    ['/~', '~1~0'],
    ['x.y', 'x.y'],
    ['ключ 🔑', 'ключ 🔑'],
    ['', ''],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['[key]', '[key]'],
  ];

  for (const [key, escaped] of keys) {
    it(`escapes ${JSON.stringify(key)} and reads it back`, () => {
      expect(escapeSegment(key)).to.equal(escaped);
      expect(unescapeSegment(escaped)).to.equal(key);
      const pointer = toPointer(['mcp_config', 'stdio_servers', 0, 'env', key]);
      expect(pointer).to.equal(`/mcp_config/stdio_servers/0/env/${escaped}`);
      expect(fromPointer(pointer)).to.deep.equal(['mcp_config', 'stdio_servers', '0', 'env', key]);
    });
  }

  it('the whole document is the empty pointer', () => {
    expect(toPointer([])).to.equal('');
    expect(fromPointer('')).to.deep.equal([]);
    expect(parentPointer('')).to.equal(null);
  });

  it('an empty key is a real segment, distinct from the parent', () => {
    expect(toPointer(['env', ''])).to.equal('/env/');
    expect(fromPointer('/env/')).to.deep.equal(['env', '']);
    expect(fromPointer('/')).to.deep.equal(['']);
  });

  it('parent and child', () => {
    expect(parentPointer('/provider_tokens/github/token')).to.equal('/provider_tokens/github');
    expect(parentPointer('/a')).to.equal('');
    expect(childPointer('/provider_tokens', 'a/b')).to.equal('/provider_tokens/a~1b');
    expect(childPointer('', 0)).to.equal('/0');
  });

  it('rejects a pointer that does not start with /', () => {
    expect(() => fromPointer('a/b')).to.throw(SyntaxError);
  });
});
