import { toolBuilder } from '@bizmcp/core'
import type { DataverseClient } from './client/types.js'

/** defineTool with ctx.client typed as the Dataverse client */
export const defineDataverseTool = toolBuilder<DataverseClient>()
