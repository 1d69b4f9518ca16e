/**
 * Property-based tests (issue 4, item 4) with fast-check: JSON Pointers, `loc` normalisation and
 * the draft <-> body round trip hold for any input, awkward keys included, and none of them
 * touches Object.prototype.
 */
import { checkedModel } from '../helpers/model.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { locToPointer } from '../../src/contract/loc.js';
import { escapeSegment, fromPointer, unescapeSegment } from '../../src/contract/pointer.js';
import { toPointer } from '../../src/contract/pointer-join.js';
import type { ProviderSettingsBody } from '../../src/contract/schema.js';
import { validateRequestBody } from '../../src/contract/validate.js';
import type { FormModel } from '../../src/model/form-model.js';
import { PointerIndex } from '../../src/model/locate.js';
import { envRuleIssues, MODEL_MESSAGES, providerRuleIssues } from '../../src/model/rules.js';
import { errorCount, listErrors } from '../../src/model/error-list.js';
import { AWKWARD_KEYS } from '../contract/json-arbitraries.js';

const RUNS = { numRuns: 300 };

const anyKey = fc.oneof(
  fc.constantFrom(...AWKWARD_KEYS),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
);
/** A string that the form sends unchanged (no surrounding whitespace, not empty). */
const trimmed = anyKey.filter((s) => s !== '' && s.trim() === s);

/**
 * An `mcp_config` without any server says the same as `null` (the endpoint validates it and
 * stores nothing); the form sends `null` when it has no baseline configuration. Compare modulo that.
 */
function canonical(value: ProviderSettingsBody): ProviderSettingsBody {
  const mcp = value.mcp_config;
  const empty = mcp !== null && mcp.sse_servers.length + mcp.stdio_servers.length + mcp.shttp_servers.length === 0;
  return { provider_tokens: value.provider_tokens, mcp_config: empty ? null : mcp };
}

function prototypeState(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getPrototypeOf(Object.prototype)]);
}

/** An object with exactly these own keys, `__proto__` included (plain assignment would set the prototype). */
function objectOf<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function entries<T>(value: fc.Arbitrary<T>, key = anyKey, maxLength = 4) {
  return fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength });
}

const urlServer = fc.record({
  url: anyKey,
  api_key: fc.option(
    anyKey.filter((s) => s !== ''),
    { nil: null },
  ),
});
const envEntry = fc
  .tuple(
    anyKey.filter((k) => k.trim() === k),
    anyKey,
  )
  .filter(([k, v]) => k !== '' || v.trim() !== '');
const stdioServer = fc.record({
  name: anyKey,
  command: anyKey,
  args: fc.array(anyKey, { maxLength: 4 }),
  env: fc.uniqueArray(envEntry, { selector: ([k]) => k, maxLength: 4 }).map(objectOf),
});
const providerEntry = fc.record({ token: trimmed, host: fc.option(trimmed, { nil: null }) });
const body: fc.Arbitrary<ProviderSettingsBody> = fc.record({
  provider_tokens: entries(providerEntry, trimmed).map(objectOf),
  mcp_config: fc.option(
    fc.record({
      sse_servers: fc.array(urlServer, { maxLength: 3 }),
      stdio_servers: fc.array(stdioServer, { maxLength: 3 }),
      shttp_servers: fc.array(urlServer, { maxLength: 3 }),
    }),
    { nil: null },
  ),
});

describe('properties: JSON Pointers', () => {
  it('any list of keys encodes to a pointer and decodes back', () => {
    const before = prototypeState();
    fc.assert(
      fc.property(fc.array(fc.oneof(anyKey, fc.nat())), (segments) => {
        const pointer = toPointer(segments);
        expect(pointer === '' || pointer.startsWith('/')).to.equal(true);
        expect(fromPointer(pointer)).to.deep.equal(segments.map(String));
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });

  it('escaping any key gives a segment without "/" that unescapes to the key', () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        const segment = escapeSegment(key);
        expect(segment).not.to.contain('/');
        expect(unescapeSegment(segment)).to.equal(key);
      }),
      RUNS,
    );
  });
});

describe('properties: loc normalisation', () => {
  it('never throws and always yields a pointer, whatever the loc', () => {
    const before = prototypeState();
    const segment = fc.oneof(
      anyKey,
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.boolean(),
      fc.object(),
      fc.array(fc.anything()),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.array(segment), fc.tuple(fc.constant('body'), fc.array(segment))),
        (loc) => {
          const pointer = locToPointer(loc);
          expect(typeof pointer).to.equal('string');
          expect(pointer === '' || pointer.startsWith('/')).to.equal(true);
          expect(() => fromPointer(pointer)).not.to.throw();
        },
      ),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });

  it('a well-formed body loc becomes the pointer of its path (v1 __key__ read as [key])', () => {
    const plain = fc.oneof(
      anyKey.filter((k) => k !== '__root__'),
      fc.nat(),
    );
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 8 }), (path) => {
        const expected = toPointer(path.map((s) => (s === '__key__' ? '[key]' : s)));
        expect(locToPointer(['body', ...path])).to.equal(expected);
      }),
      RUNS,
    );
  });
});

