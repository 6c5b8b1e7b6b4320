import { vitestProject } from '@bizmcp/build-config/vitest'

// Generating, installing and building a package in a scratch copy of the repo takes a minute.
export default vitestProject('new-package', { testTimeout: 300_000, hookTimeout: 300_000 })
