// The config file: named servers, as a gateway declares them. Validated with a schema that
// editors can use (`bizmcp config schema`); errors name the offending key. Secrets are only
// ever references (an environment variable or a file), never inline values.
import { readFileSync } from 'node:fs'
import { z } from 'zod'

const SecretRef = z.union([
  z.object({ env: z.string().min(1).describe('Environment variable holding the value') }).strict(),
  z.object({ file: z.string().min(1).describe('File holding the value') }).strict(),
])

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|APIKEY|API_KEY/i

const Credentials = z
  .record(
    z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'credential names are environment-variable style, e.g. DATAVERSE_URL'),
    z.union([z.string(), SecretRef]),
  )
  .superRefine((values, ctx) => {
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'string' && SECRET_NAME.test(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} looks like a secret: reference it as { "env": "VAR" } or { "file": "path" } instead of writing it inline`,
        })
      }
    }
  })

const RateLimitSchema = z
  .object({
    limit: z.number().int().min(1).describe('Calls allowed in the window'),
    windowSeconds: z.number().min(1).max(86_400),
  })
  .strict()

const AuthSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('oauth'),
      issuer: z.url().describe("The authorization server's issuer, as in its tokens' iss claim"),
      audience: z
        .union([z.string(), z.array(z.string()).min(1)])
        .describe("Accepted aud values: this API's identifier"),
      jwksUri: z.url().optional().describe("Discovered from the issuer's metadata when left out"),
      requiredScopes: z.array(z.string()).optional().describe('Scopes or app roles every token must carry'),
      resourceUrl: z.url().describe('The public base URL of this deployment, e.g. https://mcp.example.com'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('api-keys'),
      keys: z
        .array(
          z
            .object({
              name: z.string().min(1).describe('Who the key identifies in audit lines'),
              sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'a hex SHA-256 hash: bizmcp config hash-key prints one'),
              scopes: z.array(z.string()).optional(),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  z
    .object({ kind: z.literal('none') })
    .strict()
    .describe('Only allowed on loopback'),
])

export const ServerConfigSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes; it becomes the URL path /mcp/<name>'),
    description: z.string().max(500).optional(),
    products: z.array(z.string()).min(1).describe('Product names, e.g. ["dataverse", "sales"]'),
    toolsets: z.array(z.string()).optional(),
    tools: z.array(z.string()).optional().describe('Only these tools'),
    denyTools: z.array(z.string()).optional(),
    readOnly: z.boolean().default(false),
    timeoutSeconds: z.number().int().min(1).max(600).default(30).describe('Per vendor request'),
    consent: z
      .enum(['refuse', 'confirm-argument'])
      .default('refuse')
      .describe('What destructive tools do when the client cannot ask the user'),
    audit: z.boolean().default(true).describe('One audit line per tool call on stderr'),
    production: z.boolean().default(false).describe('Refuse to fall back to the sandbox when credentials are missing'),
    rateLimits: z
      .object({ perServer: RateLimitSchema.optional(), perCaller: RateLimitSchema.optional() })
      .strict()
      .optional()
      .describe('Call limits; refused calls get a retryable error with the time to wait'),
    credentials: z
      .record(z.string(), Credentials)
      .optional()
      .describe(
        'Per product: settings and secret references, e.g. { "dataverse": { "DATAVERSE_URL": "https://org.crm.dynamics.com", "AZURE_CLIENT_SECRET": { "env": "DV_SECRET" } } }',
      ),
  })
  .strict()

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    servers: z.array(ServerConfigSchema).min(1),
    http: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8787),
        allowedHosts: z.array(z.string()).optional(),
        allowedOrigins: z.array(z.string()).optional(),
        maxBodyBytes: z
          .number()
          .int()
          .min(1024)
          .max(64 * 1024 * 1024)
          .optional(),
        auth: AuthSchema.optional().describe(
          'Who may call the servers over HTTP; none by default, which is refused beyond loopback',
        ),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>()
    config.servers.forEach((server, index) => {
      if (seen.has(server.name))
        ctx.addIssue({
          code: 'custom',
          path: ['servers', index, 'name'],
          message: `server name '${server.name}' is used twice`,
        })
      seen.add(server.name)
    })
  })

export type ServerConfig = z.output<typeof ServerConfigSchema>
export type AuthConfig = z.output<typeof AuthSchema>
export type Config = z.output<typeof ConfigSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function parseConfig(text: string, source = 'config'): Config {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`${source} is not valid JSON: ${(error as Error).message}`)
  }
  const parsed = ConfigSchema.safeParse(json)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${formatPath(issue.path) || '(root)'}: ${issue.message}`)
    throw new ConfigError(`${source} has ${lines.length} problem${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`)
  }
  return parsed.data
}

export function loadConfig(path: string): Config {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError(`Cannot read the config file ${path} (${(error as NodeJS.ErrnoException).code}).`)
  }
  return parseConfig(text, path)
}

/** The JSON Schema of the config file, for editors (`"$schema"`). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  )
}
