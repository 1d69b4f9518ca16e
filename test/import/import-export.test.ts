import { expect } from '@open-wc/testing';
import type { McpConfig } from '../../src/contract/schema.js';
import { MASK, toMcpServersJson, toOpenHandsJson } from '../../src/import/mcp-export.js';
import { defaultMcpToolsStrings as english } from '../../src/element/mcp-tools-strings.js';
import { findClashes, importMcpServers, type ImportedServer, type ImportPreview } from '../../src/import/mcp-import.js';

/** An entry's notes as the panel words them in English (the import itself gives codes and values). */
const notes = (server: ImportedServer | undefined): string[] => server!.notes.map(english.note);
const skipped = (p: ImportPreview) => p.skipped.map((s) => ({ name: s.name, reason: english.skipReason(s.reason) }));

function preview(text: string): ImportPreview {
  const outcome = importMcpServers(text);
  if (!outcome.ok) throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  return outcome.preview;
}

/** The servers of a preview, as an `mcp_config` would hold them. */
function asConfig(p: ImportPreview): McpConfig {
  const config: McpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };
  for (const item of p.servers) {
    if (item.kind === 'stdio') config.stdio_servers.push(item.server);
    else (item.kind === 'sse' ? config.sse_servers : config.shttp_servers).push(item.server);
  }
  return config;
}

describe('import: Claude Desktop / Cursor `mcpServers`', () => {
  it('takes stdio servers with their args and env, and URL servers with their kind', () => {
    const p = preview(
      JSON.stringify({
        mcpServers: {
          filesystem: {
            command: 'npx',
            args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'],
            env: { DEBUG: '1' },
          },
          remote: { url: 'https://mcp.example.com/sse' },
          api: {
            type: 'http',
            url: 'https://api.example.com/mcp',
            headers: { Authorization: 'Bearer sk-123', 'X-Team': 'a' },
          },
        },
      }),
    );
    expect(p.format).to.equal('mcpServers');
    expect(skipped(p)).to.deep.equal([]);
    expect(p.servers.map((s) => [s.kind, s.name])).to.deep.equal([
      ['stdio', 'filesystem'],
      ['sse', 'remote'],
      ['shttp', 'api'],
    ]);
    expect(p.servers[0]!.server).to.deep.equal({
      name: 'filesystem',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'],
      env: { DEBUG: '1' },
    });
    expect(notes(p.servers[1])).to.deep.equal(['No type given: taken as SSE (the URL ends in /sse).']);
    expect(p.servers[2]!.server).to.deep.equal({ url: 'https://api.example.com/mcp', api_key: 'sk-123' });
    expect(notes(p.servers[2])).to.deep.equal([
      'type “http” became a streamable HTTP server.',
      'The Authorization: Bearer header became the API key.',
      'Header “X-Team” was not carried over: OpenHands sends only an API key.',
    ]);
  });

  it('splits a command line, renames what OpenHands would refuse, and says so', () => {
    const p = preview(
      JSON.stringify({ mcpServers: { 'My Server!': { command: 'uvx mcp-server-fetch --verbose', args: [3, true] } } }),
    );
    const [item] = p.servers;
    expect(item!.server).to.deep.equal({
      name: 'My-Server',
      command: 'uvx',
      args: ['mcp-server-fetch', '--verbose', '3', 'true'],
      env: {},
    });
    expect(notes(item)).to.deep.equal([
      'The command line was split into “uvx” and 2 arguments.',
      'Argument 3 became the text “3”.',
      'Argument true became the text “true”.',
      'The name “My Server!” became “My-Server”: OpenHands allows letters, numbers, - and _.',
    ]);
  });

  it('skips what it cannot use, with the reason, and adds nothing for it', () => {
    const p = preview(
      JSON.stringify({
        mcpServers: { a: 'npx thing', b: { args: ['x'] }, c: { type: 'websocket', url: 'ws://h' }, d: { type: 'sse' } },
      }),
    );
    expect(p.servers).to.deep.equal([]);
    expect(skipped(p)).to.deep.equal([
      { name: 'a', reason: 'Not an object.' },
      { name: 'b', reason: 'Neither a command nor a URL.' },
      { name: 'c', reason: 'Unknown server type “websocket”.' },
      { name: 'd', reason: 'A “sse” server without a URL.' },
    ]);
  });

  it('keeps any variable name, __proto__ included, without touching Object.prototype', () => {
    const p = preview(
      '{"mcpServers": {"s": {"command": "node", "env": {"__proto__": "x", "constructor": "y", "N": 5, "O": {}}}}}',
    );
    const server = p.servers[0]!.server as { env: Record<string, string> };
    expect(Object.keys(server.env)).to.deep.equal(['__proto__', 'constructor', 'N']);
    expect(server.env['N']).to.equal('5');
    expect(({} as Record<string, unknown>)['x']).to.equal(undefined);
    expect(notes(p.servers[0])).to.deep.equal([
      'Variable “N” became the text “5”.',
      'Variable “O” is not text and was left out.',
    ]);
  });
});