describe('properties: draft <-> body', () => {
  it('any configuration goes into the form and comes out as the same body', () => {
    const before = prototypeState();
    fc.assert(
      fc.property(body, (value) => {
        const model = checkedModel({ providers: [], value });
        expect(canonical(model.toBody())).to.deep.equal(canonical(value));
        // And again through a form that already shows something else (reconciliation by position).
        const other = checkedModel({
          providers: ['github'],
          value: { provider_tokens: { github: { token: 'x', host: null } }, mcp_config: null },
        });
        other.setValue(value);
        const out = other.toBody();
        expect(canonical(out).mcp_config).to.deep.equal(canonical(value).mcp_config);
        expect(objectOf(Object.entries(out.provider_tokens).filter(([, entry]) => entry.token !== null))).to.deep.equal(
          value.provider_tokens,
        );
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });

  it('the body a form gives goes through JSON and back unchanged, with every key an own property', () => {
    fc.assert(
      fc.property(body, (value) => {
        const out = checkedModel({ providers: [], value }).toBody();
        const copy = JSON.parse(JSON.stringify(out)) as ProviderSettingsBody;
        expect(copy).to.deep.equal(out);
        for (const key of Object.keys(value.provider_tokens)) {
          expect(Object.prototype.hasOwnProperty.call(out.provider_tokens, key), key).to.equal(true);
        }
      }),
      RUNS,
    );
  });
});

/** What the checks should find, computed the plain way: the whole body through the schema, placed by pointer, plus the model's rules. */
function plainVerdict(model: FormModel): string[] {
  const out: string[] = [];
  const index = new PointerIndex(model.draft);
  for (const issue of validateRequestBody(model.toBody())) {
    const placement = index.place(issue.pointer);
    out.push(
      JSON.stringify(
        placement
          ? [placement.target.rowId, placement.target.field, issue.code, issue.message, placement.subpath]
          : ['unplaced', issue.pointer, issue.code],
      ),
    );
  }
  const rules = [
    ...model.draft.providers.flatMap((row) => providerRuleIssues(row, MODEL_MESSAGES)),
    ...model.draft.stdio.flatMap((row) => envRuleIssues(row, MODEL_MESSAGES)),
  ];
  for (const r of rules) out.push(JSON.stringify([r.target.rowId, r.target.field, r.code, r.message, '']));
  return out.sort();
}

/** What the form shows after `validateAll()`, in the same terms. */
function shownVerdict(model: FormModel): string[] {
  return listErrors(model)
    .filter((e) => e.source === 'client')
    .map((e) =>
      JSON.stringify(
        e.target.rowId === 'unplaced'
          ? ['unplaced', e.pointer, e.code]
          : [e.target.rowId, e.target.field, e.code, e.message, e.location.slice(e.pointer.length)],
      ),
    )
    .sort();
}

/** Edits by position: [which row, which field, the new text]. */
const edits = fc.array(
  fc.tuple(
    fc.nat(),
    fc.nat(),
    fc.oneof(anyKey, fc.constantFrom('ok', 'a b', 'https://x.example.com', 'mcp.example.com', 'K')),
  ),
  { maxLength: 12 },
);

function applyEdit(model: FormModel, [which, field, text]: [number, number, string]): void {
  const d = model.draft;
  const targets: [string, string[]][] = [
    ...d.providers.map((r): [string, string[]] => [r.id, ['token', 'host']]),
    ...[...d.sse, ...d.shttp].map((r): [string, string[]] => [r.id, ['url', 'api_key']]),
    ...d.stdio.map((r): [string, string[]] => [r.id, ['name', 'command']]),
    ...d.stdio.flatMap((r) => r.args.map((a): [string, string[]] => [a.id, ['value']])),
    ...d.stdio.flatMap((r) => r.env.map((e): [string, string[]] => [e.id, ['[key]', 'value']])),
  ];
  if (targets.length === 0) return;
  const [id, fields] = targets[which % targets.length]!;
  model.setField(id, fields[field % fields.length]!, text);
}

describe('properties: the checks', () => {
  it('find what the whole body through the schema finds, also when they re-check only the servers edited since their last run', () => {
    fc.assert(
      fc.property(body, edits, fc.boolean(), (value, changes, addRows) => {
        const model = checkedModel({ providers: ['github', 'gitlab', 'bitbucket'], value });
        model.validateAll();
        expect(shownVerdict(model), 'first check').to.deep.equal(plainVerdict(model));
        if (addRows && model.draft.stdio[0]) {
          model.addEnv(model.draft.stdio[0].id, 'K', 'v');
          model.addArg(model.draft.stdio[0].id, 'a b');
          model.addServer('sse');
        }
        for (const change of changes) applyEdit(model, change);
        expect(model.validateAll()).to.equal(plainVerdict(model).length === 0);
        expect(shownVerdict(model), 'after edits').to.deep.equal(plainVerdict(model));
        expect(errorCount(model), 'the count without the list').to.equal(listErrors(model).length);
        // Checked ahead, then again: the same.
        model.checkAhead(() => true);
        model.validateAll();
        expect(shownVerdict(model), 'after checking ahead').to.deep.equal(plainVerdict(model));
      }),
      RUNS,
    );
  });
});
