// The floor: the same form with no framework, no shadow DOM and no validation library. It builds
// the same inputs (same attributes, same labels, buttons and groups), keeps a plain object per row,
// and does the same keystroke, validation and 422 work in the most direct way: the least any
// implementation of this form has to spend. Written for the benchmark only; it is not a product.
import { PROVIDERS } from './fixture.js';
import { installHarness } from './harness.js';

const LISTS = [
  ['sse', 'sse_servers', 'SSE server'],
  ['shttp', 'shttp_servers', 'SHTTP server'],
  ['stdio', 'stdio_servers', 'Stdio server'],
];

/** `tag.class` with attributes, then children (strings become text). */
function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name);
  if (classes.length) el.className = classes.join(' ');
  if (attrs) for (const key in attrs) if (attrs[key] != null) el.setAttribute(key, attrs[key]);
  for (const child of children) if (child != null) el.append(child);
  return el;
}

const pointerSegment = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

class Floor {
  constructor() {
    this.rows = new Map(); // row id -> row object (its fields are the input's data-field names)
    this.inputs = new Map(); // data-path -> element (inputs and groups)
    this.errorsShown = new Map(); // element -> its <p class="error">
    this.nextId = 0;
    this.dirty = false;
  }

  id() {
    this.nextId += 1;
    return 'r' + this.nextId;
  }

  field(
    row,
    fieldName,
    path,
    label,
    value,
    { secret = false, hideLabel = false, placeholder = null, hint = null } = {},
  ) {
    const id = `f-${row.id}-${fieldName}`;
    const input = h('input', {
      id,
      type: secret ? 'password' : 'text',
      'data-path': path,
      'data-row': row.id,
      'data-field': fieldName,
      placeholder,
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      'aria-describedby': hint ? `${id}-hint` : null,
    });
    input.value = value;
    this.inputs.set(path, input);
    return h(
      'div.field',
      null,
      h('label', { for: id, class: hideLabel ? 'visually-hidden' : '' }, label),
      h(
        'div.control',
        null,
        input,
        secret
          ? h(
              'button.icon',
              {
                type: 'button',
                'data-action': 'toggle-reveal',
                'data-row': row.id,
                'aria-controls': id,
                'aria-label': `Show ${label}`,
              },
              'Show',
            )
          : null,
      ),
      hint ? h('p.hint', { id: `${id}-hint` }, hint) : null,
    );
  }

  rowActions(rowId, what, index, count, kind) {
    const move = (delta, text) =>
      h(
        'button.icon',
        {
          type: 'button',
          'data-action': `move-${kind}`,
          'data-row': rowId,
          'data-delta': delta,
          'aria-label': `Move ${what} ${text}`,
          disabled: (delta < 0 ? index === 0 : index === count - 1) ? '' : null,
        },
        delta < 0 ? '↑' : '↓',
      );
    return h(
      'div.row-actions',
      null,
      kind === 'env' ? null : move(-1, 'up'),
      kind === 'env' ? null : move(1, 'down'),
      h(
        'button.icon',
        { type: 'button', 'data-action': `remove-${kind}`, 'data-row': rowId, 'aria-label': `Remove ${what}` },
        '✕',
      ),
    );
  }

  card(path, row, label, index, count, ...body) {
    const el = h(
      'fieldset.card',
      { part: 'server', 'data-path': path, 'data-row': row.id, 'data-field': '', tabindex: '-1' },
      h('legend', null, label),
      ...body,
      h('div.card-head', null, h('span'), this.rowActions(row.id, label, index, count, 'server')),
    );
    this.inputs.set(path, el);
    return el;
  }

