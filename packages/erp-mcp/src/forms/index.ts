export { createFormSessions, type ErpForms, type FormSessionsOptions, type UpstreamResult } from './sessions.js'
export { FormResult, type FormsClient } from './tool.js'

/** The environment's MCP endpoint, which serves the form tools: `{environment URL}/mcp`. */
export function formsEndpoint(environmentUrl: string): string {
  return `${environmentUrl.replace(/\/+$/, '')}/mcp`
}
