import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Emulator, isLoopback, type Sandbox, serveSandbox } from '../src/index.js'

/** Reports what reached it, and can answer with a stream or with repeated headers. */
const probe: Emulator = {
  name: 'probe',
  prefix: '/probe',
  async handle(request, path) {
    if (path.startsWith('/stream')) {
      const chunks = ['one,', 'two,', 'three']
      let index = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = chunks[index++]
          if (chunk === undefined) controller.close()
          else controller.enqueue(new TextEncoder().encode(chunk))
        },
      })
      return new Response(body, { headers: { 'content-type': 'text/plain' } })
    }
    if (path.startsWith('/cookies')) {
      const headers = new Headers({ 'x-one': 'a' })
      headers.append('set-cookie', 'first=1; Path=/')
      headers.append('set-cookie', 'second=2; Path=/')
      headers.append('x-list', 'p')
      headers.append('x-list', 'q')
      return new Response('ok', { headers })
    }
    return Response.json({
      method: request.method,
      path,
      url: request.url,
      body: await request.text(),
      multi: request.headers.get('x-multi'),
      contentType: request.headers.get('content-type'),
    })
  },
}

describe('serveSandbox', () => {
  let sandbox: Sandbox
  let url: string
  let close: () => Promise<void>

  beforeAll(async () => {
    sandbox = createSandbox()
    sandbox.mount(probe)
    ;({ url, close } = await serveSandbox(sandbox))
  })
  afterAll(async () => {
    await close()
    sandbox.close()
  })

  it('listens on loopback and makes the served URL the base URL', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.baseUrl).toBe(url)
    expect(sandbox.urlOf('probe')).toBe(`${url}/probe`)
  })

  it('passes method, path, query and body through, with the URL on the served origin', async () => {
    const target = new URL(`${url}/probe/items?$filter=name eq 'x'`)
    const response = await fetch(target, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    })
    expect(await response.json()).toEqual({
      method: 'PATCH',
      path: `/items${target.search}`,
      url: target.toString(),
      body: '{"name":"x"}',
      multi: null,
      contentType: 'application/json',
    })
  })

  it('carries a large request body intact', async () => {
    const big = 'x'.repeat(1_000_000)
    const response = await fetch(`${url}/probe/big`, { method: 'POST', body: big })
    const body = (await response.json()) as { body: string }
    expect(body.body.length).toBe(big.length)
  })

  it('joins repeated request headers', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const target = new URL(`${url}/probe/headers`)
      const req = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          // A raw header list, so that the same name goes out twice (Host must then be given too).
          headers: ['host', target.host, 'x-multi', 'a', 'x-multi', 'b'],
        },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            text += chunk
          })
          res.on('end', () => resolve(text))
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(JSON.parse(body).multi).toBe('a, b')
  })

  it('keeps repeated set-cookie response headers separate', async () => {
    const response = await fetch(`${url}/probe/cookies`)
    expect(response.headers.getSetCookie()).toEqual(['first=1; Path=/', 'second=2; Path=/'])
    expect(response.headers.get('x-list')).toBe('p, q')
    expect(await response.text()).toBe('ok')
  })

  it('streams response bodies', async () => {
    const response = await fetch(`${url}/probe/stream`)
    expect(response.headers.get('content-type')).toBe('text/plain')
    expect(await response.text()).toBe('one,two,three')
  })

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${url}/probe/anything`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it('keeps a target that looks like another host as a path on the sandbox', async () => {
    const response = await fetch(`${url}//login.sandbox.localhost/probe`)
    expect(response.status).toBe(404)
  })

  it('answers 404 JSON for unknown paths', async () => {
    const response = await fetch(`${url}/nope`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toContain('application/json')
  })
})

describe('serveSandbox safety', () => {
  it('refuses a non-loopback host unless allowRemote is set', async () => {
    const sandbox = createSandbox()
    try {
      await expect(serveSandbox(sandbox, { host: '0.0.0.0' })).rejects.toThrow(/allowRemote/)
      await expect(serveSandbox(sandbox, { host: '192.168.1.10' })).rejects.toThrow(/Refusing/)
      expect(sandbox.baseUrl).toBe('http://sandbox.localhost')
    } finally {
      sandbox.close()
    }
  })

  it('recognises loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.5.6.7', 'localhost', '::1', '[::1]'])
      expect(isLoopback(host), host).toBe(true)
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '128.0.0.1'])
      expect(isLoopback(host), host).toBe(false)
  })

  it('reports a port already in use, and closes idempotently', async () => {
    const first = createSandbox()
    const second = createSandbox()
    const served = await serveSandbox(first)
    try {
      await expect(serveSandbox(second, { port: Number(new URL(served.url).port) })).rejects.toThrow(/EADDRINUSE/)
    } finally {
      await served.close()
      await served.close()
      first.close()
      second.close()
    }
  })

  it('answers 500 once the sandbox behind it is closed', async () => {
    const sandbox = createSandbox()
    const served = await serveSandbox(sandbox)
    sandbox.close()
    try {
      const response = await fetch(`${served.url}/entra/x`)
      expect(response.status).toBe(500)
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('closed')
    } finally {
      await served.close()
    }
  })
})
