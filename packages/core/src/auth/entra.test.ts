import { expect, it } from 'vitest'
import { createEntraCredential, defaultScope } from './entra.js'

it('derives the .default scope of a resource', () => {
  expect(defaultScope('https://contoso.crm.dynamics.com/')).toBe('https://contoso.crm.dynamics.com/.default')
  expect(defaultScope('https://contoso.crm.dynamics.com')).toBe('https://contoso.crm.dynamics.com/.default')
  expect(defaultScope('http://127.0.0.1:7070/dataverse')).toBe('http://127.0.0.1:7070/dataverse/.default')
})

it('builds a credential for every supported flow', async () => {
  const base = { tenantId: '00000000-0000-0000-0000-000000000001', clientId: '00000000-0000-0000-0000-000000000002' }
  const kinds = await Promise.all([
    createEntraCredential({ kind: 'client-secret', ...base, clientSecret: 's' }),
    createEntraCredential({ kind: 'client-certificate', ...base, certificatePath: '/nonexistent.pem' }),
    createEntraCredential({ kind: 'device-code', clientId: base.clientId }),
    createEntraCredential({ kind: 'azure-cli' }),
    createEntraCredential({ kind: 'managed-identity' }),
    createEntraCredential({ kind: 'default' }),
    createEntraCredential({ kind: 'on-behalf-of', ...base, clientSecret: 's', userAssertion: 'user-token' }),
  ])
  for (const credential of kinds) expect(typeof credential.getToken).toBe('function')
})
