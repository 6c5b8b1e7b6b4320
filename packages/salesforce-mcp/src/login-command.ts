// `salesforce-mcp login [--alias name] [--login-url URL]`: the browser login (OAuth web-server
// flow with PKCE) whose tokens the server then uses (SALESFORCE_AUTH=web). Prints where the login
// was stored and for whom — never a token.
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { tokenStoreFromEnv } from './auth/token-store.js'
import { webLogin } from './auth/web-login.js'
import { loginUrlFrom } from './client.js'

type Env = Record<string, string | undefined>

/** Opens a URL in the desktop's browser, if there is one; the URL is printed either way. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]]
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true })
  child.on('error', () => {})
  child.unref()
}

export interface LoginCommandIo {
  print?: (line: string) => void
  /** opens the authorize URL; the desktop browser by default */
  openUrl?: (url: string) => void | Promise<void>
}

export async function runLogin(argv: string[], env: Env, io: LoginCommandIo = {}) {
  const print = io.print ?? ((line: string) => process.stderr.write(`${line}\n`))
  const openUrl = io.openUrl ?? openInBrowser
  const { values } = parseArgs({
    args: argv,
    options: {
      alias: { type: 'string' },
      'login-url': { type: 'string' },
      'no-browser': { type: 'boolean' },
    },
    strict: true,
  })
  const clientId = env.SALESFORCE_CLIENT_ID
  if (!clientId) {
    throw new Error(
      'salesforce-mcp login needs SALESFORCE_CLIENT_ID: the consumer key of a connected app with the callback URL http://127.0.0.1 (any port, path /oauth/callback) and the scopes api and refresh_token.',
    )
  }
  const loginUrl = (values['login-url'] ?? loginUrlFrom(env)).replace(/\/+$/, '')
  const store = tokenStoreFromEnv(env, values.alias)
  const port = env.SALESFORCE_CALLBACK_PORT ? Number(env.SALESFORCE_CALLBACK_PORT) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('SALESFORCE_CALLBACK_PORT must be a port number.')
  const result = await webLogin({
    loginUrl,
    clientId,
    ...(env.SALESFORCE_CLIENT_SECRET ? { clientSecret: env.SALESFORCE_CLIENT_SECRET } : {}),
    store,
    port,
    print,
    ...(values['no-browser'] ? {} : { openUrl }),
  })
  const who = result.username
    ? `${result.username}${result.organizationId ? ` (org ${result.organizationId})` : ''}`
    : 'the user'
  print(`Logged in as ${who} at ${result.instanceUrl}; stored in ${result.path}.`)
  const aliasHint = values.alias ? ` SALESFORCE_ALIAS=${values.alias}` : ''
  print(`Start the server with SALESFORCE_AUTH=web${aliasHint} to use this login.`)
  return result
}
