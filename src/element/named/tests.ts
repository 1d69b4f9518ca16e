/**
 * "Test connection" on a server card, where the API offers it (the agent-server tests what the
 * card says; the V1 app server tests the server as stored, by name). One test per card at a
 * time; its result stays on the card, in a live region, until the card's content changes or it
 * is tested again. Never a secret in a result: the testers redact what the server says.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConnectionOptions } from '../../contract/http.js';
import { LIST_KEY } from '../../contract/mcp-entry.js';
import type { McpTester, McpTestKind, McpTestResult } from '../../contract/mcp-test.js';
import type { NamedStdioServer, NamedUrlServer } from '../../contract/mcp-server.js';
import type { ApiKind } from '../../contract/settings-api.js';
import type { StdioServerRow, UrlServerRow } from '../../model/draft.js';
import type { FormModel } from '../../model/form-model.js';
import { mcpBody } from '../../model/to-body.js';

export interface CardTest {
  /** What the card held when it was tested (a result is about that content only). */
  content: string;
  result: McpTestResult | null;
}

export class McpTests implements ReactiveController {
  private readonly tests = new Map<string, CardTest>();
  private readonly running = new Map<string, AbortController>();
  private readonly testers = new Map<ApiKind, Promise<McpTester>>();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly model: FormModel,
    private readonly api: () => ApiKind | null,
    private readonly connection: (signal: AbortSignal) => ConnectionOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** The server as the card says it now (V0's fields with `x`), its list and whether it is what is stored. */
  private server(row: UrlServerRow | StdioServerRow) {
    const body = mcpBody(this.model.draft, true);
    for (const kind of ['sse', 'shttp', 'stdio'] as const) {
      const i = this.model.draft[kind].indexOf(row as never);
      if (i < 0 || !body) continue;
      const server = body[LIST_KEY[kind]][i] as NamedUrlServer | NamedStdioServer;
      const stored = this.model.storedState(true).mcp?.[LIST_KEY[kind]] ?? [];
      const content = JSON.stringify(server);
      return { kind: kind as McpTestKind, server, content, stored: stored.some((s) => JSON.stringify(s) === content) };
    }
    return null;
  }

  /** Whether any card shows a result (each edit then renders, so one about other content goes at once). */
  get hasResults(): boolean {
    for (const test of this.tests.values()) if (test.result) return true;
    return false;
  }

  /** The card's test: running, or its result while the card still says what was tested. */
  state(row: UrlServerRow | StdioServerRow): { running: boolean; result: McpTestResult | null } {
    const test = this.tests.get(row.id);
    // The card's content is worked out only for a card that has a result (each render asks every card).
    const current = test?.result && test.content === this.server(row)?.content ? test.result : null;
    // A result about other content is gone for good: with none left, edits render as usual again.
    if (test?.result && !current) this.tests.delete(row.id);
    return { running: this.running.has(row.id), result: current };
  }

  async run(row: UrlServerRow | StdioServerRow): Promise<void> {
    const found = this.server(row);
    const api = this.api();
    if (!found || this.running.has(row.id) || (api !== 'v1' && api !== 'agent-server')) return;
    const control = new AbortController();
    this.running.set(row.id, control);
    this.tests.set(row.id, { content: found.content, result: null });
    this.host.requestUpdate();
    let tester = this.testers.get(api);
    if (!tester) {
      const made =
        api === 'v1'
          ? import('../../contract/v1-mcp-test.js').then((m) => m.v1Tester(this.connection))
          : import('../../contract/agent-mcp-test.js').then((m) => m.agentServerTester(this.connection));
      this.testers.set(api, (tester = made));
    }
    let result: McpTestResult;
    try {
      result = await (await tester).test(found.kind, found.server, found.stored, control.signal);
    } catch {
      // Its module did not load (offline): tried again at the next press.
      this.testers.delete(api);
      result = { kind: 'network', message: 'The test could not be started: check the connection and try again.' };
    }
    this.running.delete(row.id);
    if (result.kind === 'aborted' || !this.host.isConnected) return;
    this.tests.set(row.id, { content: found.content, result });
    this.host.requestUpdate();
  }

  /** Leaving the page stops every test (the V1 app server's run goes on; its result is not waited for). */
  abort(): void {
    for (const control of this.running.values()) control.abort();
    this.running.clear();
  }
}
