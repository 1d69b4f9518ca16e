/**
 * Accessibility checks of the element as a person meets it, each returning a list of readable
 * problems (empty when there are none), so that a failing test says what is wrong and where:
 *
 * - {@link axeProblems}: axe-core's WCAG 2.0/2.1/2.2 A and AA rules, on the element only (its
 *   shadow root included), not on the test page around it;
 * - {@link reflowProblems}: anything that sticks out of the element, is clipped, or needs sideways
 *   scrolling (WCAG 1.4.10 Reflow, 1.4.4 Resize text), at whatever viewport and text size is set
 *   with {@link viewport} and {@link textSize};
 * - {@link targetSizeProblems}: pointer targets smaller than 24 × 24 CSS px without the spacing
 *   that WCAG 2.5.8 Target Size (Minimum) accepts instead;
 * - {@link placeholderContrastProblems}: placeholder text against its input (WCAG 1.4.3), which
 *   axe does not judge (a `::placeholder` is not an element it can see);
 * - {@link landmarkProblems}: the element's landmarks and groups as Chromium exposes them.
 *
 * {@link expectNone} turns a list into a failing assertion that prints every entry.
 */
import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { AxeResults, NodeResult, RunOptions } from 'axe-core';
import { describeElement, squash } from './describe-element.js';

export { describeElement };

