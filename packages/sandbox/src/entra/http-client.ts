import { Readable } from 'node:stream'

/**
 * A structural copy of the `HttpClient` interface of @azure/core-rest-pipeline, so that Azure SDK
 * credentials can talk to the sandbox in process. The @azure packages are not runtime dependencies.
 */
export interface PipelineHttpHeaders extends Iterable<[string, string]> {
  get(name: string): string | undefined
  has(name: string): boolean
  set(name: string, value: string | number | boolean): void
  delete(name: string): void
  toJSON(options?: { preserveCase?: boolean }): Record<string, string>
}

/** The abort signal shape Azure SDKs pass (a real AbortSignal satisfies it). */
export interface AbortSignalLike {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void, options?: unknown): void
  removeEventListener(type: 'abort', listener: () => void, options?: unknown): void
}

export interface PipelineRequestLike {
  url: string
  method: string
  headers: PipelineHttpHeaders
  body?: unknown
  timeout?: number
  abortSignal?: AbortSignalLike
  streamResponseStatusCodes?: Set<number>
}

export interface PipelineResponseLike<R extends PipelineRequestLike = PipelineRequestLike> {
  request: R
  status: number
  headers: PipelineHttpHeaders
  bodyAsText?: string | null
  readableStreamBody?: NodeJS.ReadableStream
}

export interface SandboxHttpClient {
  sendRequest<R extends PipelineRequestLike>(request: R): Promise<PipelineResponseLike<R>>
}

export type FetchHandler = (request: Request) => Promise<Response>

/** Hands each pipeline request to the sandbox's fetch handler: nothing leaves the process. */
export function createSandboxHttpClient(handler: FetchHandler): SandboxHttpClient {
  return {
    async sendRequest(request) {
      const response = await handler(await toWhatwgRequest(request))
      const headers = new SandboxPipelineHeaders()
      response.headers.forEach((value, name) => {
        headers.set(name, value)
      })
      const streamed =
        request.streamResponseStatusCodes?.has(response.status) ||
        request.streamResponseStatusCodes?.has(Number.POSITIVE_INFINITY)
      if (streamed && response.body) {
        return {
          request,
          status: response.status,
          headers,
          readableStreamBody: Readable.fromWeb(response.body as never),
        }
      }
      return { request, status: response.status, headers, bodyAsText: await response.text() }
    },
  }
}

async function toWhatwgRequest(request: PipelineRequestLike): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of request.headers) headers.set(name, value)
  const signals = [
    toAbortSignal(request.abortSignal),
    request.timeout ? AbortSignal.timeout(request.timeout) : undefined,
  ].filter((signal): signal is AbortSignal => signal !== undefined)
  const method = request.method.toUpperCase()
  const body = method === 'GET' || method === 'HEAD' ? undefined : await toBody(request.body)
  return new Request(request.url, {
    method,
    headers,
    ...(body !== undefined ? { body, duplex: 'half' } : {}),
    ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}),
  } as RequestInit)
}

function toAbortSignal(like: AbortSignalLike | undefined): AbortSignal | undefined {
  if (!like || like instanceof AbortSignal) return like
  const controller = new AbortController()
  if (like.aborted) controller.abort()
  else like.addEventListener('abort', () => controller.abort(), { once: true })
  return controller.signal
}

/** Accepts the body types core-rest-pipeline allows: strings, bytes, blobs, streams or stream factories. */
async function toBody(body: unknown): Promise<BodyInit | undefined> {
  const value = typeof body === 'function' ? (body as () => unknown)() : body
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' || value instanceof Blob || value instanceof ArrayBuffer) return value
  if (ArrayBuffer.isView(value)) return copyBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
  if (value instanceof ReadableStream) return value
  if (typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = []
    for await (const chunk of value as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk))
    return copyBytes(Buffer.concat(chunks))
  }
  throw new TypeError('The sandbox HTTP client cannot send this request body; use a string, bytes, a Blob or a stream.')
}

/** A copy backed by a plain ArrayBuffer, which is what BodyInit accepts. */
function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy
}

/** Case-insensitive headers that remember the casing they were set with, as core-rest-pipeline's do. */
export class SandboxPipelineHeaders implements PipelineHttpHeaders {
  readonly #entries = new Map<string, { name: string; value: string }>()

  constructor(initial?: Record<string, string>) {
    for (const [name, value] of Object.entries(initial ?? {})) this.set(name, value)
  }

  get(name: string): string | undefined {
    return this.#entries.get(name.toLowerCase())?.value
  }

  has(name: string): boolean {
    return this.#entries.has(name.toLowerCase())
  }

  set(name: string, value: string | number | boolean): void {
    this.#entries.set(name.toLowerCase(), { name, value: String(value) })
  }

  delete(name: string): void {
    this.#entries.delete(name.toLowerCase())
  }

  toJSON(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const result: Record<string, string> = {}
    for (const [key, entry] of this.#entries) result[options.preserveCase ? entry.name : key] = entry.value
    return result
  }

  toString(): string {
    return JSON.stringify(this.toJSON({ preserveCase: true }))
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (const entry of this.#entries.values()) yield [entry.name, entry.value]
  }
}
