// Consent for destructive tools, asked before the tool runs so that a declined or impossible
// consent never leaves a half-done change. 2025-era clients are asked with elicitation (a push
// request mid-call); 2026-era clients get an input_required result and retry with the answer.
// Clients that can do neither fall back to the server's configuration.
import {
  type CallToolResult,
  type InputRequiredResult,
  inputRequired,
  inputResponse,
} from '@modelcontextprotocol/server'
import { ToolError } from './tool-error.js'

export type ConsentFallback = 'refuse' | 'confirm-argument'

export type ConsentOutcome =
  | { status: 'granted'; via: 'elicitation' | 'confirm-argument' }
  | { status: 'ask'; result: InputRequiredResult }
  | { status: 'denied'; error: ToolError }

const CONSENT_KEY = 'bizmcp_consent'

const requestedSchema = {
  type: 'object' as const,
  properties: {
    approve: { type: 'boolean' as const, title: 'Approve', description: 'Allow this change to proceed' },
  },
  required: ['approve'],
}

export interface ConsentRequest {
  toolName: string
  question: string
  era: 'legacy' | 'modern'
  clientSupportsElicitation: boolean
  /** the client's answers on a 2026-era retry */
  inputResponses: Record<string, unknown> | undefined
  /** the push channel on 2025-era connections */
  elicit: (params: {
    mode: 'form'
    message: string
    requestedSchema: typeof requestedSchema
  }) => Promise<{ action: string; content?: Record<string, unknown> }>
  fallback: ConsentFallback
  confirmArgument: boolean | undefined
}

export async function obtainConsent(request: ConsentRequest): Promise<ConsentOutcome> {
  const message = `${request.question}\n\nThis change cannot be undone by the assistant.`
  if (request.clientSupportsElicitation) {
    if (request.era === 'modern') {
      const answer = inputResponse(request.inputResponses, CONSENT_KEY)
      if (answer.kind === 'missing') {
        return {
          status: 'ask',
          result: inputRequired({
            inputRequests: { [CONSENT_KEY]: inputRequired.elicit({ message, requestedSchema }) },
          }),
        }
      }
      const approved = answer.kind === 'elicit' && answer.action === 'accept' && answer.content?.approve === true
      return approved ? { status: 'granted', via: 'elicitation' } : declined(request.toolName)
    }
    const answer = await request.elicit({ mode: 'form', message, requestedSchema })
    const approved = answer.action === 'accept' && answer.content?.approve === true
    return approved ? { status: 'granted', via: 'elicitation' } : declined(request.toolName)
  }

  if (request.fallback === 'confirm-argument') {
    if (request.confirmArgument === true) return { status: 'granted', via: 'confirm-argument' }
    return {
      status: 'denied',
      error: new ToolError({
        code: 'ConsentRequired',
        message: `${request.toolName} changes data irreversibly and needs the user's approval: ${request.question}`,
        fix: `Ask the user this question in the conversation. Only if they approve, call ${request.toolName} again with the same arguments and confirm: true.`,
      }),
    }
  }
  return {
    status: 'denied',
    error: new ToolError({
      code: 'ConsentUnavailable',
      message: `${request.toolName} needs the user's approval, and this client cannot ask for it (no MCP elicitation support). Nothing was changed.`,
      fix: 'Use an MCP client that supports elicitation, or ask the server operator to allow confirmation by argument (consent fallback "confirm-argument").',
    }),
  }
}

function declined(toolName: string): ConsentOutcome {
  return {
    status: 'denied',
    error: new ToolError({
      code: 'ConsentDeclined',
      message: `The user declined ${toolName}. Nothing was changed.`,
      fix: 'Do not retry unless the user asks for this change again.',
    }),
  }
}

export type { CallToolResult, InputRequiredResult }
