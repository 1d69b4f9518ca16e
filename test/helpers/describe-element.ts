/** Elements in words, for test failures: a failure that names an element says which one. */

/** Text on one line, cut at `max` characters. */
export const squash = (text: string, max = 48) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/**
 * A short, human name for an element: its tag, the attributes the DOM contract and the templates
 * use to tell elements apart (id, part, data-path, data-action, ...), then what it says.
 */
export function describeElement(node: Element): string {
  let out = node.localName;
  if (node.id) out += `#${node.id}`;
  for (const name of ['part', 'data-path', 'data-action', 'data-tool', 'data-provider', 'type', 'role']) {
    const value = node.getAttribute(name);
    if (value !== null && !(name === 'type' && node.localName !== 'input')) out += `[${name}="${value}"]`;
  }
  if (node.classList.length && !node.id && !node.hasAttribute('part')) out += `.${[...node.classList].join('.')}`;
  const text = nameOf(node) || (node.querySelectorAll('*').length < 6 ? (node.textContent ?? '') : '');
  if (text.trim()) return `${out} “${squash(text)}”`;
  // Nothing tells it apart: say where it is.
  const parent = node.parentElement;
  return out === node.localName && parent ? `${out} (in ${describeElement(parent)})` : out;
}

/** What names an element: aria-label, the elements aria-labelledby names (in its own root), a placeholder. */
function nameOf(node: Element): string {
  const label = node.getAttribute('aria-label');
  if (label) return label;
  const root = node.getRootNode() as Document | ShadowRoot;
  const ids = (node.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const labelled = ids
    .map((id) => root.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
  if (labelled) return labelled;
  return node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement ? node.placeholder : '';
}
