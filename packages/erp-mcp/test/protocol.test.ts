// MCP client → server → Finance & operations client → sandbox emulator, in both protocol eras.
import { createServer, silentLogger } from '@bizmcp/core'
import { connectInProcess, errorBody } from '@bizmcp/core/testing'
import { createStandardSandbox, sandboxConnection } from '@bizmcp/sandbox'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { erpModule } from '../src/index.js'

const sandbox = createStandardSandbox({ emulators: ['erp'] })
afterAll(() => sandbox.close())

async function server() {
  const client = await erpModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
  return createServer([{ product: erpModule.product, client }])
}

for (const era of ['legacy', 'modern'] as const) {
  describe(`erp over the ${era} protocol`, () => {
    it('lists tools with valid schemas and annotations', async () => {
      const { client, close } = await connectInProcess(await server(), { era })
      const { tools } = await client.listTools()
      expect(tools.map((t) => t.name).sort()).toEqual(['erp_get_record', 'erp_list_records'])
      for (const tool of tools) {
        expect(tool.description).toBeTruthy()
        expect(tool.annotations?.readOnlyHint).toBe(true)
        expect(() => z.fromJSONSchema(tool.inputSchema as never)).not.toThrow()
        expect(tool.outputSchema).toMatchObject({ type: 'object' })
      }
      await close()
    })

    it('pages through records and reads one', async () => {
      const { client, close } = await connectInProcess(await server(), { era })
      const first = await client.callTool({ name: 'erp_list_records', arguments: { pageSize: 4 } })
      const page = first.structuredContent as { records: Array<{ id: string }>; total: number; nextCursor?: string }
      expect(page.records).toHaveLength(4)
      const second = await client.callTool({
        name: 'erp_list_records',
        arguments: { pageSize: 4, cursor: page.nextCursor },
      })
      const rest = second.structuredContent as { records: Array<{ id: string }>; nextCursor?: string }
      expect(page.records.length + rest.records.length).toBe(page.total)
      expect(rest.nextCursor).toBeUndefined()
      const one = await client.callTool({ name: 'erp_get_record', arguments: { id: page.records[0]!.id } })
      expect(one.structuredContent).toMatchObject({ id: page.records[0]!.id })
      await close()
    })

    it('answers bad input and missing records with a fix', async () => {
      const { client, close } = await connectInProcess(await server(), { era })
      expect(errorBody(await client.callTool({ name: 'erp_list_records', arguments: { pageSize: 0 } })).code).toBe(
        'InvalidInput',
      )
      const missing = errorBody(await client.callTool({ name: 'erp_get_record', arguments: { id: 'nope' } }))
      expect(missing.code).toBe('NotFound')
      expect(missing.fix).toBeTruthy()
      await close()
    })
  })
}
