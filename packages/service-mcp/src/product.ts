// The Customer Service product: its tools, and how it connects. Its client is the Dataverse
// client, so it connects exactly as the Dataverse product does (DATAVERSE_URL and Entra ID
// credentials, or the sandbox's Dataverse emulator).
import { defineProduct, type ProductModule } from '@bizmcp/core'
import { type DataverseClient, dataverseModule } from '@bizmcp/dataverse-mcp'
import { serviceTools } from './tools/index.js'

export const product = defineProduct<DataverseClient>({
  name: 'service',
  title: 'Dynamics 365 Customer Service',
  description:
    'Cases: list, enrich, next-step suggestions, reply drafts, sending and resolution, grounded in org history',
  version: '0.1.0',
  toolsets: {
    cases: 'Find and resolve cases',
    assist: 'Predict case fields and suggest next steps from similar resolved cases and knowledge articles',
    email: 'Draft and send replies on cases',
  },
  tools: serviceTools,
})

export const serviceModule: ProductModule<DataverseClient> = {
  product,
  sandboxEmulators: ['dataverse'],
  isConfigured: dataverseModule.isConfigured,
  connect: dataverseModule.connect,
}

export default serviceModule
