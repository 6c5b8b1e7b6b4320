// One structured line per tool call on stderr (stdout is the MCP channel on stdio).
// Argument values are never logged: only their names.
// pino is loaded when a logger is created, so that a server without one starts faster.
import { createRequire } from 'node:module'
import type pinoType from 'pino'
import type { Logger } from 'pino'

const loadPino = () => createRequire(import.meta.url)('pino') as typeof pinoType

export type { Logger }

export interface LoggerOptions {
  level?: pinoType.LevelWithSilent
  /** file descriptor to write to; 2 (stderr) by default */
  fd?: number
  /** a stream to write to instead of a file descriptor (tests, log shippers) */
  destination?: pinoType.DestinationStream
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const pino = loadPino()
  return pino(
    {
      level: options.level ?? (process.env.BIZMCP_LOG_LEVEL as pinoType.LevelWithSilent | undefined) ?? 'info',
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

/** A logger that drops everything, without loading pino. */
export const silentLogger: Logger = createSilentLogger()

function createSilentLogger(): Logger {
  const noop = () => {}
  const logger: Record<string, unknown> = {
    level: 'silent',
    levels: { values: {}, labels: {} },
    isLevelEnabled: () => false,
    bindings: () => ({}),
    flush: noop,
  }
  for (const method of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) logger[method] = noop
  logger.child = () => logger
  return logger as unknown as Logger
}

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
