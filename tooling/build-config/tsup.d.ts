import type { Options } from 'tsup'
export function tsupPreset(options: { entry: Record<string, string> | string[]; banner?: string }): Options | Options[]
