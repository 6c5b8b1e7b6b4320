// The thirteen form tools as the environment's MCP endpoint lists them, and how each call's
// arguments reach the form engine. Arguments are checked here (names, types, required) so that the
// engine only sees well-formed calls; anything else is a tool error naming the argument.
import { FormError } from '../forms/controls.js'
import type { FormSession, Outcome } from '../forms/engine.js'

type JsonSchema = Record<string, unknown>

interface FormTool {
  name: string
  description: string
  inputSchema: JsonSchema
  run(session: FormSession, args: Args): Outcome | Promise<Outcome>
}

const str = (description: string): JsonSchema => ({ type: 'string', description })
const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
})

export const formTools: readonly FormTool[] = [
  {
    name: 'form_find_menu_item',
    description: 'Finds menu items (display, action and output) by words in their name, label or navigation path.',
    inputSchema: object(
      {
        menuItemFilter: str('Words to search for, e.g. "vendor aging"'),
        topHitCount: { type: 'integer', minimum: 1, maximum: 50, description: 'Most hits to return (default 10)' },
      },
      ['menuItemFilter'],
    ),
    run: (session, args) =>
      session.findMenuItem({
        menuItemFilter: args.string('menuItemFilter'),
        ...optional('topHitCount', args.integer('topHitCount', false)),
      }),
  },
  {
    name: 'form_open_menu_item',
    description: 'Opens a menu item: its form becomes the open form of the session (one at a time).',
    inputSchema: object(
      {
        name: str('Menu item name (not label)'),
        type: { type: 'string', enum: ['Display', 'Action', 'Output'] },
        companyId: str('Legal entity, e.g. usmf'),
      },
      ['name'],
    ),
    run: (session, args) =>
      session.openMenuItem({
        name: args.string('name'),
        ...optional('type', args.choice('type', ['Display', 'Action', 'Output'] as const, false)),
        ...optional('companyId', args.string('companyId', false)),
      }),
  },
  {
    name: 'form_find_controls',
    description:
      'Finds controls on the open form by name or label, including controls on closed tabs. One search term per call.',
    inputSchema: object({ controlSearchTerm: str('Part of a control name or label') }, ['controlSearchTerm']),
    run: (session, args) => session.findControls({ controlSearchTerm: args.string('controlSearchTerm') }),
  },
  {
    name: 'form_set_control_values',
    description:
      'Sets values of controls on the open form (grid columns apply to the selected row). Dates as YYYY-MM-DD. Nothing is stored until form_save_form.',
    inputSchema: object(
      {
        controlValues: {
          type: 'array',
          minItems: 1,
          items: object({ controlName: str('Control name'), controlValue: { type: ['string', 'number', 'boolean'] } }, [
            'controlName',
            'controlValue',
          ]),
        },
      },
      ['controlValues'],
    ),
    run: (session, args) => session.setControlValues({ controlValues: args.controlValues() }),
  },
  {
    name: 'form_click_control',
    description:
      'Clicks a button, tab or grid on the open form. Grids take actionId LoadNextPage, LoadPreviousPage, LoadFirstPage or LoadLastPage.',
    inputSchema: object({ controlName: str('Control name'), actionId: str('Sub-action of the control') }, [
      'controlName',
    ]),
    run: (session, args) =>
      session.clickControl({
        controlName: args.string('controlName'),
        ...optional('actionId', args.string('actionId', false)),
      }),
  },
  {
    name: 'form_filter_form',
    description:
      "Filters the open form's main records on a field (default: the grid's first column). Empty value clears it.",
    inputSchema: object(
      { filterValue: str('Value to match (text matches anywhere)'), controlName: str('Control of the field') },
      ['filterValue'],
    ),
    run: (session, args) =>
      session.filterForm({
        filterValue: args.string('filterValue', true, true),
        ...optional('controlName', args.string('controlName', false)),
      }),
  },
  {
    name: 'form_filter_grid',
    description: 'Filters a grid on one of its columns. Empty value clears the filter.',
    inputSchema: object(
      { gridName: str('Grid name'), gridColumnName: str('Column name'), filterValue: str('Value to match') },
      ['gridName', 'gridColumnName', 'filterValue'],
    ),
    run: (session, args) =>
      session.filterGrid({
        gridName: args.string('gridName'),
        gridColumnName: args.string('gridColumnName'),
        filterValue: args.string('filterValue', true, true),
      }),
  },
  {
    name: 'form_select_grid_row',
    description: 'Selects a row of a grid by its number on the current page (1-25); optionally marks or unmarks it.',
    inputSchema: object(
      {
        gridName: str('Grid name'),
        rowNumber: { type: ['integer', 'string'], description: 'Row number on the page, from 1' },
        marking: { type: 'string', enum: ['Marked', 'Unmarked'] },
      },
      ['gridName', 'rowNumber'],
    ),
    run: (session, args) =>
      session.selectGridRow({
        gridName: args.string('gridName'),
        rowNumber: args.rowNumber(),
        ...optional('marking', args.choice('marking', ['Marked', 'Unmarked'] as const, false)),
      }),
  },
  {
    name: 'form_sort_grid_column',
    description: 'Sorts a grid by one of its columns.',
    inputSchema: object(
      { gridName: str('Grid name'), gridColumnName: str('Column name'), isDescending: { type: 'boolean' } },
      ['gridName', 'gridColumnName'],
    ),
    run: (session, args) =>
      session.sortGridColumn({
        gridName: args.string('gridName'),
        gridColumnName: args.string('gridColumnName'),
        ...optional('isDescending', args.boolean('isDescending')),
      }),
  },
  {
    name: 'form_open_or_close_tab',
    description:
      'Opens or closes a tab of the open form. Tabs are closed when a form opens; their controls show once open.',
    inputSchema: object({ tabName: str('Tab name'), tabAction: { type: 'string', enum: ['Open', 'Close'] } }, [
      'tabName',
    ]),
    run: (session, args) =>
      session.openOrCloseTab({
        tabName: args.string('tabName'),
        ...optional('tabAction', args.choice('tabAction', ['Open', 'Close'] as const, false)),
      }),
  },
  {
    name: 'form_open_lookup',
    description:
      'Lists the values a lookup control accepts (up to 25), optionally filtered; set one with form_set_control_values.',
    inputSchema: object({ controlName: str('Control name'), filterValue: str('Text the values contain') }, [
      'controlName',
    ]),
    run: (session, args) =>
      session.openLookup({
        controlName: args.string('controlName'),
        ...optional('filterValue', args.string('filterValue', false, true)),
      }),
  },
  {
    name: 'form_save_form',
    description: 'Saves the changes on the open form. Validation errors come back as messages and nothing is saved.',
    inputSchema: object({}),
    run: (session) => session.save(),
  },
  {
    name: 'form_close_form',
    description: 'Closes the open form, discarding unsaved changes.',
    inputSchema: object({}),
    run: (session) => session.close(),
  },
]

