// A product (Dataverse, Sales, ERP ...) groups tools, toolsets, resources and prompts, and knows
// how to build its vendor client, live or against the sandbox. Products are data, like tools.
import type { Logger } from 'pino'
import type { z } from 'zod'
import type { HttpClientOptions } from './http/client.js'
import type { AnyTool } from './tool.js'

export interface ResourceDefinition<Client = any> {
  uri: string
  name: string
  title?: string
  description: string
  mimeType: string
  read(ctx: { client: Client; signal: AbortSignal }): Promise<{ text: string } | { blob: Uint8Array }>
}

export interface PromptDefinition {
  name: string
  title?: string
  description: string
  /** prompt arguments are strings in MCP */
  args: z.ZodObject<Record<string, z.ZodString | z.ZodOptional<z.ZodString>>>
  messages(args: Record<string, string | undefined>): Array<{ role: 'user' | 'assistant'; text: string }>
}

export interface ProductDefinition<Client = any> {
  /** short id used in flags and config: `dataverse`, `sales` */
  name: string
  title: string
  description: string
  version: string
  /** toolset name → one-line description */
  toolsets: Record<string, string>
  tools: AnyTool[]
  resources?: ResourceDefinition<Client>[]
  prompts?: PromptDefinition[]
}

export function defineProduct<Client>(product: ProductDefinition<Client>): ProductDefinition<Client> {
  const names = new Set<string>()
  for (const tool of product.tools) {
    if (names.has(tool.name)) throw new Error(`Product '${product.name}' defines tool '${tool.name}' twice.`)
    names.add(tool.name)
    if (!(tool.toolset in product.toolsets)) {
      throw new Error(
        `Tool '${tool.name}' is in toolset '${tool.toolset}', which product '${product.name}' does not declare (declared: ${Object.keys(product.toolsets).join(', ')}).`,
      )
    }
  }
  return product
}

/** What the sandbox gives a product in sandbox mode: an in-process fetch and working credentials. */
export interface SandboxConnection {
  baseUrl: string
  fetch: (request: Request) => Promise<Response>
  /** emulator name → its description (URLs, credentials), as the sandbox reports it */
  emulators: Record<string, Record<string, unknown>>
  entra?: {
    tenantId: string
    clientId: string
    clientSecret: string
    authorityHost: string
    /** an @azure/core-rest-pipeline HttpClient that routes to the in-process emulator */
    httpClient?: unknown
  }
}

export interface ConnectOptions {
  env: Record<string, string | undefined>
  /** present when the product should talk to the sandbox */
  sandbox?: SandboxConnection
  http?: Partial<HttpClientOptions>
  log: Logger
}

/** What a product package exports for the combined server and the template. */
export interface ProductModule<Client = any> {
  product: ProductDefinition<Client>
  /** true when the environment holds credentials for a live tenant */
  isConfigured(env: Record<string, string | undefined>): boolean
  /** sandbox emulators this product needs when it is not configured */
  sandboxEmulators?: string[]
  connect(options: ConnectOptions): Promise<Client>
}

export interface ProductBinding<Client = any> {
  product: ProductDefinition<Client>
  client: Client
}
