export { createErpClient, type ErpClient, type ErpRecord } from './client.js'
export { erpModule, erpModule as default, product } from './product.js'
export { getRecord } from './tools/erp_get_record.js'
export { listRecords } from './tools/erp_list_records.js'
