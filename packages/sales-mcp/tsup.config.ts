import { tsupPreset } from '@bizmcp/build-config/tsup'

export default tsupPreset({ entry: { index: 'src/index.ts', bin: 'src/bin.ts', scenarios: 'src/scenarios/index.ts' } })
