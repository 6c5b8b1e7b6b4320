// What a product needs from the sandbox to connect: an in-process fetch, each emulator's URL,
// and working Entra credentials whose token requests the sandbox answers itself.
// The shape matches @bizmcp/core's SandboxConnection (structurally: the sandbox depends on nothing of ours).
import type { Sandbox } from './sandbox.js'
import { describeSandbox } from './server/describe.js'
import { createStandardSandbox } from './standard.js'

export interface SandboxConnectionInfo {
  baseUrl: string
  fetch: (request: Request) => Promise<Response>
  emulators: Record<string, Record<string, unknown>>
  entra: { tenantId: string; clientId: string; clientSecret: string; authorityHost: string; httpClient: unknown }
}

export function sandboxConnection(sandbox: Sandbox): SandboxConnectionInfo {
  return {
    baseUrl: sandbox.baseUrl,
    fetch: (request) => sandbox.fetch(request),
    emulators: describeSandbox(sandbox).emulators,
    entra: {
      tenantId: sandbox.entra.tenantId,
      clientId: sandbox.entra.clientId,
      clientSecret: sandbox.entra.clientSecret,
      authorityHost: sandbox.entra.authorityHost,
      httpClient: sandbox.entraHttpClient(),
    },
  }
}

/** A lazy standard sandbox with these emulators, as a product's connection: what a product bin needs. */
export function standardSandboxConnection(emulators: string[]): SandboxConnectionInfo {
  return sandboxConnection(createStandardSandbox({ emulators, lazy: true }))
}
