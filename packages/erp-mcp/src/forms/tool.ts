// What the thirteen form tools share: the result schema (the environment's form state, as its MCP
// server returns it), the call through the caller's upstream session, files passed on as
// embedded resources, and upstream errors turned into tool errors with a next step.
import { type ToolContext, ToolError, toolBuilder } from '@bizmcp/core'
import { z } from 'zod'
import type { ErpForms, OpenForm, UpstreamBlock } from './sessions.js'

/** The part of the product's client the form tools use. */
export interface FormsClient {
  forms: ErpForms
}

/** defineTool for form tools: ctx.client has the form sessions */
export const defineFormTool = toolBuilder<FormsClient>()

/** The environment's answer to a form tool, as parsed from its state JSON. */
const UpstreamState = z
  .object({
    SessionId: z.string(),
    Result: z.string(),
    Messages: z.array(z.object({ Type: z.string(), Text: z.string() }).loose()),
    FormState: z.object({ Name: z.string() }).loose(),
  })
  .loose()

/**
 * A form tool's result: the environment's `{SessionId, Result, Messages, FormState: {Name, Summary,
 * Form, Buttons, Links, Guidance}, …}` as it sent it, plus `Files` (the embedded resources). The
 * listed schema stays small: it is read by a model on every turn, the state explains itself.
 */
export const FormResult = z
  .object({
    Result: z.string(),
    Messages: z.array(z.record(z.string(), z.unknown())),
    FormState: z.record(z.string(), z.unknown()),
  })
  .loose()

export type FormResult = z.infer<typeof UpstreamState> & {
  Files?: Array<{ Name: string; MimeType: string; Bytes: number }>
}

/** The summary line, then the full state: the two text blocks of a form tool's result. */
export function renderFormResult(result: z.output<typeof FormResult>): string[] {
  const attached = (result.Files ?? []) as NonNullable<FormResult['Files']>
  const files = attached.map((file) => `File '${file.Name}' was downloaded.`)
  const problems = result.Messages.filter((m) => m.Type === 'Error' || m.Type === 'Warning').map(
    (m) => `${m.Type}: ${m.Text}`,
  )
  return [[result.Result, ...files, ...problems].join(' '), JSON.stringify(result)]
}

/** What to do next when the environment refuses a form tool call, by tool. */
const FIXES: Record<string, string> = {
  form_find_menu_item: 'Search with other words, e.g. a word of the label in the navigation pane.',
  form_open_menu_item: 'Find the menu item name (not its label) and type with form_find_menu_item, then open it.',
  form_find_controls: 'Search with a shorter part of the control name or label.',
  form_set_control_values:
    "Use control names from the form state or form_find_controls, open the control's tab first, give values in the control's type (dates YYYY-MM-DD), and pick lookup values from form_open_lookup.",
  form_click_control:
    'Click an enabled button from FormState.Buttons, a tab, or a grid with an actionId (LoadNextPage, LoadPreviousPage, LoadFirstPage, LoadLastPage).',
  form_filter_form: 'Filter on a control of the form’s main grid, named as in the form state.',
  form_filter_grid: 'Use a grid name and one of its column names from the form state.',
  form_select_grid_row:
    'Use a row number shown on the grid’s current page (RowNumber); page with form_click_control and actionId LoadNextPage.',
  form_sort_grid_column: 'Use a grid name and one of its column names from the form state.',
  form_open_or_close_tab: 'Use a tab name from FormState.Form.Tab.',
  form_open_lookup: 'Open the lookup of a control that has HasLookup: true in the form state.',
  form_save_form: 'Correct what the messages name, then save again.',
  form_close_form: 'Retry form_close_form.',
}

const NO_FORM = /no form is (currently )?open/i

/** Calls a form tool on the environment in the caller's session and maps its answer. */
export async function runFormTool(
  tool: string,
  args: Record<string, unknown>,
  ctx: ToolContext<FormsClient>,
): Promise<FormResult> {
  const upstream = await ctx.client.forms.call(callerKey(ctx), tool, args, { signal: ctx.signal })
  const texts = upstream.content.flatMap((block) =>
    block.type === 'text' && typeof block.text === 'string' ? [block.text] : [],
  )
  const state = texts.map(parseState).find((parsed) => parsed !== undefined)
  if (upstream.isError) {
    const message = texts[0] ?? `${tool} failed on the environment.`
    throw new ToolError({
      code: NO_FORM.test(message) ? 'NoFormOpen' : 'FormError',
      message,
      fix: NO_FORM.test(message)
        ? 'Open a form with form_open_menu_item first (find its name with form_find_menu_item).'
        : (FIXES[tool] ?? 'Check the arguments against the form state and call again.'),
      ...(state ? { details: { form: state.FormState.Name } } : {}),
    })
  }
  if (!state) {
    throw new ToolError({
      code: 'VendorError',
      message: `The environment answered ${tool} without a form state: ${texts[0]?.slice(0, 200) ?? '(no text)'}`,
      fix: 'Retry once; if it happens again, report it to the server operator.',
    })
  }
  ctx.client.forms.noteOpenForm(callerKey(ctx), openFormOf(state))
  const files = upstream.content.flatMap((block) => (isResource(block) ? [attach(block, ctx)] : []))
  const messages = upstream.restarted
    ? [
        {
          Type: 'Warning',
          Text: 'Your form session had expired and was restarted: the form that was open was closed.',
        },
        ...state.Messages,
      ]
    : state.Messages
  return { ...state, Messages: messages, ...(files.length ? { Files: files } : {}) }
}

/** Whose form session a call uses: the authenticated caller over HTTP, the local user over stdio. */
export const callerKey = (ctx: { caller?: { id?: string } | undefined }) => ctx.caller?.id ?? 'local'

function openFormOf(state: FormResult): OpenForm | undefined {
  const { Name, FormStyle } = state.FormState as { Name: string; FormStyle?: unknown }
  if (NO_FORM.test(Name)) return undefined
  return { name: Name, ...(typeof FormStyle === 'string' ? { style: FormStyle } : {}) }
}

function parseState(text: string): FormResult | undefined {
  if (!text.startsWith('{')) return undefined
  try {
    const parsed = UpstreamState.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

type ResourceBlock = Extract<UpstreamBlock, { type: 'resource' }> & {
  resource: { uri: string; mimeType?: string; blob?: string; text?: string }
}

function isResource(block: UpstreamBlock): block is ResourceBlock {
  const resource = (block as { resource?: unknown }).resource
  return block.type === 'resource' && !!resource && typeof (resource as { uri?: unknown }).uri === 'string'
}

/** Passes a file of the upstream result on as an embedded resource `file://{name}` (5 MB at most). */
function attach(block: ResourceBlock, ctx: ToolContext<FormsClient>) {
  const { uri, mimeType = 'application/octet-stream', blob, text } = block.resource
  const name = decodeURIComponent(uri.replace(/^file:\/\//, '')) || 'download'
  const data = typeof blob === 'string' ? new Uint8Array(Buffer.from(blob, 'base64')) : (text ?? '')
  ctx.attachFile({ name, mimeType, data })
  return { Name: name, MimeType: mimeType, Bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength }
}
