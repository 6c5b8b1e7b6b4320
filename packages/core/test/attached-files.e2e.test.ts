// Files a tool attaches reach the client as embedded resources `file://{name}` after the text
// blocks: binary as a base64 blob, text as text. An oversized file fails the call, inline.
import { expect, it } from 'vitest'
import { z } from 'zod'
import { createServer, defineProduct, defineTool } from '../src/index.js'
import { connectInProcess, errorBody } from '../src/testing/index.js'

const report = defineTool({
  name: 'run_report',
  title: 'Run report',
  description: 'Runs a report and returns its files.',
  input: z.object({ bytes: z.number().int() }),
  output: z.object({ summary: z.string(), state: z.object({ form: z.string() }) }),
  annotations: { readOnlyHint: true },
  toolset: 'reports',
  render: (output) => [output.summary, JSON.stringify(output.state)],
  async run({ bytes }, ctx) {
    ctx.attachFile({ name: 'aging report.pdf', mimeType: 'application/pdf', data: new Uint8Array(bytes).fill(37) })
    ctx.attachFile({ name: 'aging.csv', mimeType: 'text/csv', data: 'vendor,total\nV-1,10\n' })
    return { summary: "File 'aging report.pdf' was downloaded.", state: { form: 'none' } }
  },
})
const product = defineProduct({
  name: 'reports',
  title: 'Reports',
  description: 'reports',
  version: '1',
  toolsets: { reports: 'reports' },
  tools: [report],
})

it('returns the text blocks, then one embedded resource per attached file', async () => {
  const { client, close } = await connectInProcess(createServer([{ product, client: {} }]))
  const result = await client.callTool({ name: 'run_report', arguments: { bytes: 64 } })
  const [summary, state, pdf, csv] = result.content as Array<Record<string, any>>
  expect(summary).toEqual({ type: 'text', text: "File 'aging report.pdf' was downloaded." })
  expect(JSON.parse(state?.text)).toEqual({ form: 'none' })
  expect(pdf?.resource).toMatchObject({ uri: 'file://aging%20report.pdf', mimeType: 'application/pdf' })
  expect(Buffer.from(pdf?.resource.blob, 'base64')).toEqual(Buffer.alloc(64, 37))
  expect(csv?.resource).toEqual({ uri: 'file://aging.csv', mimeType: 'text/csv', text: 'vendor,total\nV-1,10\n' })
  await close()
})

it('refuses a file over the resource limit with ResponseTooLarge and returns no file', async () => {
  const server = createServer([{ product, client: {} }], { limits: { maxResourceBytes: 1_000 } })
  const { client, close } = await connectInProcess(server)
  const result = await client.callTool({ name: 'run_report', arguments: { bytes: 1_001 } })
  expect(result.isError).toBe(true)
  expect(result.content).toHaveLength(1)
  expect(errorBody(result)).toMatchObject({ code: 'ResponseTooLarge' })
  await close()
})
