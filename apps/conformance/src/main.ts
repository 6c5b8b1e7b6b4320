// The CLI as a function (argv and output in, exit code out), so tests run it without a process.
import { writeFile } from 'node:fs/promises'
import { HELP, parseCliArgs, UsageError } from './args.js'
import { toJUnit } from './junit.js'
import { formatReport } from './report.js'
import { runConformance } from './run.js'
import { loadScenarios, productScenarios, type Scenario } from './scenario.js'
import { builtinScenarios } from './scenarios/index.js'

export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  isTty?: boolean
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>
  try {
    parsed = parseCliArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`bizmcp-conformance: ${error.message}\nRun bizmcp-conformance --help for usage.\n`)
      return 2
    }
    throw error
  }
  if (parsed.kind === 'help') {
    io.stdout(HELP)
    return 0
  }
  const scenarios: Scenario[] = []
  for (const product of parsed.options.products ?? []) {
    scenarios.push(...(builtinScenarios[product] ?? []))
    // a product package registers its scenarios by exporting them from its `scenarios` subpath
    const registered = await productScenarios(product).catch((error: Error) => {
      if (!builtinScenarios[product]) io.stderr(`bizmcp-conformance: no scenarios for ${product}: ${error.message}\n`)
      return []
    })
    scenarios.push(...registered.filter((s) => !scenarios.some((known) => known.name === s.name)))
  }
  for (const path of parsed.scenarioModules) {
    try {
      scenarios.push(...(await loadScenarios(path)))
    } catch (error) {
      io.stderr(`bizmcp-conformance: cannot load scenarios from ${path}: ${(error as Error).message}\n`)
      return 2
    }
  }
  const report = await runConformance(parsed.target, { ...parsed.options, scenarios })
  io.stdout(formatReport(report, { color: parsed.color && Boolean(io.isTty) }))
  if (parsed.junit) {
    await writeFile(parsed.junit, toJUnit(report))
    io.stderr(`JUnit XML written to ${parsed.junit}\n`)
  }
  return report.ok ? 0 : 1
}
