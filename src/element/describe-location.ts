/**
 * A readable name for a place in the request body, for the error summary: "GitHub › Token",
 * "Stdio server 2 › Argument 3". Built from the pointer, so it also names places no field shows
 * (an unknown key, a json_invalid offset). Every word comes from the strings, so it translates.
 */
import { fromPointer, KEY_SEGMENT } from '../contract/pointer.js';
import { kindOfList } from '../model/draft.js';
import { providerMeta } from './provider-meta.js';
import type { NamedStrings, ProviderSettingsStrings } from './strings.js';
import { defaultNamedStrings } from './named/strings.js';

const SEPARATOR = ' › ';
const MAX_KEY_LENGTH = 40;

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

/** The fields the newer server APIs store for a server besides V0's (named/extras.ts), by their key. */
const NAMED_LABELS: Record<string, keyof NamedStrings> = {
  headers: 'headers',
  auth: 'auth',
  value: 'value',
  username: 'username',
  password: 'password',
  header_name: 'headerName',
  enabled: 'enabled',
};

/** A server field of the newer APIs in the card's words (`auth` › `headers` are its secret headers); undefined for any other. */
function namedLabel(t: ProviderSettingsStrings, segment: string, before: string | undefined): string | undefined {
  const key = segment === 'headers' && before === 'auth' ? 'authHeaders' : own(NAMED_LABELS, segment);
  return key ? ((t.named[key] ?? defaultNamedStrings[key]) as string) : undefined;
}

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const isIndex = (segment: string): boolean => /^(0|[1-9]\d{0,8})$/.test(segment);

/** Keys come from the server or the person: shown short, without control or direction characters. */
function quoted(key: string): string {
  const clean = key.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return `“${clean.length > MAX_KEY_LENGTH ? clean.slice(0, MAX_KEY_LENGTH) + '…' : clean}”`;
}

export function describeLocation(pointer: string, t: ProviderSettingsStrings): string {
  let segments: string[];
  try {
    segments = fromPointer(String(pointer));
  } catch {
    return t.requestLocation;
  }
  const [top, second, third, ...rest] = segments;
  const generic = (segment: string): string => {
    if (segment === KEY_SEGMENT) return t.keyLocation;
    if (isIndex(segment)) return t.itemLocation(Number(segment));
    const label = own(FIELD_LABELS, segment);
    return label ? (t[label] as string) : quoted(segment);
  };
  if (top === undefined) return t.requestLocation;
  if (segments.length === 1 && isIndex(top)) return t.requestCharacterLocation(Number(top));

  const words: string[] = [];
  if (top === 'provider_tokens') {
    if (second === undefined) return t.gitProvidersHeading;
    const provider = providerMeta(second).label;
    if (third === KEY_SEGMENT && rest.length === 0) return t.providerKeyLocation(provider);
    words.push(provider, ...[third, ...rest].filter((s) => s !== undefined).map(generic));
  } else if (top === 'mcp_config') {
    const kind = second === undefined ? undefined : kindOfList(second);
    if (second === undefined) return t.mcpHeading;
    if (kind === undefined)
      words.push(t.mcpHeading, ...[second, third, ...rest].filter((s) => s !== undefined).map(generic));
    else if (third === undefined) words.push(t.serverKindHeading[kind]);
    else if (!isIndex(third)) words.push(t.serverKindHeading[kind], ...[third, ...rest].map(generic));
    else {
      words.push(t.serverLabel(kind, Number(third)));
      const [fieldName, item, ...tail] = rest;
      if (fieldName === 'args' && item !== undefined && isIndex(item))
        words.push(t.argLabel(Number(item)), ...tail.map(generic));
      else if (fieldName === 'env' && item !== undefined)
        words.push(t.envVariableLocation(quoted(item).slice(1, -1)), ...tail.map(generic));
      else
        words.push(
          ...rest.map(
            // The card's words for its fields (and an auth's parts); a header's name is a name.
            (segment, i) =>
              (i === 0 || (i === 1 && rest[0] === 'auth') ? namedLabel(t, segment, rest[i - 1]) : undefined) ??
              generic(segment),
          ),
        );
    }
  } else {
    words.push(t.requestLocation, ...segments.map(generic));
  }
  return words.join(SEPARATOR);
}