  build(body) {
    const form = h('form', { novalidate: '' });
    const fieldset = h('fieldset');
    form.append(fieldset);
    this.summarySlot = h('div');
    fieldset.append(this.summarySlot);

    const providers = h('section', { 'data-path': '/provider_tokens' }, h('h2', null, 'Git providers'));
    for (const provider of PROVIDERS) {
      const entry = body.provider_tokens[provider] ?? {};
      const row = { id: this.id(), provider, token: entry.token ?? '', host: entry.host ?? '' };
      this.rows.set(row.id, row);
      const path = `/provider_tokens/${pointerSegment(provider)}`;
      const card = h(
        'fieldset.card',
        { 'data-path': path, 'data-row': row.id, 'data-field': '', 'data-provider': provider, tabindex: '-1' },
        h('legend', null, provider),
        h(
          'div.grid-2',
          null,
          this.field(row, 'token', `${path}/token`, 'Token', row.token, {
            secret: true,
            hint: 'A personal access token.',
          }),
          this.field(row, 'host', `${path}/host`, 'Host', row.host, { hint: 'Only for a self-hosted instance.' }),
        ),
      );
      this.inputs.set(path, card);
      providers.append(card);
    }
    fieldset.append(providers);

    const mcp = h('section', { 'data-path': '/mcp_config' }, h('h2', null, 'MCP servers'));
    this.lists = {};
    for (const [kind, key, label] of LISTS) {
      const path = `/mcp_config/${key}`;
      const servers = body.mcp_config[key];
      const list = h('section', { 'data-path': path }, h('h3', null, label + 's'));
      this.lists[kind] = [];
      servers.forEach((server, i) => {
        const serverPath = `${path}/${i}`;
        const what = `${label} ${i + 1}`;
        if (kind !== 'stdio') {
          const row = { id: this.id(), url: server.url, api_key: server.api_key ?? '' };
          this.rows.set(row.id, row);
          this.lists[kind].push(row);
          list.append(
            this.card(
              serverPath,
              row,
              what,
              i,
              servers.length,
              h(
                'div.grid-2',
                null,
                this.field(row, 'url', `${serverPath}/url`, 'URL', row.url, {
                  placeholder: 'https://mcp.example.com/',
                }),
                this.field(row, 'api_key', `${serverPath}/api_key`, 'API key', row.api_key, { secret: true }),
              ),
            ),
          );
          return;
        }
        const row = { id: this.id(), name: server.name, command: server.command, args: [], env: [] };
        this.rows.set(row.id, row);
        this.lists.stdio.push(row);
        const argsPath = `${serverPath}/args`;
        const args = h('ol.rows');
        server.args.forEach((value, j) => {
          const arg = { id: this.id(), value };
          this.rows.set(arg.id, arg);
          row.args.push(arg);
          args.append(
            h(
              'li.row',
              null,
              this.field(arg, 'value', `${argsPath}/${j}`, `Argument ${j + 1}`, value, { hideLabel: true }),
              this.rowActions(arg.id, `Argument ${j + 1}`, j, server.args.length, 'arg'),
            ),
          );
        });
        const envPath = `${serverPath}/env`;
        const env = h('ul.rows');
        Object.entries(server.env).forEach(([k, value], j) => {
          const item = { id: this.id(), '[key]': k, value };
          this.rows.set(item.id, item);
          row.env.push(item);
          const itemPath = `${envPath}/${pointerSegment(k)}`;
          const group = h(
            'div.row.env-row',
            {
              role: 'group',
              'aria-label': `Environment variable ${j + 1}`,
              'data-path': itemPath,
              'data-row': item.id,
              'data-field': '',
              tabindex: '-1',
            },
            this.field(item, '[key]', `${itemPath}/[key]`, `Name ${j + 1}`, k, {
              hideLabel: true,
              placeholder: 'Name',
            }),
            this.field(item, 'value', itemPath, `Value ${j + 1}`, value, { hideLabel: true, placeholder: 'Value' }),
            this.rowActions(item.id, `Environment variable ${j + 1}`, j, 3, 'env'),
          );
          env.append(h('li', null, group));
        });
        const group = (name, path, label, content, add) => {
          const el = h(
            'div',
            { role: 'group', 'data-path': path, 'data-row': row.id, 'data-field': name, tabindex: '-1' },
            h('p.label', null, label),
            content,
            h(
              'div.actions',
              null,
              h(
                'button',
                { type: 'button', 'data-action': add, 'data-row': row.id },
                add === 'add-arg' ? 'Add argument' : 'Add variable',
              ),
            ),
          );
          this.inputs.set(path, el);
          return el;
        };
        list.append(
          this.card(
            serverPath,
            row,
            what,
            i,
            servers.length,
            h(
              'div.grid-2',
              null,
              this.field(row, 'name', `${serverPath}/name`, 'Name', row.name, { placeholder: 'my-server' }),
              this.field(row, 'command', `${serverPath}/command`, 'Command', row.command, {
                placeholder: 'npx',
                hint: 'One executable; its parameters go in the arguments.',
              }),
            ),
            group('args', argsPath, 'Arguments', args, 'add-arg'),
            group('env', envPath, 'Environment', env, 'add-env'),
          ),
        );
      });
      list.append(
        h(
          'div.actions',
          null,
          h('button', { type: 'button', 'data-action': 'add-server', 'data-kind': kind }, `Add ${label}`),
        ),
      );
      this.inputs.set(path, list);
      mcp.append(list);
    }
    fieldset.append(mcp);
    fieldset.append(
      h(
        'div.actions',
        null,
        h('button.primary', { type: 'submit' }, 'Save'),
        h('button', { type: 'button', 'data-action': 'reset' }, 'Discard changes'),
        h('p.status', { role: 'status' }),
      ),
    );

    // The keystroke work: the typed value into its row, dirty, a change event.
    form.addEventListener('input', (event) => {
      const input = event.target;
      const row = this.rows.get(input.dataset.row);
      if (!row) return;
      row[input.dataset.field] = input.value;
      this.dirty = true;
      form.dispatchEvent(
        new CustomEvent('floor-change', { bubbles: true, composed: true, detail: { dirty: this.dirty } }),
      );
    });
    this.form = form;
    return form;
  }

