/**
 * "Saved means stored" as a property (fast-check): for random sequences of edits, saves
 * (succeeding, failing, slow, partial), loads and fresh settings from the host, the real save controller
 * and form model, talking to an in-memory server with OpenHands 0.53.0's two stores, never delete a
 * stored token the person did not remove, and every MCP server the form shows as saved is stored.
 */
import { providersChanged, takeSnapshot } from '../../src/model/save-snapshot.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NO_SETTINGS } from '../../src/contract/http.js';
import type { SubmitResult } from '../../src/contract/result.js';
import type { McpConfig, StoredSettings } from '../../src/contract/schema.js';
import type { SaveContent, SettingsApi } from '../../src/contract/settings-api.js';
import { SaveController } from '../../src/element/save-controller.js';
import { FormModel } from '../../src/model/form-model.js';

const PROVIDERS = ['github', 'gitlab', 'bitbucket'] as const;
type Provider = (typeof PROVIDERS)[number];

/** The two stores, with their storing rules (docs/CONTRACT.md, "Two stores", "Storing tokens", "Storing settings"). */
class TwoStores {
  tokens = new Map<string, string>();
  /** null: no settings record (GET answers 404). */
  mcp: McpConfig | null | undefined;
  /** What the next save's requests answer. */
  failTokens = false;
  failMcp = false;
  /** Resolved by the test while a request is in flight (a slow save). */
  gate: Promise<void> = Promise.resolve();

  constructor(hasSettings: boolean) {
    this.mcp = hasSettings ? null : undefined;
  }

  get hasSettings(): boolean {
    return this.mcp !== undefined;
  }

  answer(): StoredSettings {
    const set: Record<string, null> = {};
    for (const provider of this.tokens.keys()) set[provider] = null;
    return { provider_tokens_set: set, mcp_config: this.mcp ? structuredClone(this.mcp) : null };
  }

  api(): SettingsApi {
    return {
      load: async () =>
        this.hasSettings ? { kind: 'loaded', settings: this.answer(), raw: {} } : { kind: 'not-found' },
      saveTokens: async ({ body }: SaveContent): Promise<SubmitResult> => {
        await this.gate;
        if (this.failTokens) return { kind: 'server', status: 500, message: 'no' };
        const next = new Map<string, string>();
        for (const [provider, entry] of Object.entries(body.provider_tokens)) {
          if (entry.token) next.set(provider, entry.token);
          else if (this.tokens.has(provider)) next.set(provider, this.tokens.get(provider)!);
        }
        this.tokens = next;
        return { kind: 'saved', status: 200, message: 'Git providers stored' };
      },
      saveMcp: async ({ body }: SaveContent): Promise<SubmitResult> => {
        await this.gate;
        if (!this.hasSettings) return NO_SETTINGS;
        if (this.failMcp) return { kind: 'server', status: 500, message: 'no' };
        this.mcp = structuredClone(body.mcp_config);
        return { kind: 'saved', status: 200, message: 'Settings stored' };
      },
    };
  }
}

/** Enough of a Lit host for the controller and its Task. */
function host(): ReactiveControllerHost {
  const controllers: ReactiveController[] = [];
  return {
    addController: (c) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
}

type Action =
  | { kind: 'type'; provider: Provider; token: string }
  | { kind: 'remove'; provider: Provider }
  | { kind: 'restore'; provider: Provider }
  | { kind: 'add-server'; url: string }
  | { kind: 'remove-server' }
  | { kind: 'save'; failTokens: boolean; failMcp: boolean; confirm: boolean; during: Action | null }
  | { kind: 'fresh-settings' };

const edit: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('type' as const),
    provider: fc.constantFrom(...PROVIDERS),
    token: fc.constantFrom('t1', 't2', 't3'),
  }),
  fc.record({ kind: fc.constant('remove' as const), provider: fc.constantFrom(...PROVIDERS) }),
  fc.record({ kind: fc.constant('restore' as const), provider: fc.constantFrom(...PROVIDERS) }),
  fc.record({
    kind: fc.constant('add-server' as const),
    url: fc.constantFrom('https://a.example.com/sse', 'https://b.example.com/sse'),
  }),
  fc.constant({ kind: 'remove-server' as const }),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: edit },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('save' as const),
      failTokens: fc.boolean(),
      failMcp: fc.boolean(),
      confirm: fc.boolean(),
      during: fc.option(edit, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'fresh-settings' as const }) },
);

describe('saved means stored: properties', () => {
  it('no stored token the person did not remove is ever deleted; every server shown as saved is stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...PROVIDERS]),
        fc.boolean(),
        fc.constantFrom('none', 'given'),
        fc.array(action, { maxLength: 25 }),
        async (initiallyStored, hasSettings, start, actions) => {
          const server = new TwoStores(hasSettings);
          for (const provider of initiallyStored) server.tokens.set(provider, `stored-${provider}`);
          const model = new FormModel({ providers: PROVIDERS });
          // The same settings object set again is a no-op in the element (tested there), so the host's
          // settings here are always a fresh answer of the server.
          if (start === 'given' && hasSettings) model.setSettings(server.answer());
          /** Providers whose stored token the person asked to delete (a removal, or a confirmed replacement). */
          const allowedToGo = new Set<string>();
          const controller = new SaveController(host(), {
            model,
            api: server.api(),
            takeStored: (settings) => (settings === null ? model.settingsNotFound() : model.setSettings(settings)),
            settle: () => {},
          });
          const row = (provider: string) => model.draft.providers.find((p) => p.provider === provider)!;

          const apply = (a: Action): void => {
            switch (a.kind) {
              case 'type':
                model.setField(row(a.provider).id, 'token', a.token);
                return;
              case 'remove':
                if (row(a.provider).stored) model.removeProvider(row(a.provider).id);
                return;
              case 'restore':
                model.restoreProvider(row(a.provider).id);
                return;
              case 'add-server':
                model.setField(model.addServer('sse'), 'url', a.url);
                return;
              case 'remove-server':
                if (model.draft.sse[0]) model.removeServer(model.draft.sse[0].id);
                return;
              default:
                return;
            }
          };

          for (const a of actions) {
            if (a.kind === 'fresh-settings') {
              if (server.hasSettings) model.setSettings(server.answer());
              continue;
            }
            if (a.kind !== 'save') {
              apply(a);
              continue;
            }
            const before = new Set(server.tokens.keys());
            const ready = await controller.makeKnown();
            if (ready.kind === 'failed') continue;
            if (ready.kind === 'tokens-unknown') {
              if (!a.confirm || !providersChanged(model)) continue;
              // The person confirmed replacing every stored token they cannot see.
              for (const provider of before) if (!row(provider).token) allowedToGo.add(provider);
            }
            const snapshot = takeSnapshot(model);
            for (const p of model.draft.providers) if (p.removed) allowedToGo.add(p.provider);
            server.failTokens = a.failTokens;
            server.failMcp = a.failMcp;
            let open!: () => void;
            server.gate = new Promise((resolve) => (open = resolve));
            const saving = controller.run(snapshot);
            if (a.during) apply(a.during);
            open();
            await saving;

            for (const provider of before) {
              if (!server.tokens.has(provider)) expect(allowedToGo, `${provider} deleted`).to.include(provider);
            }
            if (model.known.mcp && server.hasSettings) {
              const shown = model.storedState().mcp;
              const urls = (c: McpConfig | null | undefined) => (c?.sse_servers ?? []).map((s) => s.url);
              expect(urls(shown), 'servers shown as saved').to.deep.equal(urls(server.mcp));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
