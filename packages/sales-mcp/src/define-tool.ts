import { toolBuilder } from '@bizmcp/core'
import type { DataverseClient } from '@bizmcp/dataverse-mcp'

/** defineTool with ctx.client typed as the Dataverse client: Sales is Dataverse underneath. */
export const defineSalesTool = toolBuilder<DataverseClient>()
