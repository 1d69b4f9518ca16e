import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { pointerOf } from '../../src/model/error-list.js';
import { FormModel } from '../../src/model/form-model.js';
import { PointerIndex } from '../../src/model/locate.js';
import { defaultStrings } from '../../src/element/strings.js';
import type { RenderContext } from '../../src/element/templates/context.js';
import { mcpSection } from '../../src/element/templates/mcp.js';
import { providersSection } from '../../src/element/templates/providers.js';

/** The sections as the element renders them, for `model`. */
function rendered(model: FormModel): HTMLElement[] {
  const ctx: RenderContext = {
    model,
    t: defaultStrings,
    revealed: new Set(),
    confirming: null,
    expanded: new Set(),
    filter: '',
    secretForms: new Map(),
  };
  const root = document.createElement('div');
  render([providersSection(ctx), mcpSection(ctx)], root);
  return [...root.querySelectorAll<HTMLElement>('[data-path]')];
}

describe('data-path: the pointer rendered on each control and group is where errors on it land', () => {
  // Every kind of row and group, with names that need escaping and an env row not sent (blank).
  const model = new FormModel({
    providers: ['github', 'a/b~c'],
    value: {
      provider_tokens: { github: { token: 't', host: 'github.example.com' } },
      mcp_config: {
        sse_servers: ['https://a.example.com/sse', 'https://b.example.com/sse'],
        shttp_servers: [{ url: 'https://c.example.com/mcp', api_key: 'k' }],
        stdio_servers: [
          { name: 'one', command: 'npx', args: ['-y', 'x'], env: { A: '1', 'b/c~d': '2' } },
          { name: 'two', command: 'uvx', args: [], env: { C: '3' } },
        ],
      },
    },
  });
  model.addEnv(model.draft.stdio[1]!.id);

  it('renders every row and group with a pointer', () => {
    const paths = rendered(model).map((node) => node.dataset.path);
    expect(paths).to.include.members([
      '/provider_tokens',
      '/provider_tokens/a~1b~0c/token',
      '/mcp_config/sse_servers/1/url',
      '/mcp_config/shttp_servers/0/api_key',
      '/mcp_config/stdio_servers/0/args/1',
      '/mcp_config/stdio_servers/0/env/b~1c~0d/[key]',
      '/mcp_config/stdio_servers/1/env/',
    ]);
  });

  it('places each pointer on the row and field that carry it (model/locate.ts)', () => {
    const index = new PointerIndex(model.draft);
    for (const node of rendered(model)) {
      const { path, row, field } = node.dataset;
      // An env row's group and its value share a pointer: what lands there is on the value.
      const isEnvGroup = field === '' && node.classList.contains('env-row');
      expect(index.place(path!), path).to.deep.equal({
        target: { rowId: row, field: isEnvGroup ? 'value' : field },
        subpath: '',
      });
    }
  });

  it('names each row and field by the pointer rendered on it (model/error-list.ts)', () => {
    for (const node of rendered(model)) {
      const { path, row, field } = node.dataset;
      expect(pointerOf(model, { rowId: row!, field: field! }), `${row} ${field}`).to.equal(path);
    }
  });
});
