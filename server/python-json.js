// @ts-check
/**
 * JSON as the OpenHands server handles it.
 *
 * Reading follows CPython's `json.loads` (its C scanner): the same error messages and
 * character offsets (FastAPI puts both in a `json_invalid` 422), NaN/Infinity accepted,
 * a duplicate key keeps its first position and its last value.
 * Writing follows Starlette's JSONResponse: compact, `allow_nan=False`, UTF-8 (so a lone
 * surrogate cannot be written either); what Python cannot write becomes a plain-text 500.
 *
 * Values keep the distinctions Python makes and JavaScript does not:
 * - objects are `Map`s: insertion order holds for every key (a JS object moves
 *   integer-like keys first), and keys such as `__proto__` are plain data;
 * - integers are `bigint`s (exact, and `0n` is falsy like Python's 0), floats are `number`s.
 */

/**
 * @typedef {null | boolean | string | number | bigint | PyValue[] | Map<string, PyValue>} PyValue
 * A value as Python's json module produces it.
 */

/** What Python's json module raises as JSONDecodeError: FastAPI answers it with a `json_invalid` 422. */
export class JsonDecodeError extends Error {
  /**
   * @param {string} msg CPython's message, without the "line 1 column 2 (char 1)" suffix.
   * @param {number} pos Offset in characters (code points), as Python counts them.
   */
  constructor(msg, pos) {
    super(`${msg} (char ${pos})`);
    this.msg = msg;
    this.pos = pos;
  }
}

/**
 * What CPython raises while decoding that is not a JSONDecodeError (RecursionError on deep
 * nesting, ValueError on an integer over 4300 digits): FastAPI answers these with
 * `400 {"detail": "There was an error parsing the body"}`.
 */
export class JsonLimitError extends Error {}

/** What Python's json.dumps refuses to write (NaN, Infinity) or UTF-8 refuses to encode (a lone surrogate). */
export class PythonEncodeError extends Error {}

// CPython's C recursion guard stops a little under 1000 nested containers once the server's
// own frames are counted; the exact figure varies with the stack, this is close enough.
const MAX_DEPTH = 990;
// sys.get_int_max_str_digits() default since Python 3.11.
const MAX_INT_DIGITS = 4300;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** @param {number} c */
const isJsonSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** @param {number} c */
const isDigit = (c) => c >= 0x30 && c <= 0x39;

/**
 * Parses `text` like `json.loads(text)`.
 * @param {string} text
 * @returns {PyValue}
 * @throws {JsonDecodeError | JsonLimitError}
 */
