// The sandbox a server falls back to when products have no credentials.
import { createStandardSandbox, type Sandbox, type StandardSandboxOptions } from '@bizmcp/sandbox'

export { sandboxConnection } from '@bizmcp/sandbox'

export function startSandbox(options: StandardSandboxOptions = {}): Sandbox {
  return createStandardSandbox(options)
}
