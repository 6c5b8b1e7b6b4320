// Bound OData actions: `POST /data/{EntitySet}(keys)/Microsoft.Dynamics.DataEntities.{Action}`, or
// on the collection with the record's keys in the body. Each runs in one transaction.
import type { ErpRequestContext } from '../context.js'
import type { ErpAction, ErpEntity, ErpRow, ErpValue } from '../model.js'
import { ErpError } from '../model.js'
import { DATA_AREA_ID } from '../records/values.js'
import { noContent, odataError, odataJson, readJsonBody } from './http.js'

interface Invocation {
  ctx: ErpRequestContext
  entity: ErpEntity
  company: string
  row: ErpRow
  parameters: Record<string, unknown>
}

type Implementation = (invocation: Invocation) => ErpValue | undefined

const round2 = (n: number) => Math.round(n * 100) / 100

const actionFailed = (message: string) =>
  new ErpError(400, message, 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataException')

function openBalance(
  ctx: ErpRequestContext,
  entitySet: string,
  company: string,
  field: string,
  account: ErpValue,
): number {
  const { rows } = ctx.store.list(
    entitySet,
    { company },
    { equals: { [field]: account, IsOpen: 'Yes' }, noCount: true },
  )
  return round2(rows.reduce((sum, row) => sum + Number(row.RemainingAmountCur), 0))
}

const implementations: Record<string, Implementation> = {
  'SalesOrderHeadersV2.ConfirmSalesOrder': ({ ctx, company, row }) => {
    if (row.SalesOrderStatus === 'Canceled' || row.SalesOrderStatus === 'Invoiced') {
      throw actionFailed(
        `Sales order ${row.SalesOrderNumber} is ${String(row.SalesOrderStatus).toLowerCase()} and can't be confirmed.`,
      )
    }
    const lines = ctx.store.list(
      'SalesOrderLines',
      { company },
      { equals: { SalesOrderNumber: row.SalesOrderNumber ?? '' }, top: 1 },
    )
    if (lines.total === 0)
      throw actionFailed(`Sales order ${row.SalesOrderNumber} has no lines; add lines before confirming it.`)
    if (row.SalesOrderProcessingStatus === 'None' || row.SalesOrderProcessingStatus === 'Confirmation') {
      ctx.store.systemUpdate(
        'SalesOrderHeadersV2',
        company,
        { SalesOrderNumber: row.SalesOrderNumber ?? '' },
        {
          SalesOrderProcessingStatus: 'Confirmation',
        },
      )
    }
    return `${row.SalesOrderNumber}-1`
  },
  'SalesOrderHeadersV2.CancelSalesOrder': ({ ctx, company, row }) => {
    if (row.SalesOrderStatus !== 'Backorder' && row.SalesOrderStatus !== 'None') {
      throw actionFailed(
        `Sales order ${row.SalesOrderNumber} is ${String(row.SalesOrderStatus).toLowerCase()}; only open orders can be canceled.`,
      )
    }
    const key = { SalesOrderNumber: row.SalesOrderNumber ?? '' }
    for (const line of ctx.store.list('SalesOrderLines', { company }, { equals: key, noCount: true }).rows) {
      ctx.store.systemUpdate(
        'SalesOrderLines',
        company,
        { InventoryLotId: line.InventoryLotId ?? '' },
        { SalesOrderLineStatus: 'Canceled' },
      )
    }
    ctx.store.systemUpdate('SalesOrderHeadersV2', company, key, { SalesOrderStatus: 'Canceled' })
    return undefined
  },
  'SalesOrderHeadersV2.CalculateSalesOrderTotal': ({ ctx, company, row }) => {
    const { rows } = ctx.store.list(
      'SalesOrderLines',
      { company },
      { equals: { SalesOrderNumber: row.SalesOrderNumber ?? '' }, noCount: true },
    )
    return round2(rows.reduce((sum, line) => sum + Number(line.LineAmount), 0))
  },
  'PurchaseOrderHeadersV2.ConfirmPurchaseOrder': ({ ctx, company, row }) => {
    if (row.PurchaseOrderStatus === 'Canceled')
      throw actionFailed(`Purchase order ${row.PurchaseOrderNumber} is canceled and can't be confirmed.`)
    if (row.DocumentApprovalStatus === 'Rejected')
      throw actionFailed(`Purchase order ${row.PurchaseOrderNumber} was rejected; resubmit it for approval first.`)
    ctx.store.systemUpdate(
      'PurchaseOrderHeadersV2',
      company,
      { PurchaseOrderNumber: row.PurchaseOrderNumber ?? '' },
      {
        DocumentApprovalStatus: 'Confirmed',
      },
    )
    return 'Confirmed'
  },
  'LedgerJournalHeaders.ValidateJournal': ({ ctx, company, row }) => journalDifference(ctx, company, row),
  'LedgerJournalHeaders.PostJournal': ({ ctx, company, row }) => {
    if (row.IsPosted === 'Yes') throw actionFailed(`Journal ${row.JournalBatchNumber} is already posted.`)
    const { rows } = ctx.store.list(
      'LedgerJournalLines',
      { company },
      { equals: { JournalBatchNumber: row.JournalBatchNumber ?? '' }, noCount: true },
    )
    if (rows.length === 0) throw actionFailed(`Journal ${row.JournalBatchNumber} has no lines to post.`)
    const difference = journalDifference(ctx, company, row)
    if (difference !== 0) {
      throw actionFailed(
        `Journal ${row.JournalBatchNumber} can't be posted: the transactions don't balance (debit minus credit is ${difference.toFixed(2)}).`,
      )
    }
    ctx.store.systemUpdate(
      'LedgerJournalHeaders',
      company,
      { JournalBatchNumber: row.JournalBatchNumber ?? '' },
      {
        IsPosted: 'Yes',
        PostedDate: `${ctx.store.today()}T12:00:00Z`,
        PostedByUserId: ctx.user.UserID,
      },
    )
    const vouchers = [...new Set(rows.map((line) => String(line.Voucher)).filter(Boolean))].sort()
    return vouchers.length ? `${vouchers[0]} - ${vouchers[vouchers.length - 1]}` : String(row.JournalBatchNumber)
  },
  'VendorsV2.GetVendorBalance': ({ ctx, company, row }) =>
    openBalance(ctx, 'VendorTransactions', company, 'VendorAccount', row.VendorAccountNumber ?? ''),
  'CustomersV3.GetCustomerBalance': ({ ctx, company, row }) =>
    openBalance(ctx, 'CustomerTransactions', company, 'CustomerAccount', row.CustomerAccount ?? ''),
}

/** Debits minus credits of the lines without an offset account (a line with one balances itself). */
function journalDifference(ctx: ErpRequestContext, company: string, row: ErpRow): number {
  const { rows } = ctx.store.list(
    'LedgerJournalLines',
    { company },
    { equals: { JournalBatchNumber: row.JournalBatchNumber ?? '' }, noCount: true },
  )
  let cents = 0
  for (const line of rows) {
    if (line.OffsetAccountDisplayValue) continue
    cents += Math.round(Number(line.DebitAmount) * 100) - Math.round(Number(line.CreditAmount) * 100)
  }
  return cents / 100
}

export function findAction(entity: ErpEntity, name: string): ErpAction | undefined {
  return entity.actions?.find((action) => action.name === name)
}

/** Runs a bound action; `located` is the record when the URL named it, else its keys come from the body. */
export async function invokeAction(
  ctx: ErpRequestContext,
  entity: ErpEntity,
  definition: ErpAction,
  located: { company: string; row: ErpRow } | undefined,
  lookup: (company: string, key: Record<string, ErpValue>) => ErpRow | undefined,
): Promise<Response> {
  const body = await readJsonBody(ctx.request)
  let target = located
  const parameters: Record<string, unknown> = { ...body }
  if (!target && definition.boundTo === 'entity') {
    const company = entity.companySpecific
      ? String(parameters[DATA_AREA_ID] ?? ctx.user.Company).toLowerCase()
      : ctx.user.Company
    delete parameters[DATA_AREA_ID]
    const key: Record<string, ErpValue> = {}
    for (const name of entity.keys) {
      if (!(name in parameters)) {
        throw odataError(
          400,
          `The action '${definition.name}' is bound to one ${entity.name}; call it on ${entity.entitySet}(${[...(entity.companySpecific ? ['dataAreaId'] : []), ...entity.keys].map((k) => `${k}='…'`).join(',')}) or pass ${entity.keys.join(', ')} in the body.`,
        )
      }
      key[name] = parameters[name] as ErpValue
      delete parameters[name]
    }
    const row = lookup(company, key)
    if (!row)
      throw odataError(
        404,
        `No ${entity.name} record with key ${JSON.stringify({ dataAreaId: company, ...key })} exists.`,
      )
    target = { company, row }
  }
  for (const name of Object.keys(parameters)) {
    if (!definition.parameters.some((p) => p.name === name)) {
      throw odataError(400, `The parameter '${name}' is not a parameter of the action '${definition.name}'.`)
    }
  }
  for (const p of definition.parameters) {
    if (!p.optional && !(p.name in parameters))
      throw odataError(400, `The action '${definition.name}' needs the parameter '${p.name}'.`)
  }
  const implementation = implementations[`${entity.entitySet}.${definition.name}`]
  if (!implementation || !target) throw odataError(501, `The action '${definition.name}' is not implemented.`)
  const { company, row } = target
  const result = ctx.store.transaction(() => implementation({ ctx, entity, company, row, parameters }))
  if (result === undefined || definition.returns === undefined) return noContent()
  const type = typeof definition.returns === 'string' ? `Edm.${definition.returns}` : definition.returns.entityType
  return odataJson({ '@odata.context': `${ctx.baseUrl}/data/$metadata#${type}`, value: result })
}
