import { vitestProject } from '@bizmcp/build-config/vitest'

export default vitestProject('conformance', { testTimeout: 60_000 })
