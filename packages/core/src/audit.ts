// One structured line per tool call on stderr (stdout is the MCP channel on stdio).
// Argument values are never logged: only their names.
import pino, { type Logger } from 'pino'

export type { Logger }

export interface LoggerOptions {
  level?: pino.LevelWithSilent
  /** file descriptor to write to; 2 (stderr) by default */
  fd?: number
  /** a stream to write to instead of a file descriptor (tests, log shippers) */
  destination?: pino.DestinationStream
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? (process.env.BIZMCP_LOG_LEVEL as pino.LevelWithSilent | undefined) ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['*.token', '*.password', '*.secret', '*.clientSecret', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination({ fd: options.fd ?? 2, sync: false }),
  )
}

export const silentLogger: Logger = pino({ level: 'silent' })

export interface AuditEntry {
  server: string
  tool: string
  outcome: 'ok' | 'error' | 'declined' | 'consent-pending'
  code?: string
  durationMs: number
  args: string[]
  caller?: string
}

export function auditToolCall(log: Logger, entry: AuditEntry): void {
  log.info({ audit: true, ...entry }, `tool ${entry.tool} ${entry.outcome}`)
}
