// JSON Schema 2020-12 handling: compiling what a server lists, validating results against it,
// and deriving arguments from an input schema (only where the schema itself says what is valid:
// enums, consts and defaults — the harness never guesses business values).
import { Ajv2020 } from 'ajv/dist/2020.js'

const DIALECT_2020 = 'https://json-schema.org/draft/2020-12/schema'

export type Validator = ((value: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; message?: string }> | null
}

export interface Compiled {
  validate?: Validator
  error?: string
  /** unknown keywords and other things ajv ignored; legal, but usually a typo */
  warnings: string[]
}

// One validator instance for the run (creating one costs more than compiling a schema); the
// warnings of the schema being compiled are collected through `sink`.
let sink: string[] = []
let ajv: Ajv2020 | undefined
const cache = new WeakMap<object, Compiled>()

function instance(): Ajv2020 {
  ajv ??= new Ajv2020({
    // Unknown keywords are logged (reported as warnings), not fatal; everything else is lenient.
    strict: false,
    strictSchema: 'log',
    allowUnionTypes: true,
    // No format vocabulary is installed: formats are annotations here, not assertions.
    validateFormats: false,
    // Schemas with an $id must not collide across tools.
    addUsedSchema: false,
    logger: { log() {}, warn: (...args: unknown[]) => sink.push(args.map(String).join(' ')), error() {} },
  })
  return ajv
}

export function compileSchema(schema: unknown): Compiled {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return { error: 'not a JSON object', warnings: [] }
  const cached = cache.get(schema)
  if (cached) return cached
  const warnings: string[] = []
  let copy = schema as Record<string, unknown>
  const dialect = copy.$schema
  if (typeof dialect === 'string' && dialect.replace(/#$/, '') !== DIALECT_2020) {
    warnings.push(`declares dialect ${dialect}; compiled as 2020-12`)
    const { $schema: _ignored, ...rest } = copy
    copy = rest
  }
  sink = warnings
  let compiled: Compiled
  try {
    compiled = { validate: instance().compile(copy) as Validator, warnings }
  } catch (error) {
    compiled = { error: (error as Error).message, warnings }
  } finally {
    sink = []
  }
  cache.set(schema, compiled)
  return compiled
}

export function describeErrors(validate: Validator): string {
  return (validate.errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`)
    .join('; ')
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export type Derived = { ok: true; args: Record<string, unknown> } | { ok: false; reason: string }

/**
 * Arguments for a call, from the input schema alone. 'minimal' fills only required properties
 * that have a default, const or enum. 'nonexistent' also fills required strings and numbers with
 * values that name nothing real (a zero GUID, an obviously fake name), for refusal checks.
 */
export function deriveArguments(inputSchema: unknown, mode: 'minimal' | 'nonexistent'): Derived {
  if (!isObject(inputSchema)) return { ok: false, reason: 'no input schema' }
  const filled = fillObject(inputSchema, mode, 'arguments')
  if (!filled.ok) return filled
  const compiled = compileSchema(inputSchema)
  if (!compiled.validate) return { ok: false, reason: `input schema does not compile: ${compiled.error}` }
  if (!compiled.validate(filled.args))
    return {
      ok: false,
      reason: `derived arguments ${JSON.stringify(filled.args)} do not validate: ${describeErrors(compiled.validate)}`,
    }
  return filled
}

function fillObject(schema: Json, mode: 'minimal' | 'nonexistent', path: string): Derived {
  const properties = isObject(schema.properties) ? schema.properties : {}
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
  const args: Record<string, unknown> = {}
  for (const name of required) {
    const property = properties[name]
    if (!isObject(property)) return { ok: false, reason: `required argument '${name}' has no schema` }
    const value = fillValue(property, mode, `${path}.${name}`)
    if (!value.ok) return value
    args[name] = value.value
  }
  return { ok: true, args }
}

const ZERO_GUID = '00000000-0000-0000-0000-000000000000'
const FAKE_NAME = 'bizmcp_conformance_nonexistent'

function fillValue(
  schema: Json,
  mode: 'minimal' | 'nonexistent',
  path: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  if ('default' in schema) return { ok: true, value: schema.default }
  if ('const' in schema) return { ok: true, value: schema.const }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { ok: true, value: schema.enum[0] }
  const reason = `required argument '${path.replace(/^arguments\./, '')}' has no default, const or enum`
  if (mode === 'minimal') return { ok: false, reason }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string': {
      const pattern = typeof schema.pattern === 'string' ? safeRegExp(schema.pattern) : undefined
      for (const candidate of [schema.format === 'uuid' ? ZERO_GUID : FAKE_NAME, ZERO_GUID, 'XX-CONFORMANCE-0']) {
        if (!pattern || pattern.test(candidate)) return { ok: true, value: candidate }
      }
      return { ok: false, reason: `${reason}, and no made-up value matches its pattern` }
    }
    case 'integer':
    case 'number':
      return { ok: true, value: 2147483646 }
    case 'boolean':
      return { ok: true, value: false }
    case 'array':
      return Number(schema.minItems ?? 0) > 0
        ? { ok: false, reason: `${reason}, and it needs at least one item` }
        : { ok: true, value: [] }
    case 'object': {
      const nested = fillObject(schema, mode, path)
      return nested.ok ? { ok: true, value: nested.args } : nested
    }
    default:
      return { ok: false, reason: `${reason}, and its type is not simple` }
  }
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u')
  } catch {
    return undefined
  }
}
