// The authenticated caller of the tool call in progress, for code far from the tool (a token
// provider exchanging the caller's token on their behalf) that should not thread it through
// every function.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Caller } from './tool.js'

const storage = new AsyncLocalStorage<Caller | undefined>()

export function currentCaller(): Caller | undefined {
  return storage.getStore()
}

export function runAsCaller<T>(caller: Caller | undefined, fn: () => T): T {
  return storage.run(caller, fn)
}
