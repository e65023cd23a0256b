/** Longest pattern a rule pack may hold. */
export const MAX_PATTERN_LENGTH = 500

interface Group {
  /** A repeating quantifier (`*`, `+`, `{n,m}` with m > 1) somewhere inside. */
  repeats: boolean
  /** An alternation `|` directly inside. */
  alternates: boolean
}

/**
 * Why a rule-pack pattern is refused, or `undefined` when it is safe to run on any text.
 *
 * Patterns are a restricted subset of JavaScript regular expressions, checked when a pack loads
 * so that no text can make a match backtrack catastrophically: no back-references, and no
 * repeated group that itself repeats (`(a+)+`, star height above one) or alternates
 * (`(a|ab)*`). Bounded optional groups (`(?:…)?`) are fine. The pattern must also compile with
 * the `u` flag.
 *
 * @example
 * ```ts
 * checkPattern('(\\w+\\s?)+$') // 'a repeated group contains a repeat …'
 * checkPattern('statt\\s*\\d+') // undefined
 * ```
 */
export function checkPattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`
  try {
    new RegExp(pattern, 'u')
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`
  }
  const stack: Group[] = [{ repeats: false, alternates: false }]
  // What the last atom was: a closed group (with what it held), or a plain atom.
  let lastGroup: Group | undefined
  let lastAtom = false
  let i = 0
  const quantifierAt = (at: number): { length: number; repeats: boolean } | undefined => {
    const ch = pattern[at]
    if (ch === '*' || ch === '+') return { length: pattern[at + 1] === '?' ? 2 : 1, repeats: true }
    if (ch === '?') return { length: pattern[at + 1] === '?' ? 2 : 1, repeats: false }
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(at))
      if (!m) return undefined
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])
      return { length: m[0].length, repeats: max > 1 }
    }
    return undefined
  }
  while (i < pattern.length) {
    const ch = pattern[i]!
    const q = quantifierAt(i)
    if (q) {
      if (lastGroup && q.repeats) {
        if (lastGroup.repeats) return 'a repeated group contains a repeat (nested quantifiers can backtrack catastrophically)'
        if (lastGroup.alternates) return 'a repeated group contains alternatives (overlapping alternatives can backtrack catastrophically)'
      }
      if (q.repeats || lastGroup?.repeats) stack[stack.length - 1]!.repeats = true
      lastGroup = undefined
      lastAtom = false
      i += q.length
      continue
    }
    if (lastGroup?.repeats) stack[stack.length - 1]!.repeats = true
    lastGroup = undefined
    lastAtom = false
    if (ch === '\\') {
      const next = pattern[i + 1] ?? ''
      if (/[1-9]/.test(next) || next === 'k') return 'back-references are not allowed'
      if ((next === 'p' || next === 'P') && pattern[i + 2] === '{') {
        i = pattern.indexOf('}', i) + 1
      } else if (next === 'u' && pattern[i + 2] === '{') {
        i = pattern.indexOf('}', i) + 1
      } else if (next === 'u') i += 6
      else if (next === 'x') i += 4
      else i += 2
      lastAtom = true
      continue
    }
    if (ch === '[') {
      // Skip the class, honouring escapes.
      let j = i + 1
      if (pattern[j] === '^') j++
      if (pattern[j] === ']') j++
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1
      i = j + 1
      lastAtom = true
      continue
    }
    if (ch === '(') {
      stack.push({ repeats: false, alternates: false })
      const m = /^\((\?(:|=|!|<=|<!|<[A-Za-z_][\w]*>))?/.exec(pattern.slice(i))!
      i += m[0].length
      continue
    }
    if (ch === ')') {
      const group = stack.pop()!
      lastGroup = group
      i++
      continue
    }
    if (ch === '|') {
      stack[stack.length - 1]!.alternates = true
      i++
      continue
    }
    lastAtom = true
    i++
  }
  void lastAtom
  return undefined
}
