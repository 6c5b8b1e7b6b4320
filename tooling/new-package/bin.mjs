#!/usr/bin/env node
// pnpm new-package <name> [--title "Display Name"]
// Creates packages/<name>-mcp (a product package that builds, registers with the combined
// server and passes its protocol tests as generated) and a matching emulator in the sandbox.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const root = process.env.BIZMCP_REPO_ROOT ?? join(here, '..', '..')
const RESERVED = new Set(['core', 'sandbox', 'server', 'entra', 'conformance', 'bizmcp', 'test'])

function fail(message) {
  console.error(`new-package: ${message}`)
  process.exit(1)
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ options: { title: { type: 'string' } }, allowPositionals: true })
  } catch (error) {
    return fail(`${error.message}\nusage: pnpm new-package <name> [--title "Display Name"]`)
  }
})()
const name = positionals[0]
if (!name || positionals.length > 1)
  fail('usage: pnpm new-package <name> [--title "Display Name"]   e.g. pnpm new-package business-central')
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.length > 40) {
  fail(
    `'${name}' is not a valid product name: use lowercase letters, digits and single dashes, starting with a letter (e.g. business-central).`,
  )
}
if (RESERVED.has(name)) fail(`'${name}' is reserved; pick the product's own name.`)

const words = name.split('-')
const tokens = {
  __name_snake__: words.join('_'),
  __nameCamel__: words[0] + words.slice(1).map(capitalize).join(''),
  __Name__: words.map(capitalize).join(''),
  __NAME__: words.join('_').toUpperCase(),
  __Title__: values.title ?? words.map(capitalize).join(' '),
  __name__: name,
}
function capitalize(word) {
  return word[0].toUpperCase() + word.slice(1)
}
function fill(text) {
  let out = text
  for (const [token, value] of Object.entries(tokens)) out = out.split(token).join(value)
  return out
}

const packageDir = join(root, 'packages', `${name}-mcp`)
const emulatorDir = join(root, 'packages', 'sandbox', 'src', name)
if (existsSync(packageDir)) fail(`${relative(root, packageDir)} already exists.`)
if (existsSync(emulatorDir)) fail(`${relative(root, emulatorDir)} already exists.`)

const products = join(root, 'apps', 'server', 'src', 'products.ts')
const serverPackage = join(root, 'apps', 'server', 'package.json')
const standard = join(root, 'packages', 'sandbox', 'src', 'standard.ts')
for (const file of [products, serverPackage, standard])
  if (!existsSync(file)) fail(`${relative(root, file)} is missing; run this from a bizmcp checkout.`)

// 1. the product package
const written = []
function copyTree(from, to) {
  for (const entry of readdirSync(from)) {
    const source = join(from, entry)
    const target = join(to, fill(entry.replace(/\.tmpl$/, '')))
    if (statSync(source).isDirectory()) copyTree(source, target)
    else {
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, fill(readFileSync(source, 'utf8')))
      written.push(relative(root, target))
    }
  }
}
copyTree(join(here, 'template', 'package'), packageDir)
writeFileSync(join(packageDir, 'LICENSE'), readFileSync(join(root, 'LICENSE')))

// 2. the emulator, mounted in the standard sandbox
copyTree(join(here, 'template', 'emulator'), emulatorDir)
insertBefore(
  standard,
  '// new-package: emulator imports',
  `import { create${tokens.__Name__}Emulator } from './${name}/emulator.js'`,
)
insertBefore(
  standard,
  '// new-package: emulator mounts',
  `  '${name}': (sandbox) => sandbox.mount(create${tokens.__Name__}Emulator(sandbox)),`,
)

// 3. registration with the combined server
insertBefore(
  products,
  '// new-package: insert above this line',
  `  '${name}': () => import('@bizmcp/${name}-mcp').then((m) => m.default),`,
)
const server = JSON.parse(readFileSync(serverPackage, 'utf8'))
server.dependencies = sortKeys({ ...server.dependencies, [`@bizmcp/${name}-mcp`]: 'workspace:^' })
writeFileSync(serverPackage, `${JSON.stringify(server, null, 2)}\n`)

// 4. a changeset: a new package is a user-visible change
mkdirSync(join(root, '.changeset'), { recursive: true })
writeFileSync(
  join(root, '.changeset', `new-${name}-mcp.md`),
  `---\n'@bizmcp/${name}-mcp': minor\n'@bizmcp/sandbox': minor\n'bizmcp': minor\n---\n\nNew product package @bizmcp/${name}-mcp for ${tokens.__Title__}, with its sandbox emulator.\n`,
)

// Formatting depends on the name's length: let the repo's formatter settle it.
const biome = join(root, 'node_modules', '.bin', 'biome')
const touched = [
  relative(root, packageDir),
  relative(root, emulatorDir),
  relative(root, products),
  relative(root, standard),
]
if (existsSync(biome)) {
  const formatted = spawnSync(biome, ['check', '--write', ...touched], { cwd: root, encoding: 'utf8' })
  if (formatted.status !== 0)
    console.error(`new-package: biome could not tidy the new files:\n${formatted.stdout}${formatted.stderr}`)
} else {
  console.error('new-package: run `pnpm install` and then `pnpm format` to format the new files.')
}

console.log(`Created @bizmcp/${name}-mcp:
${written.map((f) => `  ${f}`).join('\n')}
Registered it in apps/server (products.ts, package.json) and mounted its emulator in packages/sandbox/src/standard.ts.

Next:
  pnpm install
  pnpm vitest run --project ${name}
  pnpm build && npx bizmcp --products ${name}
Then replace the records API in packages/${name}-mcp/src/client.ts and packages/sandbox/src/${name}/emulator.ts
with the vendor's real API, and add one file per tool under packages/${name}-mcp/src/tools/.`)

function insertBefore(file, marker, line) {
  const text = readFileSync(file, 'utf8')
  const index = text.indexOf(marker)
  if (index < 0) fail(`${relative(root, file)} has lost its '${marker}' marker; add the line by hand: ${line}`)
  const lineStart = text.lastIndexOf('\n', index) + 1
  writeFileSync(file, `${text.slice(0, lineStart)}${line}\n${text.slice(lineStart)}`)
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)))
}