describe('import: VS Code `servers`', () => {
  it('follows `type`, and warns about editor variables and settings OpenHands lacks', () => {
    const p = preview(
      JSON.stringify({
        inputs: [{ id: 'key', type: 'promptString' }],
        servers: {
          gh: {
            type: 'stdio',
            command: 'docker',
            args: ['run', '-i', 'ghcr.io/github/github-mcp-server'],
            env: { GITHUB_TOKEN: '${input:key}' },
            envFile: '.env',
          },
          web: { type: 'sse', url: 'https://web.example.com/events' },
          docs: { type: 'http', url: 'https://docs.example.com/mcp' },
        },
      }),
    );
    expect(p.format).to.equal('vscode');
    expect(p.servers.map((s) => s.kind)).to.deep.equal(['stdio', 'sse', 'shttp']);
    expect(notes(p.servers[0])).to.deep.equal([
      '“envFile” was not carried over: OpenHands has no such setting.',
      'It uses ${…} variables, which only the source editor can fill in: replace them.',
    ]);
  });
});

describe('import: OpenHands `mcp_config`', () => {
  it('takes the lists as they are, bare URL strings included, wrapped or not', () => {
    const config = {
      sse_servers: ['https://a.example.com/sse', { url: 'https://b.example.com/sse', api_key: 'k' }],
      shttp_servers: [{ url: 'https://c.example.com/mcp' }, { api_key: 'no url' }],
      stdio_servers: [{ name: 'fs', command: 'npx', args: ['-y', 'x'], env: { A: '1' } }, { name: 'broken' }],
    };
    for (const text of [JSON.stringify(config), JSON.stringify({ mcp_config: config })]) {
      const p = preview(text);
      expect(p.format).to.equal('openhands');
      expect(asConfig(p)).to.deep.equal({
        sse_servers: [
          { url: 'https://a.example.com/sse', api_key: null },
          { url: 'https://b.example.com/sse', api_key: 'k' },
        ],
        shttp_servers: [{ url: 'https://c.example.com/mcp', api_key: null }],
        stdio_servers: [{ name: 'fs', command: 'npx', args: ['-y', 'x'], env: { A: '1' } }],
      });
      expect(skipped(p)).to.deep.equal([
        { name: 'shttp_servers[1]', reason: 'No URL.' },
        { name: 'broken', reason: 'A stdio server without a command.' },
      ]);
    }
  });
});

describe('import: text that is not usable', () => {
  it('points at the line and column of a JSON syntax error', () => {
    const outcome = importMcpServers('{\n  "mcpServers": {\n    "a": { "command": "x", }\n  }\n}');
    expect(outcome.ok).to.equal(false);
    if (outcome.ok || !('syntax' in outcome)) throw new Error('expected a syntax error');
    expect([outcome.syntax.line, outcome.syntax.column]).to.deep.equal([3, 28]);
    expect(outcome.syntax.message).to.not.contain('position');
  });

  it('places an unfinished text at its end', () => {
    const outcome = importMcpServers('{"mcpServers": {');
    if (outcome.ok || !('syntax' in outcome)) throw new Error('expected a syntax error');
    expect([outcome.syntax.line, outcome.syntax.column]).to.deep.equal([1, 17]);
  });

  it('says what it expected when the JSON holds no servers', () => {
    for (const text of ['[]', '{"other": 1}', '"x"', 'null']) {
      const outcome = importMcpServers(text);
      expect(outcome.ok, text).to.equal(false);
      expect('problem' in outcome && outcome.problem, text).to.equal(
        text === '{"other": 1}' ? 'nothing_found' : 'not_object',
      );
    }
  });
});

describe('import: clashes with the form', () => {
  it('names imported servers whose stdio name or URL is already in the form', () => {
    const p = preview(
      JSON.stringify({
        mcpServers: { fs: { command: 'npx' }, r: { url: 'https://a.example.com/sse' }, n: { command: 'node' } },
      }),
    );
    const clashes = findClashes(p.servers, {
      sse_servers: [{ url: 'https://a.example.com/sse', api_key: null }],
      shttp_servers: [],
      stdio_servers: [{ name: 'fs', command: 'uvx', args: [], env: {} }],
    });
    expect(clashes.map((c) => c.reason)).to.deep.equal([
      { code: 'same_name', name: 'fs' },
      { code: 'same_url', url: 'https://a.example.com/sse' },
    ]);
    expect(clashes.map((c) => english.clash(c.reason))).to.deep.equal([
      'A stdio server named “fs” is already in the form.',
      'A server with the URL https://a.example.com/sse is already in the form.',
    ]);
  });
});

