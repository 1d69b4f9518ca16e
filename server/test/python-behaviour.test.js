// @ts-check
// The Python standard-library behaviour the validators depend on, checked piece by piece
// against what CPython 3.12 answers.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dumpsPython, isPythonTruthy, PythonEncodeError, pythonFloatRepr } from '../python-json.js';
import { pyRepr, pyStrip, ShlexError, shlexSplit, urlSplit } from '../python-text.js';

describe('str.strip()', () => {
  it('strips what Python calls whitespace, not U+FEFF', () => {
    assert.equal(pyStrip('\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u2003\u3000x y\u2028'), 'x y');
    assert.equal(pyStrip('\ufeffx'), '\ufeffx');
  });
});

describe('repr(str)', () => {
  it('quotes and escapes like Python', () => {
    assert.equal(pyRepr('github'), "'github'");
    assert.equal(pyRepr("it's"), `"it's"`);
    assert.equal(pyRepr(`it's "x"`), `'it\\'s "x"'`);
    assert.equal(pyRepr('a\\b\n\t\x00\u200b😀'), "'a\\\\b\\n\\t\\x00\\u200b😀'");
  });
});

describe('shlex.split()', () => {
  const cases = /** @type {[string, string[]][]} */ ([
    ['-y mcp-remote https://example.com', ['-y', 'mcp-remote', 'https://example.com']],
    [`--config "path with spaces" --debug`, ['--config', 'path with spaces', '--debug']],
    [`'single \\ quoted' "double \\" \\\\ \\x"`, ['single \\ quoted', 'double " \\ \\x']],
    ['a\\ b c\\\\d', ['a b', 'c\\d']],
    ['"" x \'\'', ['', 'x', '']],
    ['pre"mid"post', ['premidpost']],
    ['a#b # not a comment', ['a#b', '#', 'not', 'a', 'comment']],
    [' \t\r\n ', []],
  ]);
  for (const [input, words] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(words)}`, () => assert.deepEqual(shlexSplit(input), words));
  }
  it('raises on an unclosed quote or a trailing backslash', () => {
    assert.throws(() => shlexSplit('a "b'), new ShlexError('No closing quotation'));
    assert.throws(() => shlexSplit("'"), new ShlexError('No closing quotation'));
    assert.throws(() => shlexSplit('a\\'), new ShlexError('No escaped character'));
    assert.throws(() => shlexSplit('"a\\'), new ShlexError('No escaped character'));
  });
});

describe('urllib.parse.urlsplit()', () => {
  const cases = /** @type {[string, string, string][]} */ ([
    ['https://example.com/sse', 'https', 'example.com'],
    ['HTTP://Example.com', 'http', 'Example.com'],
    ['localhost:8080', 'localhost', ''],
    ['1http://x', '', ''],
    ['svn+ssh://host/x', 'svn+ssh', 'host'],
    ['http://user:pw@host:1/p?q#f', 'http', 'user:pw@host:1'],
    ['ht\ttp://ex\namp\rle.com', 'http', 'example.com'],
    ['\x01http://x', 'http', 'x'],
    ['http://[::1]:8080/', 'http', '[::1]:8080'],
    ['http://[v1.x]/', 'http', '[v1.x]'],
  ]);
  for (const [url, scheme, netloc] of cases) {
    it(`${JSON.stringify(url)}`, () => assert.deepEqual(urlSplit(url), { scheme, netloc }));
  }
  it('raises ValueError on malformed brackets and NFKC look-alikes', () => {
    assert.throws(() => urlSplit('http://[::1/'), /^Error: Invalid IPv6 URL$/);
    assert.throws(() => urlSplit('http://::1]/'), /Invalid IPv6 URL/);
    assert.throws(() => urlSplit('http://a[::1]/'), /Invalid IPv6 URL/);
    assert.throws(() => urlSplit('http://[::1]x/'), /Invalid IPv6 URL/);
    assert.throws(() => urlSplit('http://[v1]/'), /IPvFuture address is invalid/);
    assert.throws(() => urlSplit('http://example\u2100.com'), /contains invalid characters under NFKC normalization/);
  });
});

describe('Python values', () => {
  it('truthiness: NaN is true, zeros and empties are false', () => {
    for (const v of [NaN, 1n, -0.5, 'x', [0], new Map([['a', null]]), true]) assert.equal(isPythonTruthy(v), true);
    for (const v of [0, -0, 0n, '', [], new Map(), false, null]) assert.equal(isPythonTruthy(v), false);
  });

  it('repr(float)', () => {
    const cases = /** @type {[number, string][]} */ ([
      [1, '1.0'],
      [-0, '-0.0'],
      [0.1, '0.1'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [123456789012345.6, '123456789012345.6'],
      [1e16, '1e+16'],
      [1.5e300, '1.5e+300'],
      [-2.5e-10, '-2.5e-10'],
    ]);
    for (const [x, repr] of cases) assert.equal(pythonFloatRepr(x), repr, String(x));
  });

  it('json.dumps refuses NaN and lone surrogates; non-strict writing does not', () => {
    assert.throws(() => dumpsPython([NaN]), PythonEncodeError);
    assert.throws(() => dumpsPython({ a: '\udc00' }), PythonEncodeError);
    assert.throws(() => dumpsPython(new Map([['\ud800', 1n]])), PythonEncodeError);
    assert.equal(dumpsPython([NaN, 1, '\udc00'], { strict: false }), '[null,1,"\\udc00"]');
    assert.equal(
      dumpsPython({ a: 1n, b: undefined, c: [true, null], d: '😀\u2028' }),
      '{"a":1,"c":[true,null],"d":"😀\u2028"}',
    );
  });
});
