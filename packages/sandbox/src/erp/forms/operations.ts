// Business operations behind buttons and action menu items' dialogs. Each runs in one store
// transaction (the engine wraps it) and returns the message the form shows.
import type { ErpRecords, ErpRow, ErpValue } from '../model.js'
import { cents } from '../reports/pdf.js'
import { allRows } from '../reports/rows.js'
import { FormError } from './controls.js'
import type { FormOperation } from './engine.js'

/** the store's write path for system-maintained fields (document status), where it has one */
type SystemUpdate = (entitySet: string, company: string, key: Record<string, ErpValue>, values: ErpRow) => ErpRow

export const erpOperations: Record<string, FormOperation> = {
  confirmSalesOrder({ records, company, record }) {
    const number = String(record!.SalesOrderNumber)
    const systemUpdate = (records as ErpRecords & { systemUpdate?: SystemUpdate }).systemUpdate
    if (!systemUpdate) throw new FormError('This record store cannot confirm sales orders.')
    systemUpdate(
      'SalesOrderHeadersV2',
      company,
      { SalesOrderNumber: number },
      { SalesOrderProcessingStatus: 'Confirmation' },
    )
    return { message: `Sales order ${number} was confirmed.` }
  },

  confirmCustomerSalesOrders({ records, company, parameters }) {
    const account = String(parameters.CustomerAccount)
    const systemUpdate = (records as ErpRecords & { systemUpdate?: SystemUpdate }).systemUpdate
    if (!systemUpdate) throw new FormError('This record store cannot confirm sales orders.')
    const open = allRows(records, 'SalesOrderHeadersV2', company, {
      equals: { OrderingCustomerAccountNumber: account },
    }).filter(
      (order) =>
        order.SalesOrderStatus === 'Backorder' &&
        ['None', 'Quotation'].includes(String(order.SalesOrderProcessingStatus)),
    )
    for (const order of open) {
      systemUpdate(
        'SalesOrderHeadersV2',
        company,
        { SalesOrderNumber: order.SalesOrderNumber ?? '' },
        { SalesOrderProcessingStatus: 'Confirmation' },
      )
    }
    return {
      message: open.length
        ? `${open.length} sales order${open.length === 1 ? ' was' : 's were'} confirmed for customer ${account}: ${open.map((o) => String(o.SalesOrderNumber)).join(', ')}.`
        : `Customer ${account} has no open sales order to confirm.`,
    }
  },

  holdCustomer({ records, company, record }) {
    const account = String(record!.CustomerAccount)
    records.update('CustomersV3', company, { CustomerAccount: account }, { OnHoldStatus: 'All' })
    return { message: `Customer ${account} was put on hold (all transactions).` }
  },

  releaseCustomerHold({ records, company, record }) {
    const account = String(record!.CustomerAccount)
    records.update('CustomersV3', company, { CustomerAccount: account }, { OnHoldStatus: 'No' })
    return { message: `The hold on customer ${account} was removed.` }
  },

  adjustCreditLimits({ records, company, parameters }) {
    const group = String(parameters.CustomerGroup)
    const percent = Number(parameters.AdjustmentPercent)
    if (!Number.isFinite(percent) || percent <= -100 || percent > 1000) {
      throw new FormError('AdjustmentPercent must be more than -100 and at most 1000.')
    }
    const customers = allRows(records, 'CustomersV3', company, { equals: { CustomerGroupId: group } })
    for (const customer of customers) {
      const limit = cents(Number(customer.CreditLimit ?? 0) * (1 + percent / 100))
      records.update(
        'CustomersV3',
        company,
        { CustomerAccount: customer.CustomerAccount ?? '' },
        { CreditLimit: limit },
      )
    }
    return {
      message: `Credit limits of ${customers.length} customer${customers.length === 1 ? '' : 's'} in group ${group} were adjusted by ${percent}%.`,
    }
  },
}
