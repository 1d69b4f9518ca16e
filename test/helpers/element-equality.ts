/**
 * `expect(a).to.equal(b)` where either is a DOM node compares identity, as before, but a failure
 * says both elements in words. Without this, a failing comparison of two elements (where focus
 * is, which region spoke) hands the runner an error holding live DOM nodes, which it tries to
 * serialise whole: the test run hangs until its two-minute limit and reports nothing useful.
 */
import { chai } from '@open-wc/testing';
import { describeElement } from './describe-element.js';

const words = (value: unknown): string =>
  value instanceof Element ? describeElement(value) : value instanceof Node ? value.nodeName : String(value);

chai.use((api, utils) => {
  for (const name of ['equal', 'equals', 'eq']) {
    utils.overwriteMethod(
      api.Assertion.prototype,
      name,
      (original: (...args: unknown[]) => void) =>
        function (this: Chai.AssertionStatic, expected: unknown, message?: string) {
          const actual: unknown = utils.flag(this, 'object');
          // Only a node compared with a node or nothing: `.dom.to.equal('<p>…</p>')` and deep
          // comparisons are open-wc's and chai's own.
          const nodeOrNothing = (v: unknown) => v instanceof Node || v === null || v === undefined;
          const ours =
            (actual instanceof Node || expected instanceof Node) &&
            nodeOrNothing(actual) &&
            nodeOrNothing(expected) &&
            !['dom', 'lightDom', 'shadowDom', 'deep'].some((flag) => utils.flag(this, flag));
          if (!ours) return original.call(this, expected, message);
          if (message) utils.flag(this, 'message', message);
          this.assert(
            actual === expected,
            'expected #{act} to be #{exp}',
            'expected #{act} not to be #{exp}',
            words(expected),
            words(actual),
          );
        },
    );
  }
});
