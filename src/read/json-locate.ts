import { ParScoreError } from '../model/problem.js';

/**
 * Finds the offset of the first syntax error in JSON text. Used only after JSON.parse has failed,
 * because Node's messages do not always say where ("Unexpected token '}', ... is not valid JSON").
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    return typeof at === 'number' ? at : -1;
  }
}

/** A place in valid JSON text that JSON.parse passes without a word: a key given twice in one object, or a number with more digits than a double keeps. */
export interface JsonSurprise {
  readonly offset: number;
  readonly message: string;
}

/**
 * The surprises of valid JSON text (JSON.parse keeps the last of two equal keys, and rounds
 * `61.499999999999999999` to 61.5): each is an error in a scheme file.
 */
export function jsonSurprises(text: string): JsonSurprise[] {
  const out: JsonSurprise[] = [];
  // Per open object, its keys; null for an array.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(text.slice(start, j + 1)) as string;
        if (top.has(key)) out.push({ offset: start, message: `"${key}" is given twice in one object (the last would silently win)` });
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] instanceof Set;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?(\d+)(?:\.(\d+))?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))!;
      const digits = `${m[1]}${m[2] ?? ''}`.replace(/^0+/, '').replace(/0+$/, '');
      if (digits.length > 15) out.push({ offset: i, message: `${m[0]} has more digits than a number keeps exactly (15): write it as it is meant (e.g. ${Number(m[0])})` });
      i += m[0].length - 1;
    }
  }
  return out;
}

/** 1-based line and column of an offset in text. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * JSON text -> its value, or a ParScoreError (exit 1, `code`) at the line and column of the syntax
 * error, or of every key given twice and every number a double cannot hold.
 */
export function parseJsonText(text: string, file: string, code: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const where = offset >= 0 ? position(text, offset) : {};
    const message = (e as Error).message.replace(/,\s*(\.\.\.)?".*$/s, '');
    throw new ParScoreError([{ severity: 'error', code, message: `not valid JSON: ${message}`, file, ...where }], 1);
  }
  const surprises = jsonSurprises(text);
  if (surprises.length > 0) {
    throw new ParScoreError(
      surprises.map((x) => ({ severity: 'error' as const, code, message: x.message, file, ...position(text, x.offset) })),
      1,
    );
  }
  return json;
}
