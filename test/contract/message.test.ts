import { expect } from '@open-wc/testing';
import { cleanMessage, MAX_MESSAGE_LENGTH, normalizeText, redactSecrets } from '../../src/contract/message.js';

describe('contract/message: cleanMessage', () => {
  it("strips pydantic's prefixes", () => {
    expect(cleanMessage('Value error, URL cannot be empty')).to.equal('URL cannot be empty');
    expect(cleanMessage('Assertion failed, nope')).to.equal('nope');
    expect(cleanMessage('  Value error,   spaced  ')).to.equal('spaced');
    // Only as a prefix, and only once.
    expect(cleanMessage('Bad: Value error, x')).to.equal('Bad: Value error, x');
    expect(cleanMessage('Value error, Value error, x')).to.equal('Value error, x');
    expect(cleanMessage('value error, x')).to.equal('value error, x');
  });

  it('keeps markup as plain text', () => {
    expect(cleanMessage('<img src=x onerror=alert(1)>')).to.equal('<img src=x onerror=alert(1)>');
  });

  it('removes control characters and bidi overrides; line breaks and tabs become spaces', () => {
    expect(cleanMessage('a\u0000b\u0007c\u009bd')).to.equal('abcd');
    expect(cleanMessage('line 1\r\nline 2\tend')).to.equal('line 1 line 2 end');
    expect(cleanMessage('safe\u202eexe.txt\u2066')).to.equal('safeexe.txt');
  });

  it('text without control characters skips the rewrite: the same result as rewriting, for every UTF-16 code unit', () => {
    // The two rewrites as they are written, without the quick check that skips them.
    const rewritten = (text: string) =>
      text
        .replace(/[\t\n\v\f\r\u2028\u2029]+/g, ' ')
        .replace(/[\x00-\x08\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
        .trim()
        .replace(/^(?:Value error|Assertion failed),(?: +|$)/, '')
        .trim();
    const differing: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const text = `a${String.fromCharCode(unit)}b`;
      if (normalizeText(text) !== rewritten(text)) differing.push(unit.toString(16));
    }
    expect(differing).to.deep.equal([]);
  });

  it('caps the length at 500 characters plus an ellipsis, without splitting a surrogate pair', () => {
    expect(MAX_MESSAGE_LENGTH).to.equal(500);
    const long = cleanMessage('x'.repeat(10_000));
    expect(long).to.equal('x'.repeat(500) + '…');
    const emoji = cleanMessage('x'.repeat(499) + '😀' + 'y');
    expect(emoji).to.equal('x'.repeat(499) + '…');
    expect(cleanMessage('x'.repeat(500))).to.equal('x'.repeat(500));
  });

  it('non-strings and blank strings get a generic text from the type', () => {
    expect(cleanMessage(undefined)).to.equal('Invalid value');
    expect(cleanMessage(null, null)).to.equal('Invalid value');
    expect(cleanMessage(42)).to.equal('Invalid value');
    expect(cleanMessage({ toString: () => 'evil' })).to.equal('Invalid value');
    expect(cleanMessage(['a'], 'missing')).to.equal('Field required');
    expect(cleanMessage(undefined, 'value_error.missing')).to.equal('Field required');
    expect(cleanMessage(undefined, 'string_type')).to.equal('Input should be a valid string');
    expect(cleanMessage(undefined, 'extra_forbidden')).to.equal('Extra inputs are not permitted');
    expect(cleanMessage(undefined, 'type_error.enum')).to.equal('Input should be one of the allowed values');
    expect(cleanMessage(undefined, 'url_parsing')).to.equal('Invalid value (url_parsing)');
    expect(cleanMessage(undefined, '<b>x</b>')).to.equal('Invalid value');
    expect(cleanMessage(undefined, 'constructor')).to.equal('Invalid value (constructor)');
    expect(cleanMessage(undefined, '__proto__')).to.equal('Invalid value (__proto__)');
    expect(cleanMessage('   ', 'missing')).to.equal('Field required');
    expect(cleanMessage('Value error, ', 'value_error')).to.equal('Invalid value (value_error)');
  });
});

describe('contract/message: redactSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redactSecrets('ghp_abc and ghp_abc; glpat-1', ['ghp_abc', 'glpat-1'])).to.equal('••• and •••; •••');
  });

  it('ignores secrets shorter than 4 characters, non-strings and empty strings', () => {
    expect(redactSecrets('abc ab a', ['abc', 'ab', '', 'a'])).to.equal('abc ab a');
    expect(redactSecrets('abcd', ['abcd'])).to.equal('•••');
    expect(redactSecrets('x null', [null as unknown as string, 'null'])).to.equal('x •••');
  });

  it('removes a secret that contains another secret whole', () => {
    expect(redactSecrets('token=abcdefgh', ['abcd', 'abcdefgh'])).to.equal('token=•••');
  });

  it('treats regex characters in secrets literally', () => {
    expect(redactSecrets('x a.b*c(d y a_b_c', ['a.b*c(d'])).to.equal('x ••• y a_b_c');
    expect(redactSecrets('$1$& user:pass', ['$1$&', 'user:pass'])).to.equal('••• •••');
  });

  it('also removes the URL-encoded form of a secret', () => {
    expect(redactSecrets('?token=user%3Apass%2Fx', ['user:pass/x'])).to.equal('?token=•••');
  });

  it('returns the text unchanged without secrets', () => {
    expect(redactSecrets('nothing here', [])).to.equal('nothing here');
  });
});
