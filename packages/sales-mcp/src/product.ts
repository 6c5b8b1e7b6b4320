// The Dynamics 365 Sales product. Sales data lives in Dataverse, so the client is the Dataverse
// client and connecting works exactly as for @bizmcp/dataverse-mcp (DATAVERSE_URL, or the sandbox).
import { defineProduct, type ProductModule } from '@bizmcp/core'
import { type DataverseClient, dataverseModule } from '@bizmcp/dataverse-mcp'
import { salesTools } from './tools/index.js'

export const product = defineProduct<DataverseClient>({
  name: 'sales',
  title: 'Dynamics 365 Sales',
  description: 'Leads, qualification, grounded lead research and summaries, and outreach emails in Dynamics 365 Sales',
  version: '0.1.0',
  toolsets: {
    leads: 'Find, qualify and disqualify leads',
    research: 'Grounded lead, account, competitor and engagement research; ICP assessment',
    outreach: 'Draft and send outreach emails',
  },
  tools: salesTools,
})

export const salesModule: ProductModule<DataverseClient> = {
  product,
  sandboxEmulators: ['dataverse'],
  isConfigured: dataverseModule.isConfigured,
  connect: (options) => dataverseModule.connect(options),
}

export default salesModule