/** The axe-core global (`axe.min.js` is a UMD script that puts itself on `window`). */
const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the standard the element promises. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** Fails with every problem listed, one per line, or passes when there is none. */
export function expectNone(problems: readonly string[], what: string): void {
  if (problems.length === 0) return;
  try {
    expect.fail(
      `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n  - ${problems.join('\n  - ')}`,
    );
  } catch (error) {
    // The runner prints the message, then the stack, which repeats a message of many lines: keep only its frames.
    const e = error as Error;
    e.stack = (e.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n');
    throw e;
  }
}

// ----------------------------------------------------------------------------- naming elements

const roots = (el: HTMLElement): ShadowRoot => {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no open shadow root`);
  return el.shadowRoot;
};

/** Every element of a shadow root, nested open shadow roots included, in document order. */
function allElements(root: ShadowRoot | Element): Element[] {
  const out: Element[] = [];
  const visit = (node: ShadowRoot | Element) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return out;
}

const px = (n: number) => `${Math.round(n * 10) / 10} px`;

// ----------------------------------------------------------------------------------------- axe

let axeQueue: Promise<unknown> = Promise.resolve();

/**
 * axe-core's WCAG A/AA rules (2.0, 2.1, 2.2: colour contrast and target size included) on the
 * element and its shadow root, and nothing else of the page: the test page's own markup cannot
 * fail it. One line per offending node: rule, impact, which element, and axe's own account of
 * what it found (the contrast ratio and colours, the size and the target it is too close to...).
 */
export async function axeProblems(el: HTMLElement, options: { rules?: RunOptions['rules'] } = {}): Promise<string[]> {
  // Let the browser lay out and paint what was just rendered: axe measures sizes and colours.
  await settled();
  const run = axeQueue.then(() =>
    axe.run(el, {
      runOnly: { type: 'tag', values: [...WCAG_AA_TAGS] },
      resultTypes: ['violations'],
      elementRef: true,
      ...(options.rules ? { rules: options.rules } : {}),
    }),
  );
  // axe refuses to run twice at once; a failed run must not block the next one.
  axeQueue = run.catch(() => undefined);
  const results = await run;
  const lines: string[] = [];
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      lines.push(
        `${violation.id} (${violation.impact ?? 'no impact'}): ${target(node)}: ${summary(node) || violation.help}`,
      );
    }
  }
  return lines;
}

function target(node: NodeResult): string {
  const element = (node as NodeResult & { element?: Element }).element;
  return element ? describeElement(element) : JSON.stringify(node.target);
}

function summary(node: NodeResult): string {
  return (node.failureSummary ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^Fix (any|all) of the following:?$/.test(line))
    .join('; ');
}

// ------------------------------------------------------------------------- viewport, text size

/** The test page's viewport in CSS px (a tall default so that nothing is skipped as off screen). */
export async function viewport(width: number, height = 3000): Promise<void> {
  await setViewport({ width, height });
  await settled();
}

/** Puts the viewport back as the runner starts every page. */
export function resetViewport(): Promise<void> {
  return setViewport({ width: 800, height: 600 });
}

/**
 * Text at `percent` of its default size, as a person sets it with the browser's font size
 * setting (Chrome: Settings > Appearance > Font size; DevTools protocol `Page.setFontSizes`):
 * the browser's default sizes (16 px, 13 px monospace) are scaled, so everything sized in `rem`,
 * `em` or `%` grows and what is in `px` does not. That is text-only zoom, the harder case for
 * WCAG 1.4.4; full-page zoom is the same as a narrower viewport ({@link viewport}).
 */
export async function textSize(percent: number): Promise<void> {
  await executeServerCommand('set-default-font-size', {
    standard: Math.round((16 * percent) / 100),
    fixed: Math.round((13 * percent) / 100),
  });
  // The new sizes apply at the next style recalc.
  await settled();
}

/**
 * Two animation frames: what was rendered is laid out and painted.
 * A page the browser does not paint (a background tab) gets no frames: then a short wait instead.
 */
export function settled(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 250);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

/** Chromium's forced colours mode (Windows High Contrast) on or off. */
export async function forcedColors(active: boolean): Promise<void> {
  await executeServerCommand('emulate-forced-colors', { active });
  await settled();
}

// ---------------------------------------------------------------------------------------- reflow

/** Less than this is rounding, not overflow. */
const TOLERANCE = 1;

/** Visually hidden on purpose (the `.visually-hidden` pattern: a 1 px box that clips its content). */
function visuallyHidden(node: Element, style: CSSStyleDeclaration): boolean {
  const box = node.getBoundingClientRect();
  const tiny = box.width <= 1 || box.height <= 1;
  const clips =
    style.overflow !== 'visible' || style.clipPath !== 'none' || (style.clip !== 'auto' && style.clip !== '');
  return tiny && clips;
}

/**
 * A box that content must stay inside: one that hides what does not fit (overflow other than
 * visible, or paint containment), one that scrolls, or
 * one a person sees the edges of (a border or a background: a card, a button, the summary).
 */
interface Boundary {
  node: Element;
  how: 'clips' | 'scrolls' | 'box';
  left: number;
  right: number;
}

const CONTROLS = 'input, textarea, select';

function boundaryOf(node: Element, style: CSSStyleDeclaration): Boundary | null {
  if (node.matches(CONTROLS) || style.display === 'inline' || style.display === 'contents') return null;
  const paint =
    /paint|strict|content/.test(style.contain) ||
    style.contentVisibility === 'auto' ||
    style.contentVisibility === 'hidden';
  const overflowX = style.overflowX;
  const bordered = (['Left', 'Right', 'Top', 'Bottom'] as const).some(
    (side) =>
      style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
      parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0,
  );
  const painted = parseColor(style.backgroundColor)[3] > 0;
  const how =
    paint || overflowX === 'hidden' || overflowX === 'clip'
      ? 'clips'
      : overflowX === 'auto' || overflowX === 'scroll'
        ? 'scrolls'
        : bordered || painted
          ? 'box'
          : null;
  if (!how) return null;
  const box = node.getBoundingClientRect();
  const left = box.left + node.clientLeft;
  return { node, how, left, right: left + node.clientWidth };
}

/** The composed-tree parent, within the element (null at its shadow root). */
function parentWithin(el: HTMLElement, node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent instanceof ShadowRoot && parent !== el.shadowRoot ? parent.host : null;
}

/**
 * The width an element needs at the least (its min-content width), measured by giving it
 * `width: min-content` for a moment.
 */
function minContentWidth(node: Element): number {
  if (!(node instanceof HTMLElement) || getComputedStyle(node).display === 'inline')
    return node.getBoundingClientRect().width;
  const before = node.getAttribute('style');
  node.style.setProperty('width', 'min-content', 'important');
  node.style.setProperty('max-width', 'none', 'important');
  const width = node.getBoundingClientRect().width;
  if (before === null) node.removeAttribute('style');
  else node.setAttribute('style', before);
  return width;
}

/** Of some overflowing elements, the one deepest down that needs the most width: where the overflow comes from. */
function widestContent(nodes: readonly Element[]): { node: Element; width: number } {
  let best = nodes.map((node) => ({ node, width: minContentWidth(node) })).sort((a, b) => b.width - a.width)[0]!;
  for (let depth = 0; depth < 30; depth++) {
    const children = [...best.node.children].filter(
      (c) => getComputedStyle(c).display !== 'none' && c.getBoundingClientRect().width > 0,
    );
    const widest = children
      .map((node) => ({ node, width: minContentWidth(node) }))
      .sort((a, b) => b.width - a.width)[0];
    if (!widest || widest.width < best.width - TOLERANCE * 2) break;
    best = widest;
  }
  return best;
}

interface Overflow {
  node: Element;
  parent: Element | null;
  what: string;
  /** The boundary crossed (null: the element itself). */
  boundary: Boundary | null;
  over: number;
  width: number;
}

/**
 * Everything of the element that a person at this viewport and text size cannot read whole
 * without scrolling sideways: boxes and text that stick out of the element, content cut off by a
 * box that hides its overflow (paint containment included), boxes that scroll sideways, and
 * content wider than the card (or button, or any box with a border or background) it is in. The
 * element itself must fit the viewport. An overflow is reported where it starts (its outermost
 * elements, siblings together), with how far it goes and which content needs that width;
 * elements hidden on purpose (`display: none`, the 1 px visually-hidden pattern) are left out.
 */
export async function reflowProblems(el: HTMLElement): Promise<string[]> {
  await settled();
  const problems: string[] = [];
  const host = el.getBoundingClientRect();
  const page = document.documentElement.clientWidth;
  if (host.right > page + TOLERANCE || host.left < -TOLERANCE)
    problems.push(`the element (${px(host.width)} wide) does not fit the ${px(page)} viewport`);
  if (document.documentElement.scrollWidth > page + TOLERANCE)
    problems.push(
      `the page scrolls sideways: ${px(document.documentElement.scrollWidth)} of content in a ${px(page)} viewport`,
    );

  const overflows: Overflow[] = [];
  const check = (
    node: Element,
    parent: Element | null,
    box: DOMRect,
    what: string,
    chain: readonly Boundary[],
  ): boolean => {
    if (box.width === 0 && box.height === 0) return false;
    const out = Math.max(box.right - host.right, host.left - box.left);
    if (out > TOLERANCE) {
      overflows.push({ node, parent, what, boundary: null, over: out, width: box.width });
      return true;
    }
    // Innermost first: the box the content is in before the ones around it.
    for (let i = chain.length - 1; i >= 0; i--) {
      const b = chain[i]!;
      const over = Math.max(box.right - b.right, b.left - box.left);
      if (over > TOLERANCE) {
        overflows.push({ node, parent, what, boundary: b, over, width: box.width });
        return true;
      }
    }
    return false;
  };

  /** Elements left out (hidden) or inside a reported overflow: their descendants say nothing new. */
  const skipped = new Set<Element>();
  const reported = new Set<Element>();
  const chains = new Map<Element, readonly Boundary[]>();
  for (const node of allElements(roots(el))) {
    const parent = parentWithin(el, node);
    if (parent && skipped.has(parent)) {
      skipped.add(node);
      continue;
    }
    const style = getComputedStyle(node);
    if (style.display === 'none' || node instanceof HTMLStyleElement || visuallyHidden(node, style)) {
      skipped.add(node);
      continue;
    }
    if (parent && reported.has(parent)) {
      reported.add(node);
      skipped.add(node);
      continue;
    }
    const inherited = (parent && chains.get(parent)) ?? [];
    const own = boundaryOf(node, style);
    const chain = own ? [...inherited, own] : inherited;
    chains.set(node, chain);
    if (style.display !== 'contents' && style.visibility !== 'hidden') {
      if (check(node, parent, node.getBoundingClientRect(), describeElement(node), inherited)) {
        reported.add(node);
        continue;
      }
    }
    // Its own text: a line the box cannot hold sticks out of it, or is cut off by it.
    for (const child of node.childNodes) {
      if (child.nodeType !== Node.TEXT_NODE || !child.textContent!.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(child);
      const rects = [...range.getClientRects()];
      if (
        rects.some((rect) =>
          check(node, parent, rect, `the text “${squash(child.textContent!, 32)}” of ${describeElement(node)}`, chain),
        )
      ) {
        reported.add(node);
        break;
      }
    }
  }

  // Siblings that overflow the same boundary together are one problem (a grid track too wide, say).
  const groups = new Map<string, Overflow[]>();
  const ids = new Map<Element, number>();
  const idOf = (node: Element | null) => (node ? (ids.get(node) ?? (ids.set(node, ids.size), ids.size - 1)) : -1);
  for (const o of overflows) {
    const key = `${idOf(o.parent)}|${idOf(o.boundary?.node ?? null)}|${o.boundary?.how ?? 'element'}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const over = Math.max(...group.map((o) => o.over));
    const who =
      group.length === 1
        ? first.what
        : `${group.length} children of ${first.parent ? describeElement(first.parent) : 'the shadow root'} (${group.map((o) => o.what).join(', ')})`;
    const verb = group.length === 1 ? 'is' : 'are';
    const b = first.boundary;
    const where =
      b === null
        ? `${group.length === 1 ? 'sticks' : 'stick'} out of the element by ${px(over)} (${px(Math.max(...group.map((o) => o.width)))} wide; the element is ${px(host.width)})`
        : b.how === 'clips'
          ? `${verb} cut off by ${px(over)}: ${describeElement(b.node)} hides what does not fit in its ${px(b.right - b.left)}`
          : b.how === 'scrolls'
            ? `${group.length === 1 ? 'needs' : 'need'} sideways scrolling (${px(over)}) inside ${describeElement(b.node)}`
            : `${group.length === 1 ? 'sticks' : 'stick'} out of ${describeElement(b.node)} by ${px(over)} (it is ${px(b.right - b.left)} wide inside)`;
    const elements = group.map((o) => o.node);
    const widest = widestContent(elements);
    const cause =
      elements.length === 1 && widest.node === elements[0]
        ? ''
        : `; the content that needs the width: ${describeElement(widest.node)}, about ${px(widest.width)} at its narrowest`;
    problems.push(`${who} ${where}${cause}`);
  }
  return problems;
}

