// Size and paging limits shared by every tool; a server configuration may lower or raise them.

export interface Limits {
  /** inline results larger than this many characters are refused with ResponseTooLarge */
  maxInlineChars: number
  /** the largest embedded resource a tool may return with returnAsResource */
  maxResourceBytes: number
  /** default row cap for query tools */
  maxRows: number
}

export const DEFAULT_LIMITS: Limits = {
  maxInlineChars: 160_000,
  maxResourceBytes: 5 * 1024 * 1024,
  maxRows: 5_000,
}

export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  const limits = { ...DEFAULT_LIMITS, ...overrides }
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`Limit ${key} must be a positive integer, got ${value}.`)
  }
  return limits
}
