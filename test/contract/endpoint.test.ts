import { expect } from '@open-wc/testing';
import { endpointUrl, isLoopbackHost, refusalReason } from '../../src/contract/endpoint.js';

const PATH = 'api/add-git-providers';
const PAGE = 'https://app.example.com/admin/settings.html?tab=git#top';

describe('contract/endpoint: endpointUrl', () => {
  const cases: [string, string | null][] = [
    ['', 'https://app.example.com/api/add-git-providers'],
    ['   ', 'https://app.example.com/api/add-git-providers'],
    ['https://h', 'https://h/api/add-git-providers'],
    ['https://h/', 'https://h/api/add-git-providers'],
    ['https://h/openhands', 'https://h/openhands/api/add-git-providers'],
    ['https://h/openhands/', 'https://h/openhands/api/add-git-providers'],
    ['https://h:8443/a/b', 'https://h:8443/a/b/api/add-git-providers'],
    ['https://h/openhands?x=1#frag', 'https://h/openhands/api/add-git-providers'],
    ['/openhands', 'https://app.example.com/openhands/api/add-git-providers'],
    ['openhands/', 'https://app.example.com/admin/openhands/api/add-git-providers'],
    ['.', 'https://app.example.com/admin/api/add-git-providers'],
    ['//other.example.com/oh', 'https://other.example.com/oh/api/add-git-providers'],
    [' http://localhost:3000 ', 'http://localhost:3000/api/add-git-providers'],
    ['http://[::1]:3000', 'http://[::1]:3000/api/add-git-providers'],
    ['https://exämple.com', 'https://xn--exmple-cua.com/api/add-git-providers'],
    ['http://', null],
    ['https://h:99999', null],
  ];
  for (const [base, expected] of cases) {
    it(`${JSON.stringify(base)} -> ${expected}`, () => {
      expect(endpointUrl(base, PATH, PAGE)).to.equal(expected);
    });
  }

  it("'' is the page's origin; without a page URL it falls back to location", () => {
    expect(endpointUrl('', PATH)).to.equal(`${location.origin}/${PATH}`);
    expect(endpointUrl('/x', 'api/settings')).to.equal(`${location.origin}/x/api/settings`);
  });

  it('an opaque page origin cannot give a URL', () => {
    expect(endpointUrl('', PATH, 'file:///home/me/page.html')).to.equal(null);
    expect(endpointUrl('', PATH, 'data:text/html,x')).to.equal(null);
    expect(endpointUrl('relative', PATH, 'not a url')).to.equal(null);
  });

  it('keeps other schemes so that refusalReason can name them', () => {
    expect(endpointUrl('ftp://h/x', PATH, PAGE)).to.equal('ftp://h/x/api/add-git-providers');
  });
});

describe('contract/endpoint: loopback and refusals', () => {
  it('loopback hosts', () => {
    for (const host of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]'])
      expect(isLoopbackHost(host), host).to.equal(true);
    for (const host of [
      'example.com',
      'localhost.example.com',
      '128.0.0.1',
      '10.0.0.1',
      '[::2]',
      '0.0.0.0',
      'mylocalhost',
    ]) {
      expect(isLoopbackHost(host), host).to.equal(false);
    }
  });

  it('allows https anywhere and http on loopback (as the URL parser normalises it)', () => {
    expect(refusalReason('https://example.com/api')).to.equal(null);
    expect(refusalReason('http://localhost:3000/api')).to.equal(null);
    expect(refusalReason(endpointUrl('http://127.1:3000', PATH, PAGE))).to.equal(null);
    expect(refusalReason(endpointUrl('http://0x7f.0.0.1', PATH, PAGE))).to.equal(null);
    expect(refusalReason(endpointUrl('http://[0:0:0:0:0:0:0:1]', PATH, PAGE))).to.equal(null);
  });

  it('refuses plain http elsewhere unless allowed', () => {
    expect(refusalReason('http://example.com/api')).to.equal(
      'Tokens are not sent over plain http:// to “example.com”: use https://, or allow insecure HTTP for this page. Nothing was sent.',
    );
    expect(refusalReason('http://example.com/api', true)).to.equal(null);
    expect(refusalReason('http://10.0.0.5/api')).to.not.equal(null);
  });

  it('refuses an invalid URL, other schemes, and credentials in the URL (without quoting them)', () => {
    expect(refusalReason(null)).to.equal('The base URL is not a valid URL, so nothing was sent.');
    expect(refusalReason('nonsense')).to.equal('The base URL is not a valid URL, so nothing was sent.');
    expect(refusalReason('ftp://h/api')).to.equal(
      'The base URL uses “ftp:”; only https: (and http: on this computer) can be used, so nothing was sent.',
    );
    expect(refusalReason('javascript:alert(1)', true)).to.contain('“javascript:”');
    const withUser = refusalReason('https://admin:hunter22@h/api');
    expect(withUser).to.equal(
      'The base URL contains a user name or password, which are never sent: remove them. Nothing was sent.',
    );
    expect(withUser).to.not.contain('hunter22');
  });
});
