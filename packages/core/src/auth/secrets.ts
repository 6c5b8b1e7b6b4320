// Secrets are referenced, never written inline: an environment variable or a file.
// Values are read when needed and never logged or echoed in errors.
import { readFileSync } from 'node:fs'

export type SecretRef = { env: string } | { file: string }

export function readSecret(ref: SecretRef, env: Record<string, string | undefined> = process.env): string {
  if ('env' in ref) {
    const value = env[ref.env]
    if (!value) throw new Error(`The environment variable ${ref.env} is not set; set it to the secret's value.`)
    return value
  }
  let value: string
  try {
    value = readFileSync(ref.file, 'utf8').trim()
  } catch (error) {
    throw new Error(
      `The secret file ${ref.file} cannot be read (${(error as NodeJS.ErrnoException).code}); check the path and permissions.`,
    )
  }
  if (!value) throw new Error(`The secret file ${ref.file} is empty.`)
  return value
}

/** Shows that a secret is set without showing it. */
export function maskSecret(value: string | undefined): string {
  if (!value) return '(not set)'
  return `${'*'.repeat(Math.min(8, value.length))} (${value.length} characters)`
}