export function parsePythonJson(text) {
  const length = text.length;
  let depth = 0;

  /**
   * @param {string} msg
   * @param {number} index a UTF-16 index into `text`
   * @returns {never}
   */
  const fail = (msg, index) => {
    throw new JsonDecodeError(msg, codePointOffset(text, index));
  };

  /** @param {number} i */
  const skipSpace = (i) => {
    while (i < length && isJsonSpace(text.charCodeAt(i))) i++;
    return i;
  };

  /**
   * @param {number} i
   * @returns {[PyValue, number]}
   */
  function value(i) {
    // CPython signals "no value starts here" with StopIteration, reported as "Expecting value".
    if (i >= length) fail('Expecting value', i);
    switch (text[i]) {
      case '"':
        return string(i);
      case '{':
      case '[': {
        if (++depth > MAX_DEPTH) throw new JsonLimitError('maximum recursion depth exceeded while decoding JSON');
        const result = text[i] === '{' ? object(i + 1) : array(i + 1);
        depth--;
        return result;
      }
      case 'n':
        if (text.startsWith('null', i)) return [null, i + 4];
        break;
      case 't':
        if (text.startsWith('true', i)) return [true, i + 4];
        break;
      case 'f':
        if (text.startsWith('false', i)) return [false, i + 5];
        break;
      case 'N':
        if (text.startsWith('NaN', i)) return [NaN, i + 3];
        break;
      case 'I':
        if (text.startsWith('Infinity', i)) return [Infinity, i + 8];
        break;
      case '-':
        if (text.startsWith('-Infinity', i)) return [-Infinity, i + 9];
        break;
    }
    return number(i);
  }

  /**
   * @param {number} start
   * @returns {[PyValue, number]}
   */
  function number(start) {
    let i = start;
    if (text.charCodeAt(i) === 0x2d /* - */) {
      i++;
      if (i >= length) fail('Expecting value', start);
    }
    const first = text.charCodeAt(i);
    if (first >= 0x31 && first <= 0x39) {
      i++;
      while (i < length && isDigit(text.charCodeAt(i))) i++;
    } else if (first === 0x30) {
      i++;
    } else {
      fail('Expecting value', start);
    }
    let isFloat = false;
    if (i < length - 1 && text[i] === '.' && isDigit(text.charCodeAt(i + 1))) {
      isFloat = true;
      i += 2;
      while (i < length && isDigit(text.charCodeAt(i))) i++;
    }
    if (i < length - 1 && (text[i] === 'e' || text[i] === 'E')) {
      const exponentStart = i;
      i++;
      if (i < length - 1 && (text[i] === '-' || text[i] === '+')) i++;
      while (i < length && isDigit(text.charCodeAt(i))) i++;
      // An exponent without digits is not part of the number: back off and let the caller complain.
      if (isDigit(text.charCodeAt(i - 1))) isFloat = true;
      else i = exponentStart;
    }
    const source = text.slice(start, i);
    if (isFloat) return [Number(source), i];
    if (source.replace('-', '').length > MAX_INT_DIGITS) {
      throw new JsonLimitError('Exceeds the limit (4300 digits) for integer string conversion');
    }
    return [BigInt(source), i];
  }

  /**
   * @param {number} begin index of the opening quote
   * @returns {[string, number]}
   */
  function string(begin) {
    /** @type {string[]} */
    const chunks = [];
    let end = begin + 1;
    for (;;) {
      let next = end;
      let c = 0;
      for (; next < length; next++) {
        c = text.charCodeAt(next);
        if (c === QUOTE || c === BACKSLASH) break;
        if (c <= 0x1f) fail('Invalid control character at', next);
      }
      if (next >= length) fail('Unterminated string starting at', begin);
      chunks.push(text.slice(end, next));
      next++;
      if (c === QUOTE) return [chunks.join(''), next];
      if (next === length) fail('Unterminated string starting at', begin);
      const escape = text.charAt(next);
      if (escape !== 'u') {
        const decoded = simpleEscape(escape);
        if (decoded === undefined) return fail('Invalid \\escape', next - 1);
        chunks.push(decoded);
        end = next + 1;
        continue;
      }
      next++;
      end = next + 4;
      if (end >= length) fail('Invalid \\uXXXX escape', next - 1);
      let code = hex4(text, next);
      if (code < 0) fail('Invalid \\uXXXX escape', next - 1);
      // A high surrogate followed by an escaped low one is one character; anything else stays as it is.
      if (code >= 0xd800 && code <= 0xdbff && end + 6 < length && text[end] === '\\' && text[end + 1] === 'u') {
        const low = hex4(text, end + 2);
        if (low < 0) fail('Invalid \\uXXXX escape', end + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          end += 6;
        }
      }
      chunks.push(String.fromCodePoint(code));
    }
  }

  /**
   * @param {number} i index just after `{`
   * @returns {[Map<string, PyValue>, number]}
   */
  function object(i) {
    /** @type {Map<string, PyValue>} */
    const map = new Map();
    i = skipSpace(i);
    if (i < length && text[i] === '}') return [map, i + 1];
    for (;;) {
      if (i >= length || text.charCodeAt(i) !== QUOTE) fail('Expecting property name enclosed in double quotes', i);
      const [key, afterKey] = string(i);
      i = skipSpace(afterKey);
      if (i >= length || text[i] !== ':') fail("Expecting ':' delimiter", i);
      const [item, afterItem] = value(skipSpace(i + 1));
      map.set(key, item);
      i = skipSpace(afterItem);
      if (i < length && text[i] === '}') return [map, i + 1];
      if (i >= length || text[i] !== ',') fail("Expecting ',' delimiter", i);
      i = skipSpace(i + 1);
    }
  }

  /**
   * @param {number} i index just after `[`
   * @returns {[PyValue[], number]}
   */
  function array(i) {
    /** @type {PyValue[]} */
    const items = [];
    i = skipSpace(i);
    if (i < length && text[i] === ']') return [items, i + 1];
    for (;;) {
      const [item, afterItem] = value(i);
      items.push(item);
      i = skipSpace(afterItem);
      if (i < length && text[i] === ']') return [items, i + 1];
      if (i >= length || text[i] !== ',') fail("Expecting ',' delimiter", i);
      i = skipSpace(i + 1);
    }
  }

  const [result, end] = value(skipSpace(0));
  const rest = skipSpace(end);
  if (rest !== length) fail('Extra data', rest);
  return result;
}