// ----------------------------------------------------------------------------------- target size

const TARGETS = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[role="button"]',
  '[role="link"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="option"]',
].join(',');

interface Target {
  node: Element;
  box: DOMRect;
}

const MIN = 24;

/** Whether a target sits in a line of other text (WCAG 2.5.8's inline exception). */
function inline(node: Element): boolean {
  if (getComputedStyle(node).display !== 'inline') return false;
  const block = node.parentElement;
  if (!block) return false;
  const own = node.textContent ?? '';
  return (block.textContent ?? '').replace(own, '').trim().length > 0;
}

function distanceToBox(x: number, y: number, box: DOMRect): number {
  const dx = Math.max(box.left - x, 0, x - box.right);
  const dy = Math.max(box.top - y, 0, y - box.bottom);
  return Math.hypot(dx, dy);
}

/**
 * Pointer targets of the element smaller than 24 × 24 CSS px that do not have the spacing WCAG
 * 2.5.8 accepts instead: a 24 px circle centred on the target must not meet another target, nor
 * another small target's circle (centres 24 px apart at least). A checkbox or radio inside its
 * label is the label's box (a click anywhere on it toggles); targets in a line of text, disabled
 * ones and those hidden on purpose are left out, as the criterion does.
 */
export async function targetSizeProblems(el: HTMLElement): Promise<string[]> {
  await settled();
  const targets: Target[] = [];
  for (const node of allElements(roots(el))) {
    if (!node.matches(TARGETS) || node.matches(':disabled') || inline(node)) continue;
    if (!(node as HTMLElement).checkVisibility?.({ checkOpacity: false, checkVisibilityCSS: true })) continue;
    const style = getComputedStyle(node);
    if (visuallyHidden(node, style)) continue;
    const isToggle = node instanceof HTMLInputElement && (node.type === 'checkbox' || node.type === 'radio');
    const label = isToggle ? node.closest('label') : null;
    const box = (label ?? node).getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    targets.push({ node, box });
  }
  const small = targets.filter((t) => t.box.width < MIN - 0.05 || t.box.height < MIN - 0.05);
  const centre = (t: Target) => [t.box.left + t.box.width / 2, t.box.top + t.box.height / 2] as const;
  const problems: string[] = [];
  for (const t of small) {
    const [x, y] = centre(t);
    let clash: string | null = null;
    for (const other of targets) {
      if (other === t || other.node.contains(t.node) || t.node.contains(other.node)) continue;
      const isSmall = small.includes(other);
      const [ox, oy] = centre(other);
      const apart = Math.hypot(ox - x, oy - y);
      if (distanceToBox(x, y, other.box) < MIN / 2 - 0.05) {
        clash = `its 24 px circle overlaps ${describeElement(other.node)} (${px(distanceToBox(x, y, other.box))} from its centre)`;
      } else if (isSmall && apart < MIN - 0.05) {
        clash = `its 24 px circle overlaps that of ${describeElement(other.node)} (centres ${px(apart)} apart)`;
      }
      if (clash) break;
    }
    if (clash) problems.push(`${describeElement(t.node)} is ${px(t.box.width)} × ${px(t.box.height)}; ${clash}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------- placeholder contrast

type Rgba = [number, number, number, number];

function parseColor(value: string): Rgba {
  const m = /rgba?\(([^)]+)\)/.exec(value);
  if (!m) throw new Error(`cannot read the colour ${value}`);
  const parts = m[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

const over = (top: Rgba, bottom: Rgba): Rgba => {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
};

/** What is painted behind an element: its background over its ancestors' (across the shadow boundary), over white. */
function backdrop(node: Element): Rgba {
  const layers: Rgba[] = [];
  for (let at: Element | null = node; at; at = at.parentElement ?? (at.parentNode as ShadowRoot | null)?.host ?? null) {
    const layer = parseColor(getComputedStyle(at).backgroundColor);
    layers.push(layer);
    if (layer[3] >= 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two colours (a translucent foreground over the background). */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const fg = over(foreground, background);
  const [a, b] = [luminance(fg), luminance(background)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/**
 * Inputs whose placeholder text has less than 4.5:1 contrast with the input's background (WCAG
 * 1.4.3; a placeholder is text a person must read, and axe cannot see it). The placeholder's
 * colour is Chromium's computed `::placeholder` style, the UA default unless the element sets one.
 */
export function placeholderContrastProblems(el: HTMLElement, minimum = 4.5): string[] {
  const problems: string[] = [];
  for (const node of allElements(roots(el))) {
    if (!(node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) || !node.placeholder) continue;
    if (!node.checkVisibility()) continue;
    const style = getComputedStyle(node, '::placeholder');
    const fg = parseColor(style.color);
    fg[3] *= Number(style.opacity || 1);
    const bg = backdrop(node);
    const ratio = contrastRatio(fg, bg);
    if (ratio < minimum - 0.005)
      problems.push(
        `${describeElement(node)}: placeholder ${style.color} on ${`rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`} is ${ratio.toFixed(2)}:1 (needs ${minimum}:1)`,
      );
  }
  return problems;
}

// ------------------------------------------------------------------------ the accessibility tree

/** A node of Chromium's accessibility tree, as `a11ySnapshot` gives it (the fields the tests read). */
export interface AxNode {
  role?: string;
  name?: string;
  description?: string;
  invalid?: string;
  expanded?: boolean;
  focused?: boolean;
  children?: AxNode[];
}

/** The page's accessibility tree, from Chromium. */
export async function axTree(): Promise<AxNode> {
  return (await a11ySnapshot({})) as unknown as AxNode;
}

/** Every node of the page's accessibility tree, in tree order. */
export async function axNodes(): Promise<AxNode[]> {
  const all = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(all)];
  return all(await axTree());
}

// ------------------------------------------------------------------------------- landmarks, groups

/**
 * How the element shapes the host page's landmarks and groups, from Chromium's accessibility tree:
 * an embedded form adds at most one region per top-level part (git providers, MCP servers) and
 * none inside another (a screen reader's landmark list is the host page's, not a table of
 * contents of the form); and every group the element makes (`fieldset`, `role="group"`) has a name,
 * so that entering it says what it is. The test page holds only this element.
 */
export async function landmarkProblems(el: HTMLElement, maxRegions = 2): Promise<string[]> {
  const problems: string[] = [];
  const tree = await axTree();
  const regions: { name: string; nested: boolean }[] = [];
  const walk = (node: AxNode, inRegion: boolean) => {
    const isRegion = node.role === 'region';
    if (isRegion) regions.push({ name: node.name ?? '', nested: inRegion });
    for (const child of node.children ?? []) walk(child, inRegion || isRegion);
  };
  walk(tree, false);
  if (regions.length > maxRegions)
    problems.push(
      `${regions.length} region landmarks (at most ${maxRegions}): ${regions.map((r) => `“${r.name}”`).join(', ')}`,
    );
  for (const r of regions.filter((r) => r.nested)) problems.push(`region “${r.name}” is inside another region`);

  const root = roots(el);
  const named = (node: Element) => {
    const label = node.getAttribute('aria-label')?.trim();
    const ids = (node.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    const labelled = ids.some((id) => root.getElementById(id)?.textContent?.trim());
    const legend =
      node.localName === 'fieldset' && [...node.children].find((c) => c.localName === 'legend')?.textContent?.trim();
    return Boolean(label || labelled || legend);
  };
  for (const node of allElements(root)) {
    const role = node.getAttribute('role');
    const isGroup = role === 'group' || (node.localName === 'fieldset' && (role === null || role === 'group'));
    if (isGroup && !named(node) && node.checkVisibility())
      problems.push(`${describeElement(node)} is a group without a name`);
  }
  return problems;
}
