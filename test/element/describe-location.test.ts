import { expect } from '@open-wc/testing';
import { describeLocation } from '../../src/element/describe-location.js';
import { defaultStrings } from '../../src/element/strings.js';

describe('error summary locations', () => {
  const cases: [string, string][] = [
    ['', 'Request'],
    ['/17', 'Request body (character 17)'],
    ['/provider_tokens', 'Git providers'],
    ['/provider_tokens/github', 'GitHub'],
    ['/provider_tokens/github/token', 'GitHub › Token'],
    ['/provider_tokens/gitlab/host', 'GitLab › Host'],
    ['/provider_tokens/azure_devops/[key]', 'Azure DevOps (the provider itself)'],
    ['/provider_tokens/my~1forge/token', 'My/forge › Token'],
    ['/mcp_config', 'MCP servers'],
    ['/mcp_config/mcpServers', 'MCP servers › “mcpServers”'],
    ['/mcp_config/sse_servers', 'SSE servers'],
    ['/mcp_config/sse_servers/0/url', 'SSE server 1 › URL'],
    ['/mcp_config/shttp_servers/2/api_key', 'Streamable HTTP server 3 › API key'],
    ['/mcp_config/stdio_servers/1', 'Stdio server 2'],
    ['/mcp_config/stdio_servers/1/name', 'Stdio server 2 › Name'],
    ['/mcp_config/stdio_servers/1/args', 'Stdio server 2 › Arguments'],
    ['/mcp_config/stdio_servers/0/args/2', 'Stdio server 1 › Argument 3'],
    ['/mcp_config/stdio_servers/1/env', 'Stdio server 2 › Environment variables'],
    ['/mcp_config/stdio_servers/1/env/K', 'Stdio server 2 › Environment variable “K”'],
    ['/mcp_config/stdio_servers/1/env/a~1b', 'Stdio server 2 › Environment variable “a/b”'],
    ['/mcp_config/stdio_servers/1/env/K/[key]', 'Stdio server 2 › Environment variable “K” › name'],
    ['/mcp_config/stdio_servers/1/env/', 'Stdio server 2 › Environment variable “”'],
    // What the newer APIs store besides, in the card's words.
    ['/mcp_config/shttp_servers/0/name', 'Streamable HTTP server 1 › Name'],
    ['/mcp_config/shttp_servers/0/headers/X-Team/[key]', 'Streamable HTTP server 1 › Headers › “X-Team” › name'],
    ['/mcp_config/shttp_servers/0/auth/value', 'Streamable HTTP server 1 › Authentication › Key or token'],
    ['/mcp_config/sse_servers/1/auth/headers', 'SSE server 2 › Authentication › Secret headers'],
    ['/mcp_config/sse_servers/1/auth/username', 'SSE server 2 › Authentication › User name'],
    ['/mcp_config/stdio_servers/0/enabled', 'Stdio server 1 › Enabled'],
    // A header's name is a name, whatever it is called.
    ['/mcp_config/shttp_servers/0/headers/auth', 'Streamable HTTP server 1 › Headers › “auth”'],
    [
      '/mcp_config/shttp_servers/0/auth/headers/password',
      'Streamable HTTP server 1 › Authentication › Secret headers › “password”',
    ],
    ['/other', 'Request › “other”'],
    ['not a pointer', 'Request'],
  ];
  for (const [pointer, words] of cases) {
    it(`${JSON.stringify(pointer)} reads “${words}”`, () => {
      expect(describeLocation(pointer, defaultStrings)).to.equal(words);
    });
  }

  it('shortens long keys and drops control and direction characters', () => {
    expect(describeLocation(`/mcp_config/stdio_servers/0/env/${'K'.repeat(100)}`, defaultStrings)).to.equal(
      `Stdio server 1 › Environment variable “${'K'.repeat(40)}…”`,
    );
    expect(describeLocation('/mcp_config/stdio_servers/0/env/a\u0000\u202eb', defaultStrings)).to.equal(
      'Stdio server 1 › Environment variable “ab”',
    );
  });

  it('speaks the page’s language', () => {
    const german = {
      ...defaultStrings,
      serverLabel: (_k: unknown, i: number) => `Server ${i + 1}`,
      urlLabel: 'Adresse',
    };
    expect(describeLocation('/mcp_config/sse_servers/0/url', german)).to.equal('Server 1 › Adresse');
  });
});
