import { payloadError } from '../errors.js'

/** Parses a JSON request body; an empty body is an empty object. */
export function parseJsonBody(text: string, entitySet: string): unknown {
  if (!text.trim()) return {}
  try {
    return JSON.parse(text)
  } catch (err) {
    throw payloadError(entitySet, `System.Text.Json.JsonException: ${(err as Error).message}`)
  }
}
