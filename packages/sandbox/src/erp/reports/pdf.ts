// A tabular report as a real PDF (pdfkit, standard fonts): a title block, then a table whose
// header repeats on every page, with optional emphasised rows (totals, balances). Reports build
// plain rows of strings; this file only lays them out.
import PDFDocument from 'pdfkit'

export interface ReportColumn {
  header: string
  /** share of the table width */
  width: number
  align?: 'left' | 'right'
}

export interface ReportTable {
  title: string
  /** lines under the title: company, parameters, currency */
  subtitle: readonly string[]
  columns: readonly ReportColumn[]
  rows: ReadonlyArray<{ cells: readonly string[]; bold?: boolean }>
  /** a line under the table, e.g. how amounts were computed */
  footnote?: string
  /** the PDF's creation date (the emulator's clock, so files are reproducible) */
  createdAt: Date
  landscape?: boolean
}

const MARGIN = 40
const ROW_HEIGHT = 14
const FONT_SIZE = 8.5

export function renderTablePdf(table: ReportTable): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: table.landscape ? 'landscape' : 'portrait',
    margin: MARGIN,
    info: { Title: table.title, Producer: 'bizmcp sandbox', Creator: 'bizmcp sandbox', CreationDate: table.createdAt },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })

  const width = doc.page.width - 2 * MARGIN
  const totalShare = table.columns.reduce((sum, column) => sum + column.width, 0)
  const widths = table.columns.map((column) => (column.width / totalShare) * width)
  const bottom = () => doc.page.height - MARGIN - ROW_HEIGHT

  doc.font('Helvetica-Bold').fontSize(15).text(table.title, MARGIN, MARGIN)
  doc.font('Helvetica').fontSize(9)
  for (const line of table.subtitle) doc.text(line)
  let y = doc.y + 10

  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE)
    let x = MARGIN
    cells.forEach((cell, index) => {
      const cellWidth = widths[index]! - 4
      doc.text(fit(doc, cell, cellWidth), x + 2, y, {
        width: cellWidth,
        align: table.columns[index]?.align ?? 'left',
        lineBreak: false,
      })
      x += widths[index]!
    })
    y += ROW_HEIGHT
  }
  const drawHeader = () => {
    drawRow(
      table.columns.map((column) => column.header),
      true,
    )
    doc
      .moveTo(MARGIN, y - 3)
      .lineTo(MARGIN + width, y - 3)
      .lineWidth(0.5)
      .stroke()
  }

  drawHeader()
  for (const row of table.rows) {
    if (y > bottom()) {
      doc.addPage()
      y = MARGIN
      drawHeader()
    }
    if (row.bold) {
      doc
        .moveTo(MARGIN, y - 2)
        .lineTo(MARGIN + width, y - 2)
        .lineWidth(0.5)
        .stroke()
    }
    drawRow(row.cells, row.bold === true)
  }
  if (table.footnote) {
    if (y > bottom()) {
      doc.addPage()
      y = MARGIN
    }
    doc
      .font('Helvetica-Oblique')
      .fontSize(7.5)
      .text(table.footnote, MARGIN, y + 6, { width })
  }
  doc.end()
  return done
}

/** Shortens text with an ellipsis until it fits the width. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  let cut = text
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1)
  return `${cut}…`
}

/** 1234.5 → `1,234.50` (amounts as the reports print them) */
export function money(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** Rounds to cents, the way amounts are added up on the reports. */
export const cents = (amount: number) => Math.round(amount * 100) / 100

/** Quotes a CSV field when it needs it. */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells
    .map((cell) => {
      const text = String(cell)
      return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
    })
    .join(',')
}
