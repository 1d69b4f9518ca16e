import type { StdioServerRow, UrlServerRow } from '../../model/draft.js';
import type { FormModel } from '../../model/form-model.js';
import type { ProviderSettingsStrings } from '../strings.js';

/** What the template functions read. They render; the element owns state and handles events. */
export interface RenderContext {
  model: FormModel;
  t: ProviderSettingsStrings;
  /** Row ids whose secret field is shown as text. */
  revealed: ReadonlySet<string>;
  /** The stored provider row whose removal is being confirmed, if any. */
  confirming: string | null;
  /** The stored settings are being loaded (`autoload`). */
  loading?: boolean;
  /** Server cards shown open in a long list (see templates/mcp.ts). */
  expanded: ReadonlySet<string>;
  /** The text of the server filter (long lists), as typed. */
  filter: string;
  /** The form that owns each row's secret field, by row id (templates/secret-forms.ts). */
  secretForms: ReadonlyMap<string, string>;
  /**
   * A newer server API answered: the fields it stores for a server besides V0's (named/extras.ts),
   * under the server's pointer. A URL server's auth replaces V0's API key there.
   */
  named?: ((row: UrlServerRow | StdioServerRow, path: string) => unknown) | undefined;
  /** With `named`: how a value read back masked shows (empty, "stored"), or null for any other. */
  masked?: ((value: string) => { value: string; hint: string } | null) | undefined;
}

/** A DOM id for a row's field, unique within the shadow root. */
export function domId(rowId: string, field: string): string {
  const slug = field === '' ? 'group' : field === '[key]' ? 'key' : field.replace(/[^a-zA-Z0-9_-]/g, '_');
  return `${rowId}-${slug}`;
}
