import { tsupPreset } from '@bizmcp/build-config/tsup'

export default tsupPreset({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts', testing: 'src/testing.ts', scenarios: 'src/scenarios/index.ts' },
})
