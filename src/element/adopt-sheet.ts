/**
 * A style sheet that comes with a late module, added to a shadow root once it is needed: a
 * constructed sheet, like Lit's own styles, works under a strict Content Security Policy.
 */
export function sheetAdopter(css: string): (root: Node) => void {
  let sheet: CSSStyleSheet | undefined;
  return (root) => {
    if (!(root instanceof ShadowRoot)) return;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
}
