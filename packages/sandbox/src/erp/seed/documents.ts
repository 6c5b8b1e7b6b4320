// Sales orders, purchase orders and pending vendor invoices, with their lines.
import { customerAccount, seedCompanies, vendorAccount } from './companies.js'
import { round2, type SeedContext } from './context.js'

/** sales order lines per company at scale 1 (usmf's are enough for a query over 160,000 characters) */
const SALES_LINES = 1600
const PURCHASE_ORDERS = 120
const VENDOR_INVOICES = 150

export function salesPhase(ctx: SeedContext): void {
  for (const company of seedCompanies) {
    const rng = ctx.rng.fork(`sales/${company.id}`)
    const products = ctx.rows('ReleasedProductsV2').filter((p) => p.dataAreaId === company.id && p.IsStopped === 'No')
    const customers = ctx.rows('CustomersV3').filter((c) => c.dataAreaId === company.id)
    const target = ctx.scaled(SALES_LINES * company.volume)
    let lines = 0
    let lot = 0
    for (let n = 1; lines < target; n++) {
      const customer = rng.pick(customers)
      const number = `SO-${String(n).padStart(6, '0')}`
      const age = rng.int(0, 180)
      const status =
        age < 10
          ? 'Backorder'
          : rng.weighted([
              ['Backorder', 45],
              ['Delivered', 15],
              ['Invoiced', 33],
              ['Canceled', 7],
            ] as const)
      const processing =
        status === 'Invoiced'
          ? 'Invoice'
          : status === 'Delivered'
            ? 'PackingSlip'
            : status === 'Backorder' && rng.chance(0.5)
              ? 'Confirmation'
              : 'None'
      const shipping = ctx.day(-age + rng.int(3, 21))
      const count = Math.min(rng.int(3, 7), target - lines)
      let total = 0
      const chosen = rng.sample(products, count)
      chosen.forEach((product, i) => {
        const quantity =
          product.ProductType === 'Service' ? rng.int(1, 16) : rng.pick([5, 10, 12, 20, 24, 50, 100, 250])
        const price = Number(product.SalesPrice)
        const discount = rng.chance(0.2) ? round2(quantity * price * 0.05) : 0
        const amount = round2(quantity * price - discount)
        total += amount
        lot++
        ctx.add('SalesOrderLines', {
          dataAreaId: company.id,
          InventoryLotId: `LOT-${String(lot).padStart(8, '0')}`,
          SalesOrderNumber: number,
          LineNumber: i + 1,
          ItemNumber: product.ItemNumber!,
          LineDescription: product.ProductName!,
          OrderedSalesQuantity: quantity,
          SalesUnitSymbol: product.SalesUnitSymbol!,
          SalesPrice: price,
          LineDiscountAmount: discount,
          LineAmount: amount,
          CurrencyCode: company.currency,
          SalesOrderLineStatus: status,
          RequestedShippingDate: shipping,
          ShippingWarehouseId: product.ProductType === 'Service' ? '' : 'WH-MAIN',
        })
      })
      lines += chosen.length
      ctx.add('SalesOrderHeadersV2', {
        dataAreaId: company.id,
        SalesOrderNumber: number,
        OrderingCustomerAccountNumber: customer.CustomerAccount!,
        InvoiceCustomerAccountNumber: customer.CustomerAccount!,
        SalesOrderName: customer.OrganizationName!,
        CurrencyCode: company.currency,
        SalesOrderStatus: status,
        SalesOrderProcessingStatus: processing,
        OrderCreationDate: ctx.day(-age),
        RequestedShippingDate: shipping,
        RequestedReceiptDate: ctx.day(-age + rng.int(22, 35)),
        CustomersOrderReference: rng.chance(0.6) ? `PO ${rng.int(10000, 99999)}` : '',
        CustomerRequisitionNumber: '',
        DeliveryAddressCountryRegionId: customer.AddressCountryRegionId!,
        DeliveryAddressCity: customer.AddressCity!,
        PaymentTermsName: customer.PaymentTerms!,
        SalesResponsiblePersonnelNumber: String(rng.int(1, 8)).padStart(6, '0'),
        TotalOrderAmount: round2(total),
        IsSalesProcessingStopped: 'No',
      })
    }
  }
}

