/**
 * Shared set-ups of the fault and security tests: a tenant with a mounted element, a form filled
 * in as a person would (every kind of control), and a snapshot of every value the form shows.
 */
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness, mount } from './element.js';
import type { ProviderSettingsHarness } from './harness.js';
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
): Promise<{ tenant: Tenant; el: OpenHandsProviderSettings; ui: ProviderSettingsHarness }> {
  const tenant = await createTenant(options);
  const el = await mount((e) => {
    e.baseUrl = tenant.baseUrl;
    e.sessionKey = SESSION_KEY;
    if (options.settings === undefined) e.settings = NOTHING_STORED;
    configure(e);
  });
  return { tenant, el, ui: harness(el) };
}

/** Types into every kind of control: tokens, a host, an SSE and an SHTTP server with API keys, a stdio server with an argument and an environment variable. */
export async function fillForm(el: OpenHandsProviderSettings): Promise<void> {
  const ui = harness(el);
  await ui.typeToken('github', TYPED_SECRETS.github);
  await ui.typeToken('gitlab', TYPED_SECRETS.gitlab);
  await ui.provider('gitlab').typeHost('gitlab.example.com');
  const sse = await ui.addServer('sse');
  await sse.type('url', 'https://mcp.example.com/sse');
  await sse.type('api_key', TYPED_SECRETS.sseApiKey);
  const shttp = await ui.addServer('shttp');
  await shttp.type('url', 'https://mcp.example.com/mcp');
  await shttp.type('api_key', TYPED_SECRETS.shttpApiKey);
  const stdio = await ui.addServer('stdio');
  await stdio.type('name', 'files');
  await stdio.type('command', 'npx');
  await ui.type(await stdio.addArg(), '-y');
  const variable = await stdio.addEnv();
  await ui.type(variable.key, 'LOG_LEVEL');
  await ui.type(variable.value, 'debug');
}

/** Every input of the form as `[data-path, value]`, in document order. */
export function formValues(el: OpenHandsProviderSettings): [string, string][] {
  return harness(el)
    .inputs()
    .map((input) => [input.dataset.path ?? '', input.value]);
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
