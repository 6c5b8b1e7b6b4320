// Menu items: finding them by words and opening one, which replaces the session's open form.
import { FormError } from './controls.js'
import { selectFirst } from './data-sources.js'
import { type DataSourceState, hasPendingChanges, type Outcome, type SessionState } from './session-state.js'
import type { MenuItemDef, MenuItemType } from './types.js'

export function findMenuItem(session: SessionState, args: { menuItemFilter: string; topHitCount?: number }): Outcome {
  const { catalog } = session.engine
  const words = args.menuItemFilter.toLowerCase().split(/\s+/).filter(Boolean)
  const top = Math.min(Math.max(args.topHitCount ?? 10, 1), 50)
  const scored = catalog.menuItems
    .map((item) => {
      const label = item.label.toLowerCase()
      const haystack = `${item.name} ${item.label} ${item.path}`.toLowerCase()
      if (!words.every((word) => haystack.includes(word))) return undefined
      const phrase = words.join(' ')
      const score =
        (label === phrase ? 4 : 0) + (label.includes(phrase) ? 2 : 0) + (item.name.toLowerCase() === phrase ? 4 : 0)
      return { item, score }
    })
    .filter((hit): hit is { item: MenuItemDef; score: number } => hit !== undefined)
    .sort((a, b) => b.score - a.score || a.item.label.localeCompare(b.item.label))
    .slice(0, top)
  const MenuItems = scored.map(({ item }) => ({
    Name: item.name,
    Text: item.label,
    Type: item.type,
    Path: item.path,
  }))
  return {
    result: MenuItems.length
      ? `Found ${MenuItems.length} menu item${MenuItems.length > 1 ? 's' : ''} for '${args.menuItemFilter}'.`
      : `No menu item matches '${args.menuItemFilter}'. Try a shorter or different word (e.g. 'customers', 'aging').`,
    extra: { MenuItems },
  }
}

export function openMenuItem(
  session: SessionState,
  args: { name: string; type?: MenuItemType; companyId?: string },
): Outcome {
  const { records, catalog, forms, resolved, today, companyOf } = session.engine
  const item = catalog.menuItems.find(
    (candidate) =>
      candidate.name.toLowerCase() === args.name.toLowerCase() && (!args.type || candidate.type === args.type),
  )
  if (!item) {
    const other = catalog.menuItems.find((candidate) => candidate.name.toLowerCase() === args.name.toLowerCase())
    if (other) throw new FormError(`Menu item '${args.name}' is a ${other.type} menu item, not ${args.type}.`)
    throw new FormError(
      `Menu item '${args.name}' was not found. Use form_find_menu_item to find a menu item's name (not its label).`,
    )
  }
  if (session.form && hasPendingChanges(session)) {
    throw new FormError(
      `Form ${session.form.def.name} has unsaved changes. Save them with form_save_form or discard them with form_close_form before opening another form.`,
    )
  }
  const company = args.companyId ? companyOf(args.companyId).id : session.company
  const def = forms.get(item.form)!
  const dataSources = new Map<string, DataSourceState>()
  for (const ds of def.dataSources) {
    const entity = records.catalog.bySet(ds.entitySet)
    if (!entity) throw new Error(`Form ${def.name}: unknown entity ${ds.entitySet}.`)
    dataSources.set(ds.name, { def: ds, entity, filters: new Map(), pageStart: 0, marked: new Set() })
  }
  const replaced = session.form
  session.company = company
  session.form = {
    def,
    menuItem: item,
    company,
    controls: resolved.get(def.name)!,
    dataSources,
    parameters: { ...(catalog.parameterDefaults?.(def, today()) ?? {}) },
    openTabs: new Set(),
  }
  for (const ds of def.dataSources) if (!ds.link) selectFirst(session, ds.name)
  return {
    result: `Form ${def.name} (${def.caption}) was opened in company ${company}.`,
    ...(replaced ? { messages: [{ Type: 'Info' as const, Text: `Form ${replaced.def.name} was closed.` }] } : {}),
  }
}
