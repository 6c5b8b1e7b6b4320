// Every product package the combined server knows. `pnpm new-package <name>` adds a line here
// (and the dependency to package.json). Loaded lazily so that a server started with
// `--products x` never loads the others.
import type { ProductModule } from '@bizmcp/core'

export const productLoaders: Record<string, () => Promise<ProductModule>> = {
  dataverse: () => import('@bizmcp/dataverse-mcp').then((m) => m.default),
  sales: () => import('@bizmcp/sales-mcp').then((m) => m.default),
  salesforce: () => import('@bizmcp/salesforce-mcp').then((m) => m.default),
  service: () => import('@bizmcp/service-mcp').then((m) => m.default),
  erp: () => import('@bizmcp/erp-mcp').then((m) => m.default),
  // new-package: insert above this line
}

export function knownProducts(): string[] {
  return Object.keys(productLoaders).sort()
}
