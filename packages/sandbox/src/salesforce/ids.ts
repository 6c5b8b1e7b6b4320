// Salesforce record ids: 3-character key prefix, 12 characters that are unique within the org, and
// (in the 18-character form) a 3-character suffix that makes the id safe for case-insensitive use.

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const ID15 = /^[a-zA-Z0-9]{15}$/
const ID18 = /^[a-zA-Z0-9]{18}$/

/** The suffix: for each 5-character chunk, a bit per upper-case letter, read as one character. */
export function caseSafeSuffix(id15: string): string {
  let suffix = ''
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i)
      if (c >= 65 && c <= 90) bits |= 1 << i
    }
    suffix += SUFFIX_ALPHABET[bits]
  }
  return suffix
}

/**
 * The 18-character form of a 15- or 18-character id, or undefined when `value` is not an id.
 * An 18-character id whose suffix disagrees with its case is rejected, as Salesforce does.
 */
export function toId18(value: string): string | undefined {
  if (ID15.test(value)) return value + caseSafeSuffix(value)
  if (ID18.test(value)) {
    const head = value.slice(0, 15)
    // The suffix makes the id case-insensitive: recover the case of the head from it.
    const restored = restoreCase(head, value.slice(15).toUpperCase())
    return restored === undefined ? undefined : restored + caseSafeSuffix(restored)
  }
  return undefined
}

function restoreCase(head: string, suffix: string): string | undefined {
  let out = ''
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(suffix[chunk]!)
    if (bits < 0) return undefined
    for (let i = 0; i < 5; i++) {
      const c = head[chunk * 5 + i]!
      const upper = (bits & (1 << i)) !== 0
      if (/[a-zA-Z]/.test(c)) out += upper ? c.toUpperCase() : c.toLowerCase()
      else if (upper) return undefined
      else out += c
    }
  }
  return out
}

/** Key prefix of an id (its first three characters). */
export function keyPrefixOf(id: string): string {
  return id.slice(0, 3)
}

/** Builds the id numbered `n` for a key prefix: prefix, pod `8d`, a reserved `0`, then base 62. */
export function makeId(prefix: string, n: number): string {
  let digits = ''
  let rest = n
  for (let i = 0; i < 9; i++) {
    digits = BASE62[rest % 62] + digits
    rest = Math.floor(rest / 62)
  }
  const id15 = `${prefix}8d0${digits}`
  return id15 + caseSafeSuffix(id15)
}
