/**
 * Shared set-ups of the fault and security tests: a tenant with a mounted element, a form filled
 * in as a person would (every kind of control), and a snapshot of every value the form shows.
 */
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { $, click, control, group, mount, type } from './element.js';
import { createTenant, SESSION_KEY, type Tenant, type TenantOptions } from './reference-server.js';

/** Secrets the filled-in form carries: each long and unique, so finding one anywhere is a leak. */
export const TYPED_SECRETS = {
  github: 'ghp_TypedSecretGithub_7f3a9c',
  gitlab: 'glpat-TypedSecretGitlab-41d2',
  sseApiKey: 'sk-TypedSecretSseApiKey-90be',
  shttpApiKey: 'sk-TypedSecretShttpApiKey-5c11',
} as const;

/**
 * What a new tenant stores (nothing), as `GET /api/settings` says it: given to the element as its
 * `settings`, so that a save goes straight to its requests, as on a host page that passes them.
 */
export const NOTHING_STORED = Object.freeze({ provider_tokens_set: {}, mcp_config: null });

/** A tenant and an element on it; the element knows what the tenant stores unless `configure` says otherwise. */
export async function setup(
  options: TenantOptions = {},
  configure: (el: OpenHandsProviderSettings) => void = () => {},
): Promise<{ tenant: Tenant; el: OpenHandsProviderSettings }> {
  const tenant = await createTenant(options);
  const el = await mount((e) => {
    e.baseUrl = tenant.baseUrl;
    e.sessionKey = SESSION_KEY;
    if (options.settings === undefined) e.settings = NOTHING_STORED;
    configure(e);
  });
  return { tenant, el };
}

/** Types into every kind of control: tokens, a host, an SSE and an SHTTP server with API keys, a stdio server with an argument and an environment variable. */
export async function fillForm(el: OpenHandsProviderSettings): Promise<void> {
  await type(el, control(el, '/provider_tokens/github/token'), TYPED_SECRETS.github);
  await type(el, control(el, '/provider_tokens/gitlab/token'), TYPED_SECRETS.gitlab);
  await type(el, control(el, '/provider_tokens/gitlab/host'), 'gitlab.example.com');
  await click(el, 'button[data-action="add-server"][data-kind="sse"]');
  await type(el, control(el, '/mcp_config/sse_servers/0/url'), 'https://mcp.example.com/sse');
  await type(el, control(el, '/mcp_config/sse_servers/0/api_key'), TYPED_SECRETS.sseApiKey);
  await click(el, 'button[data-action="add-server"][data-kind="shttp"]');
  await type(el, control(el, '/mcp_config/shttp_servers/0/url'), 'https://mcp.example.com/mcp');
  await type(el, control(el, '/mcp_config/shttp_servers/0/api_key'), TYPED_SECRETS.shttpApiKey);
  await click(el, 'button[data-action="add-server"][data-kind="stdio"]');
  await type(el, control(el, '/mcp_config/stdio_servers/0/name'), 'files');
  await type(el, control(el, '/mcp_config/stdio_servers/0/command'), 'npx');
  const stdioRow = group(el, '/mcp_config/stdio_servers/0').dataset.row!;
  await click(el, `button[data-action="add-arg"][data-row="${stdioRow}"]`);
  await type(el, control(el, '/mcp_config/stdio_servers/0/args/0'), '-y');
  await click(el, `button[data-action="add-env"][data-row="${stdioRow}"]`);
  const key = $(el, `[data-path="/mcp_config/stdio_servers/0"] input[data-field="[key]"]`) as HTMLInputElement;
  await type(el, key, 'LOG_LEVEL');
  await type(el, control(el, '/mcp_config/stdio_servers/0/env/LOG_LEVEL'), 'debug');
}

/** Every input of the form as `[data-path, value]`, in document order. */
export function formValues(el: OpenHandsProviderSettings): [string, string][] {
  return [...el.shadowRoot!.querySelectorAll('input')].map((input) => [input.dataset.path ?? '', input.value]);
}

/** The same server seen from another origin: the test page is on `localhost`, this is `127.0.0.1` (loopback too). */
export function otherOrigin(): string {
  return `${location.protocol}//127.0.0.1:${location.port}`;
}

/** Measures how long the page takes to run a queued task: proof that it is not stuck in a long job. */
export async function responsive(limitMs = 1000): Promise<number> {
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const took = performance.now() - started;
  if (took > limitMs) throw new Error(`the page took ${Math.round(took)} ms to run a task and paint`);
  return took;
}
