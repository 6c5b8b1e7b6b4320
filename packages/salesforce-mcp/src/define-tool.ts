import { toolBuilder } from '@bizmcp/core'
import type { SalesforceClient } from './client.js'

/** defineTool with ctx.client typed as the Salesforce client */
export const defineSalesforceTool = toolBuilder<SalesforceClient>()
