// Released products (items released to a legal entity).
import type { ErpEntity } from '../model.js'
import { dec, enumField, str } from './fields.js'

export const releasedProducts: ErpEntity = {
  name: 'ReleasedProductV2',
  entitySet: 'ReleasedProductsV2',
  label: 'Released products',
  companySpecific: true,
  keys: ['ItemNumber'],
  fields: [
    str('ItemNumber', 20, 'Item number', { mandatory: true }),
    str('ProductNumber', 70, 'Product number'),
    str('ProductName', 60, 'Product name', { mandatory: true }),
    str('SearchName', 20, 'Search name'),
    enumField('ProductType', 'EcoResProductType', 'Product type'),
    str('ItemModelGroupId', 10, 'Item model group'),
    str('ProductGroupId', 20, 'Item group'),
    str('InventoryUnitSymbol', 10, 'Inventory unit'),
    str('SalesUnitSymbol', 10, 'Sales unit'),
    str('PurchaseUnitSymbol', 10, 'Purchase unit'),
    dec('SalesPrice', 'Sales price'),
    dec('PurchasePrice', 'Purchase price'),
    str('PrimaryVendorAccountNumber', 20, 'Vendor'),
    enumField('IsStopped', 'NoYes', 'Stopped'),
  ],
}
