/**
 * The element's settable properties, as a type: what framework bindings (`./react`, `./vue`)
 * accept as props. Derived from the class, so a new public property is a prop without edits here:
 * the element's own public members that are writable and are not methods. Read-only getters
 * (`dirty`, `saving`), methods (`submit`, `reset`, `validate`) and LitElement's members are left out.
 */
import type { LitElement } from 'lit';
import type { OpenHandsProviderSettings } from './element/provider-settings.js';

type IfEquals<X, Y, A> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : never;

type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K>;
}[keyof T];

type NonMethodKeys<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T];

/** Names of the element's settable properties (`baseUrl`, `sessionKey`, `settings`, ...). */
export type SettablePropertyName = Exclude<
  WritableKeys<OpenHandsProviderSettings> & NonMethodKeys<OpenHandsProviderSettings>,
  keyof LitElement
>;

/** The element's settable properties, all optional. */
export type SettableProperties = { [K in SettablePropertyName]?: OpenHandsProviderSettings[K] };
