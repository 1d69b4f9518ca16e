/**
 * The English texts of the MCP import and export panel (the defaults of `strings.mcpTools`, per
 * entry). A module of its own, so that they load with the panel, not with the element.
 */
import type { McpToolsStrings } from './strings.js';

export const defaultMcpToolsStrings: McpToolsStrings = {
  heading: 'Import and export MCP servers',
  close: 'Close',
  importHeading: 'Import',
  importLabel: 'MCP servers as JSON',
  importHint: 'Paste or drop the JSON of Claude Desktop, Cursor, VS Code or OpenHands.',
  fileLabel: 'Or choose a .json file',
  preview: 'Preview',
  found: (n, format) => `${n} server${n === 1 ? '' : 's'} found (${format})`,
  formats: { mcpServers: 'Claude Desktop / Cursor', vscode: 'VS Code', openhands: 'OpenHands' },
  serverEntry: (kind, label) => `${kind} “${label}”`,
  note: (n) => {
    switch (n.code) {
      case 'type_became_shttp':
        return `type “${n.type}” became a streamable HTTP server.`;
      case 'type_guessed':
        return `No type given: taken as ${n.kind === 'sse' ? 'SSE (the URL ends in /sse)' : 'streamable HTTP'}.`;
      case 'bearer_became_api_key':
        return 'The Authorization: Bearer header became the API key.';
      case 'header_dropped':
        return `Header “${n.header}” was not carried over: OpenHands sends only an API key.`;
      case 'uses_variables':
        return 'It uses ${…} variables, which only the source editor can fill in: replace them.';
      case 'command_split':
        return `The command line was split into “${n.command}” and ${n.args} argument${n.args === 1 ? '' : 's'}.`;
      case 'arg_became_text':
        return `Argument ${n.value} became the text “${n.value}”.`;
      case 'arg_dropped':
        return 'An argument that is not text was left out.';
      case 'args_string_split':
        return 'The arguments, given as one string, were split as a shell would.';
      case 'env_became_text':
        return `Variable “${n.key}” became the text “${n.value}”.`;
      case 'env_dropped':
        return `Variable “${n.key}” is not text and was left out.`;
      case 'name_changed':
        return `The name “${n.from}” became “${n.to}”: OpenHands allows letters, numbers, - and _.`;
      case 'field_dropped':
        return `“${n.field}” was not carried over: OpenHands has no such setting.`;
      case 'bare_url':
        return 'A bare URL became a server.';
      case 'secret_not_exported':
        return `“${n.field}” came without its secret (the export's placeholder): ${n.kept ? 'one stored for this server is kept, otherwise type it' : 'type it'}.`;
    }
  },
  skippedHeading: 'Not imported',
  skipped: (name, reason) => `“${name}”: ${reason}`,
  skipReason: (r) => {
    switch (r.code) {
      case 'not_object':
        return 'Not an object.';
      case 'no_command':
        return 'A stdio server without a command.';
      case 'no_url':
        return r.type === null ? 'No URL.' : `A “${r.type}” server without a URL.`;
      case 'neither_command_nor_url':
        return 'Neither a command nor a URL.';
      case 'unknown_type':
        return `Unknown server type “${r.type}”.`;
    }
  },
  clash: (c) =>
    c.code === 'same_name'
      ? `A stdio server named “${c.name}” is already in the form.`
      : `A server with the URL ${c.url} is already in the form.`,
  importNotAnObject: 'Expected a JSON object with MCP servers.',
  nothingFound:
    'No MCP servers found: expected "mcpServers" (Claude Desktop, Cursor), "servers" (VS Code) or OpenHands’ "sse_servers", "shttp_servers", "stdio_servers".',
  addSelected: (n) => `Add ${n} selected`,
  syntaxError: (line, column, message) => `Not valid JSON at line ${line}, column ${column}: ${message}`,
  exportHeading: 'Export',
  formatLabel: 'Format',
  formatOpenHands: 'OpenHands (mcp_config)',
  formatMcpServers: 'mcpServers (Claude Desktop, Cursor)',
  includeSecrets: 'Include secrets',
  exportLabel: 'Exported JSON',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the text and copy it yourself.',
  download: 'Download',
  rawHeading: 'Raw JSON',
  rawWarning: 'Contains secrets: API keys and environment variables are shown as they are.',
  rawLabel: 'MCP configuration (OpenHands JSON)',
  apply: 'Apply to form',
  notAnObject: 'Expected a JSON object with sse_servers, shttp_servers and stdio_servers.',
  applied: 'Applied to the form.',
};
