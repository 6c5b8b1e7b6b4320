// Every failure a model can act on is a tool result `{ code, message, fix }` with isError: true.
// `fix` is the next step in words a model can follow; it is never empty.

export type ToolErrorCode =
  | 'InvalidInput'
  | 'InvalidCursor'
  | 'NotFound'
  | 'Conflict'
  | 'ResponseTooLarge'
  | 'ConsentDeclined'
  | 'ConsentUnavailable'
  | 'Unauthorized'
  | 'Forbidden'
  | 'RateLimited'
  | 'Timeout'
  | 'Cancelled'
  | 'VendorError'
  | 'VendorUnavailable'
  | 'Unsupported'
  | 'InternalError'
  | (string & {})

export interface ToolErrorBody {
  code: ToolErrorCode
  message: string
  fix: string
  /** machine-readable extras: the offending field, a retry delay, the vendor's own error code */
  details?: Record<string, unknown>
}

export class ToolError extends Error {
  readonly code: ToolErrorCode
  readonly fix: string
  readonly details?: Record<string, unknown>

  constructor(body: ToolErrorBody) {
    super(body.message)
    this.name = 'ToolError'
    this.code = body.code
    this.fix = body.fix
    if (body.details) this.details = body.details
  }

  toBody(): ToolErrorBody {
    return { code: this.code, message: this.message, fix: this.fix, ...(this.details ? { details: this.details } : {}) }
  }
}

export function isToolError(value: unknown): value is ToolError {
  return value instanceof ToolError
}

interface IssueLike {
  path: ReadonlyArray<PropertyKey>
  message: string
  code?: string
  expected?: unknown
  values?: unknown[]
  keys?: string[]
}

/** Turns schema issues into one error that names each field and what was expected. */
export function invalidInput(toolName: string, issues: ReadonlyArray<IssueLike>): ToolError {
  const described = issues.slice(0, 8).map(describeIssue)
  const fields = [...new Set(issues.map((issue) => formatPath(issue.path) || '(arguments)'))]
  return new ToolError({
    code: 'InvalidInput',
    message: `Invalid arguments for ${toolName}: ${described.join('; ')}`,
    fix: `Correct ${fields.join(', ')} as described and call ${toolName} again; the tool's input schema lists every accepted field.`,
    details: { fields },
  })
}

function describeIssue(issue: IssueLike): string {
  const where = formatPath(issue.path)
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}${where ? ` in ${where}` : ''}`
  }
  return where ? `${where}: ${issue.message}` : issue.message
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${String(part)}` : String(part)
  }
  return out
}

/** Wraps anything thrown by tool code. Unknown exceptions become InternalError without leaking stack traces. */
export function toToolError(error: unknown): ToolError {
  if (error instanceof ToolError) return error
  if (error instanceof Error && error.name === 'AbortError') {
    return new ToolError({
      code: 'Cancelled',
      message: 'The request was cancelled before it finished.',
      fix: 'Call the tool again if the result is still needed.',
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new ToolError({
    code: 'InternalError',
    message: `The tool failed unexpectedly: ${message}`,
    fix: 'Retry once; if it fails again, report the message to the server operator.',
  })
}
