import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { staticTokenProvider } from '../auth/token-provider.js'
import { createHttpClient } from './client.js'
import { VendorError } from './vendor-error.js'

const BASE = 'http://vendor.test/api/'
const network = setupServer()
beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterEach(() => network.resetHandlers())
afterAll(() => network.close())

const retries: number[] = []
const client = (overrides = {}) =>
  createHttpClient({
    baseUrl: BASE,
    token: staticTokenProvider('tok'),
    timeoutMs: 500,
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 3_000 },
    onRetry: ({ delayMs }) => retries.push(delayMs),
    decodeError: (_status, body) => ({
      message: (body as { error?: { message?: string } })?.error?.message ?? 'unknown',
      vendorCode: (body as { error?: { code?: string } })?.error?.code,
    }),
    ...overrides,
  })

async function failure(pending: Promise<unknown>): Promise<VendorError> {
  try {
    await pending
  } catch (error) {
    return error as VendorError
  }
  throw new Error('expected the request to fail')
}

/** Answers with `faults` in order, then with `final`. */
function sequence(faults: Array<() => Response | Promise<Response>>, final: () => Response) {
  let calls = 0
  return {
    get calls() {
      return calls
    },
    handler: () => {
      const fault = faults[calls++]
      return fault ? fault() : final()
    },
  }
}

describe('vendor HTTP client', () => {
  it('sends the bearer token, JSON bodies and query parameters', async () => {
    network.use(
      http.post(`${BASE}things`, async ({ request }) =>
        HttpResponse.json({
          auth: request.headers.get('authorization'),
          type: request.headers.get('content-type'),
          body: await request.json(),
          q: new URL(request.url).searchParams.get('q'),
        }),
      ),
    )
    const response = await client().request({
      method: 'POST',
      path: 'things',
      body: { a: 1 },
      query: { q: 'x y', skip: undefined },
    })
    expect(response.body).toEqual({ auth: 'Bearer tok', type: 'application/json', body: { a: 1 }, q: 'x y' })
  })

  it('follows absolute URLs such as a vendor nextLink', async () => {
    network.use(http.get('http://vendor.test/other/page2', () => HttpResponse.json({ ok: true })))
    expect(await client().get('http://vendor.test/other/page2')).toEqual({ ok: true })
  })

  it('waits out Retry-After on 429 and then succeeds, for any method', async () => {
    retries.length = 0
    const seq = sequence(
      [
        () =>
          HttpResponse.json(
            { error: { code: '0x80072322', message: 'Too many requests' } },
            { status: 429, headers: { 'Retry-After': '1' } },
          ),
      ],
      () => HttpResponse.json({ id: 7 }, { status: 201 }),
    )
    network.use(http.post(`${BASE}things`, seq.handler))
    const started = Date.now()
    const response = await client().post('things', { a: 1 })
    expect(response.status).toBe(201)
    expect(seq.calls).toBe(2)
    expect(retries).toEqual([1000])
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('does not wait out a Retry-After longer than the policy allows', async () => {
    const seq = sequence([], () =>
      HttpResponse.json({ error: { message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '300' } }),
    )
    network.use(http.get(`${BASE}things`, seq.handler))
    const error = await failure(client().get('things'))
    expect(error).toBeInstanceOf(VendorError)
    expect(error.status).toBe(429)
    expect(error.retryAfterSeconds).toBe(300)
    expect(seq.calls).toBe(1)
  })

  it('retries 503 for GET with backoff, up to the bound', async () => {
    const seq = sequence([], () => new HttpResponse('down', { status: 503 }))
    network.use(http.get(`${BASE}things`, seq.handler))
    const error = await failure(client().get('things'))
    expect(error.status).toBe(503)
    expect(seq.calls).toBe(3)
  })

  it('never retries 503 for a POST: it may have been processed', async () => {
    const seq = sequence([], () => new HttpResponse('down', { status: 503 }))
    network.use(http.post(`${BASE}things`, seq.handler))
    const error = await failure(client().post('things', {}))
    expect(error.status).toBe(503)
    expect(seq.calls).toBe(1)
  })

  it('times out a hung request, retries it when idempotent, then reports Timeout', async () => {
    const seq = sequence([], () => delay('infinite') as never)
    network.use(http.get(`${BASE}hang`, seq.handler))
    const error = await failure(client({ timeoutMs: 100 }).get('hang'))
    expect(error).toBeInstanceOf(VendorError)
    expect(error.vendorCode).toBe('Timeout')
    expect(error.message).toContain('No answer within 100 ms')
    expect(seq.calls).toBe(3)
  })

  it('decodes the vendor error body and does not retry client errors', async () => {
    const seq = sequence([], () =>
      HttpResponse.json({ error: { code: '0x80040217', message: 'account does not exist' } }, { status: 404 }),
    )
    network.use(http.get(`${BASE}things/1`, seq.handler))
    const error = await failure(client().get('things/1'))
    expect(error).toMatchObject({ status: 404, vendorCode: '0x80040217', message: 'account does not exist' })
    expect(seq.calls).toBe(1)
  })

  it('survives a malformed success body by returning the text', async () => {
    network.use(
      http.get(
        `${BASE}broken`,
        () => new HttpResponse('{"half":', { headers: { 'content-type': 'application/json' } }),
      ),
    )
    expect(await client().get('broken')).toBe('{"half":')
  })

  it('stops at once when the caller cancels, without retrying', async () => {
    const seq = sequence([], () => delay('infinite') as never)
    network.use(http.get(`${BASE}hang`, seq.handler))
    const controller = new AbortController()
    const pending = client({ timeoutMs: 5_000 }).get('hang', { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('user cancelled')), 30)
    await expect(pending).rejects.toThrow('user cancelled')
    expect(seq.calls).toBe(1)
  })

  it('caps concurrent requests', async () => {
    let active = 0
    let peak = 0
    network.use(
      http.get(`${BASE}slow`, async () => {
        active++
        peak = Math.max(peak, active)
        await delay(20)
        active--
        return HttpResponse.json({})
      }),
    )
    const capped = client({ concurrency: 3 })
    await Promise.all(Array.from({ length: 10 }, () => capped.get('slow')))
    expect(peak).toBe(3)
  })

  it('reports network failures as retryable for idempotent requests', async () => {
    const seq = sequence([() => HttpResponse.error()], () => HttpResponse.json({ ok: 1 }))
    network.use(http.get(`${BASE}flaky`, seq.handler))
    expect(await client().get('flaky')).toEqual({ ok: 1 })
    expect(seq.calls).toBe(2)
  })
})
