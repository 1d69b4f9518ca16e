/** Where a JSON text stops being JSON, as a line and column a person can find. */

export interface JsonSyntaxError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  column: number;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

/** `JSON.parse` that reports the place (line, column) of a syntax error instead of throwing, for text a person pasted. */
export function parseJsonAt(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { message: cleanMessage(message), ...locate(text, message) } };
  }
}

function locate(text: string, message: string): { line: number; column: number } {
  // V8 says "(line 3 column 5)" in newer versions and "at position 42" in all of them.
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  // No position: the text ended too early (or is empty), so the problem is at its end.
  const offset = position ? Math.min(Number(position[1]), text.length) : text.length;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The engine's sentence without its own location (we give ours) or the echoed input. */
function cleanMessage(message: string): string {
  const cut = message.replace(/,? ?"[^"]*"\.{3}.*$/s, '').replace(/\s*\((line \d+ column \d+)\)/, '');
  return cut.replace(/ in JSON at position \d+/, '').trim() || 'Not valid JSON';
}
