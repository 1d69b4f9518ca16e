/**
 * Attributes a framework may write the session key into: `session-key` (a kebab-case binding, as
 * Vue's `:session-key`) and `sessionkey` (a camelCase one, lower-cased by the HTML parser).
 */
export const SESSION_KEY_ATTRIBUTES = ['session-key', 'sessionkey'];

/**
 * Takes a session key written as an attribute out of the DOM, where anyone reading it could see
 * it, in any case (an XML document keeps case). The value is not used: by now a DOM observer may
 * have recorded it, and a form that quietly works would hide that. The save fails as
 * unauthorized and the warning says why.
 */
export function scrubSessionKeyAttributes(element: Element): void {
  for (const name of element.getAttributeNames()) {
    if (!SESSION_KEY_ATTRIBUTES.includes(name.toLowerCase())) continue;
    element.removeAttribute(name);
    console.warn(
      `<openhands-provider-settings>: removed the ${name} attribute (not used: the page could read it). Set the sessionKey property, after registering the element.`,
    );
  }
}