  toBody() {
    const provider_tokens = {};
    for (const row of this.rows.values())
      if ('provider' in row) provider_tokens[row.provider] = { token: row.token || null, host: row.host || null };
    return {
      provider_tokens,
      mcp_config: {
        sse_servers: this.lists.sse.map((r) => ({ url: r.url, api_key: r.api_key || null })),
        shttp_servers: this.lists.shttp.map((r) => ({ url: r.url, api_key: r.api_key || null })),
        stdio_servers: this.lists.stdio.map((r) => ({
          name: r.name,
          command: r.command,
          args: r.args.map((a) => a.value),
          env: Object.fromEntries(r.env.map((e) => [e['[key]'], e.value])),
        })),
      },
    };
  }

  /** The same rules as the element (the server's), written directly; errors keyed by data-path. */
  validate() {
    const errors = new Map();
    const add = (path, message) => {
      const list = errors.get(path);
      if (list) list.push(message);
      else errors.set(path, [message]);
    };
    const url = (value) => {
      const v = value.trim();
      if (v === '') return 'URL cannot be empty';
      const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/.exec(v);
      if (!m) return 'URL must include a scheme';
      const rest = m[2];
      if (!rest.startsWith('//') || /^\/\/[/?#]|^\/\/$/.test(rest)) return 'URL must include a host';
      if (!['http', 'https', 'ws', 'wss'].includes(m[1].toLowerCase())) return 'Invalid URL scheme';
      return null;
    };
    for (const row of this.rows.values()) {
      if ('provider' in row) {
        const token = row.token.trim();
        const host = row.host.trim();
        if (row.provider === 'bitbucket' && token !== '' && !/^[^:]+:.+$/.test(token))
          add(`/provider_tokens/${row.provider}/token`, 'Bitbucket tokens are username:app_password');
        if (host !== '' && !/^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(host))
          add(`/provider_tokens/${row.provider}/host`, 'The host is a bare domain');
      }
    }
    for (const kind of ['sse', 'shttp']) {
      this.lists[kind].forEach((row, i) => {
        const problem = url(row.url);
        if (problem) add(`/mcp_config/${kind}_servers/${i}/url`, problem);
      });
    }
    this.lists.stdio.forEach((row, i) => {
      const base = `/mcp_config/stdio_servers/${i}`;
      const name = row.name.trim();
      if (name === '') add(`${base}/name`, 'Server name cannot be empty');
      else if (!/^[a-zA-Z0-9_-]+$/.test(name))
        add(`${base}/name`, 'Server name can only contain letters, numbers, hyphens, and underscores');
      const command = row.command.trim();
      if (command === '') add(`${base}/command`, 'Command cannot be empty');
      else if (command.includes(' ')) add(`${base}/command`, 'Command should be a single executable');
      const seen = new Set();
      for (const env of row.env) {
        const key = env['[key]'].trim();
        const path = `${base}/env/${pointerSegment(key)}/[key]`;
        if (key === '') add(path, 'The variable needs a name');
        else if (seen.has(key)) add(path, 'This name is already used');
        seen.add(key);
      }
    });
    this.show(errors);
    return errors.size === 0;
  }

  /** Puts `errors` (data-path -> messages) on their elements, takes stale ones away, and lists them. */
  show(errors, unplaced = []) {
    for (const [el, p] of this.errorsShown) {
      if (errors.has(el.dataset.path)) continue;
      p.remove();
      el.removeAttribute('aria-invalid');
      this.errorsShown.delete(el);
    }
    const entries = [];
    for (const [path, messages] of errors) {
      let target = this.inputs.get(path);
      for (let p = path; !target && p !== ''; p = p.slice(0, p.lastIndexOf('/'))) target = this.inputs.get(p);
      if (!target) {
        for (const m of messages) unplaced.push(`${path}: ${m}`);
        continue;
      }
      const text = messages.join('\n');
      let p = this.errorsShown.get(target);
      if (!p) {
        p = h('p.error', { id: `${target.id || target.dataset.row}-error` });
        (target.closest('.field') ?? target).append(p);
        target.setAttribute('aria-invalid', 'true');
        this.errorsShown.set(target, p);
      }
      p.textContent = text;
      for (const m of messages) entries.push(`${path}: ${m}`);
    }
    entries.push(...unplaced);
    if (entries.length === 0) {
      this.summarySlot.replaceChildren();
      return;
    }
    // As the element: the first 100 entries, then a button that would list the rest.
    const list = h('ul');
    entries
      .slice(0, 100)
      .forEach((text, index) =>
        list.append(
          h('li', null, h('button', { type: 'button', 'data-action': 'focus-error', 'data-index': index }, text)),
        ),
      );
    const more =
      entries.length > 100
        ? h(
            'p',
            null,
            h(
              'button',
              { type: 'button', 'data-action': 'show-all-errors', 'data-count': entries.length },
              `Show all ${entries.length} problems`,
            ),
          )
        : '';
    this.summarySlot.replaceChildren(
      h(
        'div.summary',
        { part: 'error-summary', role: 'group', tabindex: '-1' },
        h('h2', null, `${entries.length} problems`),
        list,
        more,
      ),
    );
  }

  async submit(baseUrl) {
    const response = await fetch(`${baseUrl}/api/add-git-providers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.toBody()),
    });
    if (response.status !== 422) return { kind: String(response.status) };
    const answer = JSON.parse(await response.text());
    const errors = new Map();
    for (const item of answer.detail) {
      const loc = item.loc[0] === 'body' ? item.loc.slice(1) : item.loc;
      const path = loc.map((s) => '/' + pointerSegment(s)).join('');
      const list = errors.get(path);
      if (list) list.push(item.msg);
      else errors.set(path, [item.msg]);
    }
    window.benchPlaced?.();
    this.show(errors);
    return { kind: 'validation' };
  }
}

installHarness({
  name: 'floor',
  async mount(body) {
    const floor = new Floor();
    const link = document.querySelector('link[rel=stylesheet]');
    if (!link) throw new Error('floor.css missing');
    const form = floor.build(body);
    form.floor = floor;
    document.body.append(form);
    return form;
  },
  settle: () => Promise.resolve(),
  lastCommand: (form) => {
    const all = form.querySelectorAll('input[data-field="command"]');
    return all[all.length - 1];
  },
  validate: (form) => form.floor.validate(),
  submit: (form, baseUrl) => form.floor.submit(baseUrl),
  summaryEntries: (form) =>
    Number(
      form.querySelector('.summary button[data-action="show-all-errors"]')?.dataset.count ??
        form.querySelectorAll('.summary button[data-action="focus-error"]').length,
    ),
});
