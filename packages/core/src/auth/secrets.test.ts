import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { maskSecret, readSecret } from './secrets.js'

it('reads secrets from the environment or a file and says what is missing', () => {
  expect(readSecret({ env: 'X_SECRET' }, { X_SECRET: 'v' })).toBe('v')
  expect(() => readSecret({ env: 'X_SECRET' }, {})).toThrow(/X_SECRET is not set/)
  const dir = mkdtempSync(join(tmpdir(), 'bizmcp-secret-'))
  writeFileSync(join(dir, 's'), 'file-value\n')
  expect(readSecret({ file: join(dir, 's') })).toBe('file-value')
  expect(() => readSecret({ file: join(dir, 'missing') })).toThrow(/cannot be read \(ENOENT\)/)
  writeFileSync(join(dir, 'empty'), '')
  expect(() => readSecret({ file: join(dir, 'empty') })).toThrow(/empty/)
})

it('masks secrets without revealing them', () => {
  expect(maskSecret('supersecretvalue')).toBe('******** (16 characters)')
  expect(maskSecret(undefined)).toBe('(not set)')
})
