// Shared by the tests: where the servers under test are, starting the combined server over HTTP
// (URL read from its stderr, killed by the caller), and a strict little XML reader for JUnit.
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Target } from '../src/index.js'

export const APP_DIR = fileURLToPath(new URL('..', import.meta.url))
/** the combined server, built (`turbo run build --filter=bizmcp`) */
export const SERVER_CLI = fileURLToPath(new URL('../node_modules/bizmcp/dist/cli.js', import.meta.url))
export const FIXTURE = fileURLToPath(new URL('./fixtures/broken-server.ts', import.meta.url))

/** tsx's loader by URL, so that `--import` works whatever the working directory */
export const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

export const fixtureTarget = (mode: string): Target => ({
  kind: 'stdio',
  command: process.execPath,
  args: ['--import', TSX, FIXTURE, mode],
})

export const serverTarget = (...args: string[]): Target => productsTarget(['dataverse'], ...args)

export const productsTarget = (products: string[], ...args: string[]): Target => ({
  kind: 'stdio',
  command: process.execPath,
  args: [SERVER_CLI, '--sandbox', '--products', products.join(','), '--no-audit', ...args],
})

export interface Spawned {
  url: string
  child: ChildProcess
  kill(): Promise<void>
}

/** Starts `bizmcp --http --port 0` and waits for "bizmcp listening on <url>". */
export const startHttpServer = (...args: string[]) => startHttpServerWith(['dataverse'], ...args)

export function startHttpServerWith(products: string[], ...args: string[]): Promise<Spawned> {
  const child = spawn(
    process.execPath,
    [SERVER_CLI, '--sandbox', '--products', products.join(','), '--no-audit', '--http', '--port', '0', ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    })
  return new Promise((resolve, reject) => {
    let stderr = ''
    const timer = setTimeout(() => {
      void kill()
      reject(new Error(`bizmcp did not start within 25 s: ${stderr}`))
    }, 25_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const match = /bizmcp listening on (http:\/\/\S+?)(,|\s|$)/.exec(stderr)
      if (match) {
        clearTimeout(timer)
        resolve({ url: match[1] as string, child, kill })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`bizmcp exited with ${code}: ${stderr}`))
    })
  })
}

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

/** Parses XML strictly enough to prove well-formedness: balanced tags, quoted attributes, known entities. */
export function parseXml(xml: string): XmlElement {
  let i = 0
  const fail = (what: string): never => {
    throw new Error(`malformed XML at ${i}: ${what}: ${JSON.stringify(xml.slice(i, i + 40))}`)
  }
  const decode = (raw: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) fail('bad entity')
    return raw
      .replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  }
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2
  const skipSpace = () => {
    while (/\s/.test(xml[i] ?? '')) i++
  }
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <')
    i++
    const name = /^[A-Za-z_][\w.-]*/.exec(xml.slice(i))?.[0] ?? fail('expected a tag name')
    i += name.length
    const attributes: Record<string, string> = {}
    for (;;) {
      skipSpace()
      if (xml.startsWith('/>', i)) {
        i += 2
        return { name, attributes, children: [], text: '' }
      }
      if (xml[i] === '>') {
        i++
        break
      }
      const attr = /^([A-Za-z_][\w.-]*)="([^"<]*)"/.exec(xml.slice(i)) ?? fail('bad attribute')
      if ((attr[1] as string) in attributes) fail('duplicate attribute')
      attributes[attr[1] as string] = decode(attr[2] as string)
      i += attr[0].length
    }
    const children: XmlElement[] = []
    let text = ''
    for (;;) {
      if (i >= xml.length) fail(`unclosed <${name}>`)
      if (xml.startsWith('</', i)) {
        const close = `</${name}>`
        if (!xml.startsWith(close, i)) fail(`expected ${close}`)
        i += close.length
        return { name, attributes, children, text: decode(text) }
      }
      if (xml[i] === '<') children.push(element())
      else {
        const next = xml.indexOf('<', i)
        text += xml.slice(i, next === -1 ? xml.length : next)
        i = next === -1 ? xml.length : next
      }
    }
  }
  skipSpace()
  const root = element()
  skipSpace()
  if (i !== xml.length) fail('content after the root element')
  return root
}

/** testcase name → 'pass' | 'fail' | 'skip', from a parsed JUnit document */
export function junitStatuses(root: XmlElement): Map<string, 'pass' | 'fail' | 'skip'> {
  const statuses = new Map<string, 'pass' | 'fail' | 'skip'>()
  for (const suite of root.children)
    for (const testcase of suite.children.filter((c) => c.name === 'testcase')) {
      const id = `${testcase.attributes.classname?.replace('bizmcp-conformance.', '')}.${testcase.attributes.name?.split(':')[0]}`
      const kinds = testcase.children.map((c) => c.name)
      statuses.set(id, kinds.includes('failure') ? 'fail' : kinds.includes('skipped') ? 'skip' : 'pass')
    }
  return statuses
}
