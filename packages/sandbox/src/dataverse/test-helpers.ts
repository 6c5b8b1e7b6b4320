// Builds an emulator over an in-memory database for tests; tokens are `token-<oid>`.

import { DatabaseSync } from 'node:sqlite'
import { createDataverseEmulator, type DataverseEmulatorOptions } from './emulator.js'
import { fixtureSchema, fixtureSeed, ids } from './test-fixtures.js'

export const ORG_URL = 'http://sandbox.localhost/dataverse'
export const API = `${ORG_URL}/api/data/v9.2/`

export function makeEmulator(overrides: Partial<DataverseEmulatorOptions> = {}) {
  const db = new DatabaseSync(':memory:')
  const emulator = createDataverseEmulator({
    db,
    schema: structuredClone(fixtureSchema),
    seed: fixtureSeed(),
    orgUrl: ORG_URL,
    verifyToken: async (token) =>
      token?.startsWith('token-')
        ? { ok: true, claims: { oid: token.slice('token-'.length) } }
        : { ok: false, description: 'The access token is missing or invalid.' },
    ...overrides,
  })
  const call = async (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
  ) => {
    const headers = new Headers(init.headers)
    if (init.token !== null) headers.set('Authorization', `Bearer ${init.token ?? `token-${ids.userOid}`}`)
    let body: string | undefined
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
    }
    const apiPath = path.startsWith('/') ? path : `/api/data/v9.2/${path}`
    const res = await emulator.handle(new Request(`${ORG_URL}${apiPath}`, { method, headers, body }), apiPath)
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: res.status, headers: res.headers, text, json }
  }
  return { db, emulator, call }
}