export const formToolsByName = new Map(formTools.map((tool) => [tool.name, tool]))

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

/** Typed access to a call's arguments; every accessor throws FormError naming the argument. */
export class Args {
  constructor(
    private readonly tool: string,
    private readonly values: Record<string, unknown>,
    allowed: readonly string[],
  ) {
    const unknown = Object.keys(values).filter((key) => !allowed.includes(key))
    if (unknown.length) {
      throw new FormError(
        `${tool} has no argument${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; it takes ${allowed.join(', ') || 'none'}.`,
      )
    }
  }

  string(name: string): string
  string(name: string, required: true, allowEmpty?: boolean): string
  string(name: string, required: false, allowEmpty?: boolean): string | undefined
  string(name: string, required = true, allowEmpty = false): string | undefined {
    const value = this.values[name]
    if (value === undefined || value === null) {
      if (required) throw new FormError(`${this.tool} needs the argument ${name}.`)
      return undefined
    }
    if (typeof value !== 'string') throw new FormError(`${this.tool}: ${name} must be a string.`)
    if (!allowEmpty && !value.trim()) throw new FormError(`${this.tool}: ${name} must not be empty.`)
    return value
  }

  integer(name: string, required: boolean): number | undefined {
    const value = this.values[name]
    if (value === undefined || value === null) {
      if (required) throw new FormError(`${this.tool} needs the argument ${name}.`)
      return undefined
    }
    const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
    if (typeof n !== 'number' || !Number.isInteger(n))
      throw new FormError(`${this.tool}: ${name} must be a whole number.`)
    return n
  }

  boolean(name: string): boolean | undefined {
    const value = this.values[name]
    if (value === undefined || value === null) return undefined
    if (typeof value === 'boolean') return value
    if (value === 'true' || value === 'false') return value === 'true'
    throw new FormError(`${this.tool}: ${name} must be true or false.`)
  }

  choice<T extends string>(name: string, options: readonly T[], required: boolean): T | undefined {
    const value = this.string(name, required as false)
    if (value === undefined) return undefined
    const match = options.find((option) => option.toLowerCase() === value.toLowerCase())
    if (!match) throw new FormError(`${this.tool}: ${name} must be one of ${options.join(', ')}.`)
    return match
  }

  rowNumber(): number {
    const n = this.integer('rowNumber', true)!
    if (n < 1) throw new FormError(`${this.tool}: rowNumber counts from 1.`)
    return n
  }

  controlValues(): Array<{ controlName: string; controlValue: unknown }> {
    const list = this.values.controlValues
    if (!Array.isArray(list) || !list.length) {
      throw new FormError(`${this.tool} needs controlValues: a list of { controlName, controlValue }.`)
    }
    return list.map((entry, index) => {
      if (!entry || typeof entry !== 'object' || typeof (entry as { controlName?: unknown }).controlName !== 'string') {
        throw new FormError(`${this.tool}: controlValues[${index}] needs a controlName string and a controlValue.`)
      }
      const { controlName, controlValue } = entry as { controlName: string; controlValue?: unknown }
      if (
        controlValue !== null &&
        controlValue !== undefined &&
        !['string', 'number', 'boolean'].includes(typeof controlValue)
      ) {
        throw new FormError(`${this.tool}: controlValues[${index}].controlValue must be a string, number or boolean.`)
      }
      return { controlName, controlValue }
    })
  }
}

export function argsFor(tool: FormTool, values: Record<string, unknown>): Args {
  const properties = Object.keys((tool.inputSchema.properties as Record<string, unknown> | undefined) ?? {})
  return new Args(tool.name, values, properties)
}
