// form_find_controls: controls, tabs and buttons whose name or label contains a search term,
// including controls on closed tabs (their values stay hidden until the tab is opened).
import { buttonEnabled } from './buttons.js'
import { displayedValue } from './control-values.js'
import { type ResolvedControl, stateSection } from './controls.js'
import { type Outcome, requireForm, type SessionState } from './session-state.js'

const FIND_CONTROLS_MAX = 25

export function findControls(session: SessionState, args: { controlSearchTerm: string }): Outcome {
  const form = requireForm(session)
  const term = args.controlSearchTerm.toLowerCase().trim()
  const hits = [...form.controls.values()].filter(
    (control) => control.name.toLowerCase().includes(term) || control.label.toLowerCase().includes(term),
  )
  const tabs = form.def.tabs.filter(
    (tab) => tab.name.toLowerCase().includes(term) || tab.label.toLowerCase().includes(term),
  )
  const buttons = form.def.buttons.filter(
    (button) => button.name.toLowerCase().includes(term) || button.label.toLowerCase().includes(term),
  )
  const Controls = [
    ...hits.map((control) => ({ Name: control.name, Properties: controlProperties(session, control) })),
    ...tabs.map((tab) => ({
      Name: tab.name,
      Properties: { Type: 'TabPage', Label: tab.label, IsOpen: form.openTabs.has(tab.name) },
    })),
    ...buttons.map((button) => ({
      Name: button.name,
      Properties: { Type: 'Button', Label: button.label, IsEnabled: buttonEnabled(session, button) },
    })),
  ]
  const shown = Controls.slice(0, FIND_CONTROLS_MAX)
  return {
    result: shown.length
      ? `Found ${Controls.length} control${Controls.length > 1 ? 's' : ''} matching '${args.controlSearchTerm}'${Controls.length > shown.length ? `; showing the first ${shown.length}` : ''}.`
      : `No control on form ${form.def.name} matches '${args.controlSearchTerm}'.`,
    extra: { Controls: shown },
  }
}

function controlProperties(session: SessionState, control: ResolvedControl): Record<string, unknown> {
  const form = requireForm(session)
  const visible = !control.tab || form.openTabs.has(control.tab)
  return {
    Type: control.grid ? 'GridColumn' : stateSection(control),
    Label: control.label,
    ...(visible && !control.grid ? { Value: displayedValue(session, control) } : {}),
    ...(control.tab ? { Tab: control.tab, TabIsOpen: visible } : {}),
    ...(control.grid ? { Grid: control.grid } : {}),
    ...(control.mandatory ? { Mandatory: true } : {}),
    ...(control.lookup ? { HasLookup: true } : {}),
    ...(control.options ? { Options: control.options } : {}),
  }
}
