/**
 * A readable name for a place in the request body, for the error summary: "GitHub › Token",
 * "Stdio server 2 › Argument 3". Built from the pointer so it also names places no field shows.
 */
import { fromPointer, KEY_SEGMENT } from '../contract/pointer.js';
import type { ServerKind } from '../model/draft.js';
import { providerMeta } from './provider-meta.js';
import type { ProviderSettingsStrings } from './strings.js';

const LIST_KINDS: Record<string, ServerKind> = { sse_servers: 'sse', shttp_servers: 'shttp', stdio_servers: 'stdio' };

const FIELD_LABELS: Record<string, keyof ProviderSettingsStrings> = {
  token: 'tokenLabel',
  host: 'hostLabel',
  url: 'urlLabel',
  api_key: 'apiKeyLabel',
  name: 'nameLabel',
  command: 'commandLabel',
  args: 'argsLabel',
  env: 'envLabel',
};

export function describeLocation(pointer: string, t: ProviderSettingsStrings): string {
  let segments: string[];
  try {
    segments = fromPointer(pointer);
  } catch {
    return t.unplacedLocation;
  }
  const parts: string[] = [];
  const [root, second, third, fourth, fifth, sixth] = segments;
  if (root === 'provider_tokens') {
    parts.push(t.gitProvidersHeading);
    if (second !== undefined) parts.splice(0, 1, providerMeta(second).label);
    if (third !== undefined && third !== KEY_SEGMENT) parts.push(fieldLabel(third, t));
  } else if (root === 'mcp_config') {
    parts.push(t.mcpHeading);
    const kind = second !== undefined ? LIST_KINDS[second] : undefined;
    if (kind && third !== undefined && /^\d+$/.test(third)) {
      parts.splice(0, 1, t.serverLabel(kind, Number(third)));
      if (fourth === 'args' && fifth !== undefined && /^\d+$/.test(fifth)) parts.push(t.argLabel(Number(fifth)));
      else if (fourth === 'env' && fifth !== undefined)
        parts.push(`${t.envLabel} “${fifth}”${sixth === KEY_SEGMENT ? ` (${t.envKeyLabel})` : ''}`);
      else if (fourth !== undefined) parts.push(fieldLabel(fourth, t));
    } else if (kind) {
      parts.splice(0, 1, t.serverKindHeading[kind]);
    } else if (second !== undefined) {
      parts.push(second);
    }
  } else {
    parts.push(t.unplacedLocation);
    if (root !== undefined) parts.push(segments.join('/'));
  }
  return parts.join(' › ');
}

function fieldLabel(key: string, t: ProviderSettingsStrings): string {
  const label = Object.prototype.hasOwnProperty.call(FIELD_LABELS, key) ? FIELD_LABELS[key] : undefined;
  return label ? (t[label] as string) : key;
}