describe('export', () => {
  const config: McpConfig = {
    sse_servers: [{ url: 'https://a.example.com/sse', api_key: 'sk-secret-a' }],
    shttp_servers: [{ url: 'https://a.example.com/mcp', api_key: null }],
    stdio_servers: [
      {
        name: 'gh',
        command: 'docker',
        args: ['run', '-i', 'img'],
        env: { GITHUB_TOKEN: 'ghp_secret', LOG_LEVEL: 'debug' },
      },
    ],
  };

  it('masks API keys and secret-looking variables unless asked, in both formats', () => {
    for (const text of [toOpenHandsJson(config), toMcpServersJson(config)]) {
      expect(text).to.not.contain('sk-secret-a');
      expect(text).to.not.contain('ghp_secret');
      expect(text).to.contain(MASK);
      expect(text).to.contain('debug');
    }
    expect(toOpenHandsJson(config, { includeSecrets: true })).to.contain('sk-secret-a');
    expect(toMcpServersJson(config, { includeSecrets: true })).to.contain('ghp_secret');
  });

  it('writes mcpServers with unique names, types and a Bearer header', () => {
    expect(JSON.parse(toMcpServersJson(config, { includeSecrets: true }))).to.deep.equal({
      mcpServers: {
        gh: { command: 'docker', args: ['run', '-i', 'img'], env: { GITHUB_TOKEN: 'ghp_secret', LOG_LEVEL: 'debug' } },
        'a-example-com': {
          type: 'sse',
          url: 'https://a.example.com/sse',
          headers: { Authorization: 'Bearer sk-secret-a' },
        },
        'a-example-com-2': { type: 'http', url: 'https://a.example.com/mcp' },
      },
    });
  });

  it('round trips: importing what was exported gives back the same servers, in both formats', () => {
    expect(asConfig(preview(toOpenHandsJson(config, { includeSecrets: true })))).to.deep.equal(config);
    expect(asConfig(preview(toMcpServersJson(config, { includeSecrets: true })))).to.deep.equal(config);
  });
});

describe("import: the export's own placeholder", () => {
  const exported = JSON.stringify({
    mcpServers: {
      fs: { command: 'npx', env: { API_KEY: MASK, MODE: 'dev' } },
      docs: {
        type: 'http',
        url: 'https://docs.example.com/mcp',
        headers: { Authorization: `Bearer ${MASK}`, 'X-Team': MASK },
      },
    },
  });
  const servers = (outcome: ReturnType<typeof importMcpServers>) => (outcome.ok ? outcome.preview.servers : []);

  it('on V0 a secret written as the placeholder is empty, to type, and says so', () => {
    const [fs, docs] = servers(importMcpServers(exported));
    expect(fs!.kind === 'stdio' && fs!.server.env).to.deep.equal({ API_KEY: '', MODE: 'dev' });
    expect(fs!.notes).to.deep.include({ code: 'secret_not_exported', field: 'API_KEY', kept: false });
    expect(docs!.kind !== 'stdio' && docs!.server.api_key).to.equal(null);
    expect(english.note({ code: 'secret_not_exported', field: 'API_KEY', kept: false })).to.contain('type it');
  });

  it('on a newer API it becomes the stored-secret mask: kept where stored under that name, asked for otherwise', () => {
    const [fs, docs] = servers(importMcpServers(exported, { named: true }));
    expect(fs!.kind === 'stdio' && fs!.server.env['API_KEY']).to.equal('**********');
    expect(docs!.kind !== 'stdio' && docs!.server.x?.headers).to.deep.equal({
      Authorization: 'Bearer **********',
      'X-Team': '**********',
    });
    expect(docs!.notes).to.deep.include({ code: 'secret_not_exported', field: 'X-Team', kept: true });
  });
});

describe('import: clashes on a newer API', () => {
  it('a URL server of a name already used (by a URL or a stdio server) clashes: one map holds them all', () => {
    const outcome = importMcpServers(
      JSON.stringify({
        mcpServers: {
          docs: { type: 'http', url: 'https://elsewhere.example.com/mcp' },
          fs: { type: 'sse', url: 'https://fs.example.com/sse' },
          fresh: { type: 'http', url: 'https://fresh.example.com/mcp' },
        },
      }),
      { named: true },
    );
    const servers = outcome.ok ? outcome.preview.servers : [];
    const clashes = findClashes(servers, {
      sse_servers: [],
      shttp_servers: [{ url: 'https://docs.example.com/mcp', api_key: null, x: { name: 'docs' } }],
      stdio_servers: [{ name: 'fs', command: 'uvx', args: [], env: {} }],
    });
    expect(clashes.map((c) => c.reason)).to.deep.equal([
      { code: 'same_name', name: 'docs' },
      { code: 'same_name', name: 'fs' },
    ]);
  });
});
