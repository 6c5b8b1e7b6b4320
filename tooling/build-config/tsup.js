// Every package builds the same way: ESM for Node >= 22, with type declarations and source maps.
import { defineConfig } from 'tsup'

/** @param {{ entry: Record<string, string> | string[], banner?: string }} options */
export function tsupPreset({ entry, banner }) {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    // keep 'node:' specifiers: node:sqlite has no bare alias
    removeNodeProtocol: false,
    ...(banner ? { banner: { js: banner } } : {}),
  })
}
