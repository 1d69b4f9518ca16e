/**
 * The server also accepts a stdio server's `args` as one string and splits it shell-style
 * (Python's `shlex.split`). A `value` given in that form is split the same way so the form shows
 * the arguments the server would have seen. Unbalanced quotes do not throw here (the server
 * would answer 422 instead): the rest of the string is taken literally, as the person most
 * likely meant it.
 */
export function shellSplit(input: string): string[] {
  const out: string[] = [];
  let current = '';
  // Distinguishes `''` (an empty argument) from no argument at all.
  let inWord = false;
  let quote: '"' | "'" | null = null;

  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = null;
      else current += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') {
        quote = null;
      } else if (ch === '\\' && i + 1 < input.length && '"\\$`\n'.includes(input.charAt(i + 1))) {
        i += 1;
        current += input.charAt(i);
      } else {
        current += ch;
      }
      continue;
    }
    if (/\s/.test(ch)) {
      if (inWord) out.push(current);
      current = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '\\' && i + 1 < input.length) {
      i += 1;
      current += input.charAt(i);
    } else {
      current += ch;
    }
  }
  if (inWord) out.push(current);
  return out;
}
