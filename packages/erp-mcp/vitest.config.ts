import { vitestProject } from '@bizmcp/build-config/vitest'

export default vitestProject('erp')
