/**
 * The agent-server's 422 about settings carries a **string** `detail` (docs/CURRENT-SERVERS.md
 * §2.3): pydantic's own text on some versions (`str(ValidationError)`), a fixed sentence
 * ("Settings validation failed") on others. Where the text names places, each problem is put on
 * its field of the form; everything else goes to the summary (pointer `''`).
 *
 * pydantic's text, one block per problem:
 *
 *     2 validation errors for OpenHandsAgentSettings
 *     mcp_config.fs.command
 *       Field required [type=missing, input_value={...}, input_type=dict]
 *         For further information visit https://errors.pydantic.dev/2.11/v/missing
 *
 * The `[type=..., input_value=..., input_type=...]` tail is cut before anything is shown: the
 * input value is the server's merged settings, and can hold stored secrets the client never saw
 * (so redaction, which knows only the typed ones, could not catch them).
 *
 * A location names a server by its key in the map (`mcp_config.<name>.url`, on older servers
 * `agent_settings.mcp_config.mcpServers.<name>.env.KEY`); the form names it by its place in V0's
 * lists (stdio by `name`, a URL server by `x.name`), so `<name>` is looked up there and the rest
 * of the location follows it: `/mcp_config/stdio_servers/0/env/KEY`.
 */
import { presentText } from './client-answer.js';
import type { NamedMcpConfig } from './mcp-server.js';
import { serverPointer } from './mcp-secrets.js';
import { KEY_SEGMENT } from './pointer.js';
import { toPointer } from './pointer-join.js';
import type { ServerFieldError } from './result.js';

/** A detail longer than this is not parsed (the whole request is named instead). */
const MAX_DETAIL_CHARS = 200_000;
/** At most this many problems are listed; pydantic itself stops long before. */
const MAX_PROBLEMS = 1_000;

const HEADER = /^\d+ validation errors? for \S+/;
const TYPE = /\[type=([A-Za-z0-9_.]{1,64})/;

/**
 * A location's segments (dotted, or a pointer's) mapped onto the form: the pointer of the field,
 * or null when the location is not inside a server the form shows.
 */
export function mcpLocationPointer(segments: readonly string[], servers: NamedMcpConfig | null): string | null {
  let start = segments.indexOf('mcp_config');
  if (start < 0) return null;
  start++;
  if (segments[start] === 'mcpServers') start++;
  // A name can hold dots: the longest run of segments that names a server wins.
  for (let end = segments.length; end > start; end--) {
    const pointer = serverPointer(servers, segments.slice(start, end).join('.'));
    if (pointer === null) continue;
    const rest = segments.slice(end).map((segment) => (segment === '__key__' ? KEY_SEGMENT : segment));
    return pointer + toPointer(rest);
  }
  return null;
}

/** One problem's message line without its `[type=...]` tail (and the input it echoes). */
function messageOf(line: string): { message: string; type: string } {
  const cut = line.indexOf(' [type=');
  const type = TYPE.exec(line)?.[1] ?? '';
  return { message: (cut < 0 ? line : line.slice(0, cut)).trim(), type };
}

/**
 * The problems a string `detail` names, each placed (see the module's comment). A text that is
 * not pydantic's is one problem on the whole request. `secrets` are redacted from every message.
 */
export function agentDetailErrors(
  detail: string,
  servers: NamedMcpConfig | null,
  secrets: readonly string[],
): ServerFieldError[] {
  const whole = (): ServerFieldError[] => {
    const plain = detail
      .split(/\r?\n/)
      .map((line) => messageOf(line).message)
      .filter((line) => line !== '')
      .join(' ');
    const text = presentText(plain, secrets);
    return [{ pointer: '', type: '', message: text === '' ? 'The server rejected the settings.' : text }];
  };
  if (detail.length > MAX_DETAIL_CHARS) return whole();
  const lines = detail.split(/\r?\n/);
  if (!HEADER.test(lines[0]?.trim() ?? '')) return whole();
  const errors: ServerFieldError[] = [];
  for (let i = 1; i < lines.length && errors.length < MAX_PROBLEMS; i++) {
    const location = lines[i] ?? '';
    if (location.trim() === '' || /^\s/.test(location)) continue;
    const next = lines[i + 1] ?? '';
    if (!/^\s/.test(next)) continue;
    i++;
    const { message, type } = messageOf(next);
    const text = presentText(message, secrets) || 'Invalid value';
    const where = location.trim();
    const pointer = mcpLocationPointer(where.split('.'), servers);
    errors.push(
      pointer === null
        ? { pointer: '', type, message: `${presentText(where, secrets, 200)}: ${text}` }
        : { pointer, type, message: text },
    );
  }
  return errors.length > 0 ? errors : whole();
}
