import { expect } from '@open-wc/testing';
import {
  hostFromDescription,
  storedProviders,
  tokenDescription,
  tokenSecretNames,
} from '../../src/contract/git-secret-names.js';

describe('contract/git-secret-names', () => {
  it('names: <provider>_token written, GIT_PROVIDER_<PROVIDER>_TOKEN also counted', () => {
    expect(tokenSecretNames('github')).to.deep.equal(['github_token', 'GIT_PROVIDER_GITHUB_TOKEN']);
    expect(tokenSecretNames('azure_devops')).to.deep.equal(['azure_devops_token', 'GIT_PROVIDER_AZURE_DEVOPS_TOKEN']);
  });

  it('the host lives in the description, both ways', () => {
    expect(tokenDescription('gitlab', 'gitlab.example.com')).to.equal(
      'Git provider token for gitlab (gitlab.example.com)',
    );
    expect(tokenDescription('gitlab', ' ')).to.equal('Git provider token for gitlab');
    expect(tokenDescription('gitlab', null)).to.equal('Git provider token for gitlab');
    expect(hostFromDescription('Git provider token for gitlab (gitlab.example.com)')).to.equal('gitlab.example.com');
    expect(hostFromDescription('Git provider token for gitlab')).to.equal(null);
    expect(hostFromDescription('my own note (x)')).to.equal(null);
    expect(hostFromDescription(null)).to.equal(null);
  });

  it('stored providers: known and shown ones, by either name; GITHUB_TOKEN and unknown *_token are not providers', () => {
    const secrets = [
      { name: 'github_token', description: 'Git provider token for github (ghe.example.com)' },
      { name: 'GIT_PROVIDER_GITLAB_TOKEN', description: 'Git provider token for gitlab' },
      { name: 'bitbucket_token', description: null },
      { name: 'GIT_PROVIDER_BITBUCKET_TOKEN', description: 'Git provider token for bitbucket (bb.example.com)' },
      { name: 'custom_token', description: null },
      { name: 'openai_token', description: null },
      { name: 'GITHUB_TOKEN', description: null },
    ];
    expect(storedProviders(secrets, ['custom'])).to.deep.equal({
      custom: null,
      github: 'ghe.example.com',
      gitlab: null,
      bitbucket: 'bb.example.com',
    });
    expect(storedProviders([{ name: 'GITHUB_TOKEN', description: null }], [])).to.deep.equal({});
    expect(Object.keys(storedProviders([{ name: '__proto___token', description: null }], ['__proto__']))).to.deep.equal(
      ['__proto__'],
    );
  });
});