/**
 * @param {string} c the character after a backslash
 * @returns {string | undefined}
 */
function simpleEscape(c) {
  switch (c) {
    case '"':
    case '\\':
    case '/':
      return c;
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return undefined;
  }
}

/**
 * @param {string} text
 * @param {number} at
 * @returns {number} the value of four hex digits at `at`, or -1
 */
function hex4(text, at) {
  const digits = text.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : -1;
}

/**
 * Python counts offsets in code points, JavaScript in UTF-16 units.
 * @param {string} text
 * @param {number} index
 */
function codePointOffset(text, index) {
  let offset = index;
  for (let i = 0; i < index - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        offset--;
        i++;
      }
    }
  }
  return offset;
}

/**
 * What can be written: parsed request values, and the plain objects, arrays and Maps this
 * server builds itself.
 * @typedef {unknown} JsonOut
 */

/**
 * Writes `value` as Starlette's JSONResponse does (`json.dumps(..., ensure_ascii=False,
 * allow_nan=False, separators=(",", ":"))`, then UTF-8): bigints as integers, numbers as
 * Python floats (`1.0`, `1e-07`).
 * With `strict: false` (for the test controls, which Python does not constrain) numbers are
 * written the JavaScript way, NaN and Infinity become null and lone surrogates are escaped,
 * instead of failing.
 * Object keys whose value is `undefined` are left out.
 * @param {JsonOut} value
 * @param {{ strict?: boolean }} [options]
 * @returns {string}
 * @throws {PythonEncodeError} in strict mode
 */
export function dumpsPython(value, { strict = true } = {}) {
  /** @param {unknown} v @returns {string} */
  const write = (v) => {
    if (v === null || v === undefined) return 'null';
    switch (typeof v) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return v.toString();
      case 'number':
        if (!strict) return JSON.stringify(v);
        if (Number.isFinite(v)) return pythonFloatRepr(v);
        throw new PythonEncodeError(`Out of range float values are not JSON compliant: ${v}`);
      case 'string':
        if (strict && /\p{Cs}/u.test(v)) throw new PythonEncodeError('surrogates not allowed');
        return JSON.stringify(v);
    }
    if (typeof v !== 'object') throw new TypeError(`cannot write a ${typeof v} as JSON`);
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
    const entries = v instanceof Map ? [...v] : Object.entries(v);
    const members = [];
    for (const [key, item] of entries) {
      if (item === undefined) continue;
      if (strict && /\p{Cs}/u.test(key)) throw new PythonEncodeError('surrogates not allowed');
      members.push(`${JSON.stringify(key)}:${write(item)}`);
    }
    return `{${members.join(',')}}`;
  };
  return write(value);
}

/**
 * `repr(float)`: the shortest round-tripping digits (as JavaScript also finds them), written
 * in fixed notation for exponents -4..15 and in scientific notation otherwise.
 * @param {number} x a finite number
 */
export function pythonFloatRepr(x) {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = x < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
  }
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
  const exponentSign = exponent < 0 ? '-' : '+';
  return `${sign}${digits[0]}${fraction}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/**
 * Python's truth value of a decoded JSON value (`bool(v)`): NaN is true, 0 and 0.0 are not.
 * @param {PyValue} v
 */
export function isPythonTruthy(v) {
  if (v === null) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return v;
}

/**
 * The name of the Python type a decoded JSON value has, for messages.
 * @param {PyValue | undefined} v
 */
export function pythonTypeName(v) {
  if (v === null || v === undefined) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'dict';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    default:
      return 'str';
  }
}

/**
 * Converts plain JavaScript data (options given in code) to the values parsing produces, so
 * that one set of readers serves both. Integral numbers become bigints.
 * @param {unknown} v
 * @returns {PyValue}
 */
export function fromPlain(v) {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(fromPlain);
  if (v instanceof Map) return new Map([...v].map(([key, item]) => [String(key), fromPlain(item)]));
  switch (typeof v) {
    case 'boolean':
    case 'string':
    case 'bigint':
      return v;
    case 'number':
      return Number.isInteger(v) ? BigInt(v) : v;
    case 'object':
      return new Map(Object.entries(v).map(([key, item]) => [key, fromPlain(item)]));
    default:
      throw new TypeError(`cannot use a ${typeof v} as JSON data`);
  }
}
