// The product the bench measures: the package's own product module, with read_query added when
// the module does not list it (yet).
import { defineProduct } from '@bizmcp/core'
import type { DataverseClient } from '../src/client/types.js'
import { dataverseModule } from '../src/index.js'
import { readQuery } from '../src/tools/read_query.js'

export const benchProduct = dataverseModule.product.tools.some((t) => t.name === 'read_query')
  ? dataverseModule.product
  : defineProduct<DataverseClient>({ ...dataverseModule.product, tools: [...dataverseModule.product.tools, readQuery] })
