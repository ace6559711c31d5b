/**
 * What an IAM condition (CEL) says about time. Google Cloud's way to grant access for a while is a conditional binding
 * whose expression ends it, `request.time < timestamp("2020-07-01T00:00:00.000Z")`
 * (https://cloud.google.com/iam/docs/configuring-temporary-access): once that time has passed the condition is false
 * for every request, and the binding, though it is still created, grants nothing.
 *
 * Read only where the reading cannot be wrong: an expression that is one comparison, or comparisons joined by `&&`
 * alone (every one must hold, so one bound that has passed ends the whole), with no `||`, negation, ternary or `//`
 * comment (which could hide a written `&&` from CEL) anywhere outside a string. Anything else gives no end, and the grant is judged as it is written.
 */

/**
 * `request.time < timestamp("…")` (or `<=`), one conjunct, or the same comparison written the other way round,
 * `timestamp("…") > request.time` (or `>=`): the time is the second group of either.
 */
const TIME_BOUNDS = [
  /^\s*request\.time\s*<=?\s*timestamp\(\s*(["'])([^"'\\]+)\1\s*\)\s*$/,
  /^\s*timestamp\(\s*(["'])([^"'\\]+)\1\s*\)\s*>=?\s*request\.time\s*$/,
];

/** RFC 3339 as CEL's timestamp() takes it: a date, a time, a zone (Z or an offset). */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * The earliest time the expression's `request.time <` bounds end it, as an ISO string; undefined when it has no such
 * bound or is not a plain conjunction this reading is sure of.
 */
export function conditionEnd(expression: string): string | undefined {
  const read = conjunctsOf(expression);
  if (read === undefined || /\|\||!(?!=)|\?|\/\//.test(read.code)) return undefined;
  let end: number | undefined;
  for (const conjunct of read.conjuncts) {
    const bound = TIME_BOUNDS.map((form) => form.exec(conjunct)?.[2]).find((time) => time !== undefined);
    if (bound === undefined || !RFC_3339.test(bound)) continue;
    const time = Date.parse(bound);
    if (!Number.isNaN(time) && (end === undefined || time < end)) end = time;
  }
  return end === undefined ? undefined : new Date(end).toISOString();
}

/**
 * The expression cut at each top-level `&&` outside a string literal, and its code with every string literal emptied (`"a||b"`
 * → `""`), so that operators are looked for in code only; undefined when a string is not closed, or is of a kind
 * this reading does not cut as CEL does.
 */
function conjunctsOf(expression: string): { conjuncts: string[]; code: string } | undefined {
  const conjuncts: string[] = [];
  let code = '';
  let start = 0;
  let depth = 0;
  for (let index = 0; index < expression.length; index++) {
    const char = expression.charAt(index);
    if (char === '"' || char === "'") {
      // A raw (`r"…"`, where `\` escapes nothing) or bytes string, or a triple-quoted one, would be cut otherwise than
      // CEL cuts it: not read.
      if (/\w/.test(expression.charAt(index - 1)) || expression.startsWith(char.repeat(3), index)) return undefined;
      let close = index + 1;
      while (close < expression.length && expression[close] !== char) close += expression[close] === '\\' ? 2 : 1;
      if (close >= expression.length) return undefined;
      code += `${char}${char}`;
      index = close;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    // Only a top-level `&&` joins the whole: one inside parentheses or a macro's body (`(… && bound) == false`,
    // `[].all(x, … && bound)`) joins a part whose value the rest of the expression may turn around.
    if (char === '&' && expression[index + 1] === '&' && depth === 0) {
      conjuncts.push(expression.slice(start, index));
      start = index + 2;
      code += '&&';
      index++;
      continue;
    }
    code += char;
  }
  conjuncts.push(expression.slice(start));
  return { conjuncts, code };
}
