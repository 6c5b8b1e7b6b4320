import { tsupPreset } from '@bizmcp/build-config/tsup'

export default tsupPreset({ entry: { cli: 'src/cli.ts', index: 'src/index.ts' } })
