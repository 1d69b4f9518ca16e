import { expect } from '@open-wc/testing';
import { agentDetailErrors, mcpLocationPointer } from '../../src/contract/agent-detail.js';
import { config } from './save-content.js';

const servers = config({
  stdio_servers: [{ name: 'fs', command: 'npx', args: [], env: {} }],
  shttp_servers: [{ url: 'https://d.example/mcp', x: { name: 'my.docs' } }],
});
const STORED_SECRET = 'stored-secret-the-client-never-saw';

describe('contract/agent-detail', () => {
  it('a location onto the form: flat, wrapped, dotted names, map keys', () => {
    expect(mcpLocationPointer(['mcp_config', 'fs', 'command'], servers)).to.equal(
      '/mcp_config/stdio_servers/0/command',
    );
    expect(mcpLocationPointer('agent_settings.mcp_config.mcpServers.fs.env.KEY'.split('.'), servers)).to.equal(
      '/mcp_config/stdio_servers/0/env/KEY',
    );
    expect(mcpLocationPointer('mcp_config.my.docs.url'.split('.'), servers)).to.equal(
      '/mcp_config/shttp_servers/0/url',
    );
    expect(mcpLocationPointer(['mcp_config', 'fs', 'env', 'A', '__key__'], servers)).to.equal(
      '/mcp_config/stdio_servers/0/env/A/[key]',
    );
    expect(mcpLocationPointer(['mcp_config', 'fs'], servers)).to.equal('/mcp_config/stdio_servers/0');
    expect(mcpLocationPointer(['mcp_config', 'gone', 'url'], servers)).to.equal(null);
    expect(mcpLocationPointer(['llm', 'model'], servers)).to.equal(null);
  });

  it("pydantic's text: each problem on its field, the rest in the summary, no input value shown", () => {
    const detail = [
      '3 validation errors for OpenHandsAgentSettings',
      'mcp_config.fs.command',
      `  Field required [type=missing, input_value={'env': {'K': '${STORED_SECRET}'}}, input_type=dict]`,
      '    For further information visit https://errors.pydantic.dev/2.11/v/missing',
      'agent_settings.mcp_config.mcpServers.my.docs.url',
      `  Value error, URL must use http [type=value_error, input_value='${STORED_SECRET}', input_type=str]`,
      'llm.model',
      '  Input should be a valid string [type=string_type, input_value=1, input_type=int]',
    ].join('\n');
    const errors = agentDetailErrors(detail, servers, []);
    expect(errors).to.deep.equal([
      { pointer: '/mcp_config/stdio_servers/0/command', type: 'missing', message: 'Field required' },
      { pointer: '/mcp_config/shttp_servers/0/url', type: 'value_error', message: 'URL must use http' },
      { pointer: '', type: 'string_type', message: 'llm.model: Input should be a valid string' },
    ]);
    expect(JSON.stringify(errors)).to.not.contain(STORED_SECRET);
  });

  it('any other text: one problem on the whole request, redacted, cut of a [type=...] tail', () => {
    expect(agentDetailErrors('Settings validation failed', servers, [])).to.deep.equal([
      { pointer: '', type: '', message: 'Settings validation failed' },
    ]);
    expect(
      agentDetailErrors('bad value typed-secret-1 [type=x, input_value=zzz]', servers, ['typed-secret-1']),
    ).to.deep.equal([{ pointer: '', type: '', message: 'bad value •••' }]);
    expect(agentDetailErrors('', servers, [])[0]?.message).to.equal('The server rejected the settings.');
    expect(agentDetailErrors('x'.repeat(300_000), servers, [])[0]?.message.length).to.be.at.most(501);
  });
});
