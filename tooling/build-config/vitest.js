// Tests import workspace packages from their TypeScript sources (the `@bizmcp/source` export condition),
// so a test run needs no build, and a failure points at the source line.
import { defineProject } from 'vitest/config'

export const sourceConditions = ['@bizmcp/source', 'import', 'module', 'node', 'default']

/** @param {string} name @param {import('vitest/config').UserWorkspaceConfig['test']} [test] */
export function vitestProject(name, test = {}) {
  return defineProject({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 30_000,
      ...test,
    },
  })
}