export function purchasePhase(ctx: SeedContext): void {
  for (const company of seedCompanies) {
    const rng = ctx.rng.fork(`purchase/${company.id}`)
    const products = ctx
      .rows('ReleasedProductsV2')
      .filter((p) => p.dataAreaId === company.id && p.ProductType === 'Item')
    const vendorCount = Math.min(10, company.vendors - 1) // the last vendor is on hold
    const orders = ctx.scaled(PURCHASE_ORDERS * company.volume)
    for (let n = 1; n <= orders; n++) {
      const wanted = vendorAccount(company, rng.int(1, vendorCount))
      const vendor = ctx.rows('VendorsV2').find((v) => v.dataAreaId === company.id && v.VendorAccountNumber === wanted)!
      const number = `PO-${String(n).padStart(6, '0')}`
      const age = rng.int(0, 150)
      const status =
        age < 14
          ? 'Backorder'
          : rng.weighted([
              ['Backorder', 40],
              ['Received', 20],
              ['Invoiced', 35],
              ['Canceled', 5],
            ] as const)
      const approval = status === 'Backorder' ? rng.pick(['Draft', 'Approved', 'Confirmed'] as const) : 'Confirmed'
      const delivery = ctx.day(-age + rng.int(7, 30))
      let total = 0
      const count = rng.int(2, 5)
      rng.sample(products, count).forEach((product, i) => {
        const quantity = rng.pick([25, 50, 100, 200, 500, 1000])
        const price = Number(product.PurchasePrice)
        const amount = round2(quantity * price)
        total += amount
        ctx.add('PurchaseOrderLinesV2', {
          dataAreaId: company.id,
          PurchaseOrderNumber: number,
          LineNumber: i + 1,
          ItemNumber: product.ItemNumber!,
          LineDescription: product.ProductName!,
          OrderedPurchaseQuantity: quantity,
          PurchaseUnitSymbol: product.PurchaseUnitSymbol!,
          PurchasePrice: price,
          LineDiscountAmount: 0,
          LineAmount: amount,
          CurrencyCode: company.currency,
          PurchaseOrderLineStatus: status,
          RequestedDeliveryDate: delivery,
          ReceivingWarehouseId: 'WH-MAIN',
        })
      })
      ctx.add('PurchaseOrderHeadersV2', {
        dataAreaId: company.id,
        PurchaseOrderNumber: number,
        OrderVendorAccountNumber: vendor.VendorAccountNumber!,
        InvoiceVendorAccountNumber: vendor.VendorAccountNumber!,
        PurchaseOrderName: vendor.VendorOrganizationName!,
        CurrencyCode: company.currency,
        PurchaseOrderStatus: status,
        DocumentApprovalStatus: approval,
        AccountingDate: ctx.day(-age),
        RequestedDeliveryDate: delivery,
        VendorOrderReference: rng.chance(0.5) ? `SO${rng.int(100000, 999999)}` : '',
        OrdererPersonnelNumber: String(rng.int(1, 16)).padStart(6, '0'),
        PaymentTermsName: vendor.VendorPaymentTermsName!,
        TotalOrderAmount: round2(total),
      })
    }
  }
}

export function vendorInvoicePhase(ctx: SeedContext): void {
  for (const company of seedCompanies) {
    const rng = ctx.rng.fork(`vendor-invoices/${company.id}`)
    const vendorCount = Math.min(10, company.vendors - 1)
    const orders = ctx
      .rows('PurchaseOrderHeadersV2')
      .filter((p) => p.dataAreaId === company.id && p.PurchaseOrderStatus === 'Received')
    const count = ctx.scaled(VENDOR_INVOICES * company.volume)
    for (let n = 1; n <= count; n++) {
      const order = n <= orders.length ? orders[n - 1] : undefined
      const account = order ? String(order.OrderVendorAccountNumber) : vendorAccount(company, rng.int(1, vendorCount))
      const vendor = ctx
        .rows('VendorsV2')
        .find((v) => v.dataAreaId === company.id && v.VendorAccountNumber === account)!
      const reference = `APINV-${String(n).padStart(6, '0')}`
      const age = rng.int(0, 30)
      const lines = order
        ? ctx
            .rows('PurchaseOrderLinesV2')
            .filter((l) => l.dataAreaId === company.id && l.PurchaseOrderNumber === order.PurchaseOrderNumber)
        : []
      let total = 0
      if (lines.length) {
        lines.forEach((line, i) => {
          total += Number(line.LineAmount)
          ctx.add('VendorInvoiceLines', {
            dataAreaId: company.id,
            HeaderReference: reference,
            InvoiceLineNumber: i + 1,
            ItemNumber: line.ItemNumber!,
            Description: line.LineDescription!,
            ReceiveNow: line.OrderedPurchaseQuantity!,
            UnitPrice: line.PurchasePrice!,
            LineAmount: line.LineAmount!,
            PurchaseOrder: order!.PurchaseOrderNumber!,
            PurchaseLineNumber: line.LineNumber!,
          })
        })
      } else {
        const amount = round2(rng.int(120, 9000) + rng.int(0, 99) / 100)
        total = amount
        ctx.add('VendorInvoiceLines', {
          dataAreaId: company.id,
          HeaderReference: reference,
          InvoiceLineNumber: 1,
          ItemNumber: '',
          Description: rng.pick([
            'Freight charges',
            'Consulting hours',
            'Facility maintenance',
            'Calibration of test rigs',
            'Packaging material',
          ]),
          ReceiveNow: 1,
          UnitPrice: amount,
          LineAmount: amount,
          PurchaseOrder: '',
          PurchaseLineNumber: 0,
        })
      }
      ctx.add('VendorInvoiceHeaders', {
        dataAreaId: company.id,
        HeaderReference: reference,
        InvoiceNumber: `VI-${rng.int(10000, 99999)}-${n}`,
        InvoiceAccount: account,
        VendorName: vendor.VendorOrganizationName!,
        PurchaseOrderNumber: order ? order.PurchaseOrderNumber! : '',
        InvoiceDate: ctx.day(-age),
        PostingDate: ctx.day(-age),
        DueDate: ctx.day(-age + 30),
        Currency: company.currency,
        InvoiceAmount: round2(total),
        SalesTaxAmount: company.id === 'usmf' ? 0 : round2(total * (company.id === 'demf' ? 0.19 : 0.2)),
        InvoiceDescription: order ? `Invoice for ${order.PurchaseOrderNumber}` : 'Non-PO invoice',
        PaymentTermsName: vendor.VendorPaymentTermsName!,
        ApprovalStatus: rng.weighted([
          ['Draft', 5],
          ['InReview', 3],
          ['Approved', 2],
        ] as const),
        IsOnHold: 'No',
      })
    }
  }
}

export { customerAccount }
