// Tab pages: opening and closing them, and the rule that controls on a closed tab are hidden.
import { FormError, type ResolvedControl } from './controls.js'
import { type Outcome, requireForm, type SessionState } from './session-state.js'

export function requireVisible(session: SessionState, control: ResolvedControl) {
  const form = requireForm(session)
  if (control.tab && !form.openTabs.has(control.tab)) {
    const tab = form.def.tabs.find((t) => t.name === control.tab)!
    throw new FormError(
      `Control '${control.name}' is on tab ${tab.name} (${tab.label}), which is closed. Open it with form_open_or_close_tab first.`,
    )
  }
}

export function openOrCloseTab(
  session: SessionState,
  args: { tabName: string; tabAction?: 'Open' | 'Close' },
): Outcome {
  const form = requireForm(session)
  const tab = form.def.tabs.find((candidate) => candidate.name.toLowerCase() === args.tabName.toLowerCase())
  if (!tab) {
    throw new FormError(
      `Form ${form.def.name} has no tab '${args.tabName}'. Tabs: ${form.def.tabs.map((t) => `${t.name} (${t.label})`).join(', ') || 'none'}.`,
    )
  }
  if (args.tabAction === 'Close') form.openTabs.delete(tab.name)
  else form.openTabs.add(tab.name)
  return { result: `Tab ${tab.name} (${tab.label}) was ${args.tabAction === 'Close' ? 'closed' : 'opened'}.` }
}
