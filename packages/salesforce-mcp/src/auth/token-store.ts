// Where a web login's tokens live: one JSON file per org alias under SALESFORCE_TOKEN_DIR
// (~/.bizmcp/salesforce by default), readable by the owner only (file 0600, directory 0700).
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

type Env = Record<string, string | undefined>

export interface StoredTokens {
  instanceUrl: string
  accessToken: string
  refreshToken?: string
  /** when the access token was issued (ms since epoch) */
  issuedAt: number
  loginUrl: string
  clientId: string
  /** the user's identity URL, username and org id, when Salesforce reported them */
  identityUrl?: string
  username?: string
  organizationId?: string
}

export interface TokenStore {
  readonly path: string
  exists(): boolean
  read(): Promise<StoredTokens | undefined>
  write(tokens: StoredTokens): Promise<void>
}

export function tokenDirFrom(env: Env): string {
  return env.SALESFORCE_TOKEN_DIR ?? join(homedir(), '.bizmcp', 'salesforce')
}

export function tokenPath(options: { dir: string; alias?: string | undefined }): string {
  const alias = options.alias ?? 'default'
  if (!/^[A-Za-z0-9._@-]+$/.test(alias) || alias.startsWith('.')) {
    throw new Error(`The alias '${alias}' may use only letters, digits, '.', '_', '@' and '-'.`)
  }
  return join(options.dir, `${alias}.json`)
}

export function fileTokenStore(path: string): TokenStore {
  return {
    path,
    exists: () => existsSync(path),
    async read() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
      const parsed = JSON.parse(text) as Partial<StoredTokens>
      if (!parsed.accessToken || !parsed.instanceUrl || !parsed.loginUrl || !parsed.clientId) {
        throw new Error(`The token file ${path} is incomplete; log in again.`)
      }
      return parsed as StoredTokens
    },
    async write(tokens) {
      const dir = dirname(path)
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await chmod(dir, 0o700)
      const temp = `${path}.${process.pid}.${Date.now()}.tmp`
      await writeFile(temp, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 })
      await chmod(temp, 0o600)
      await rename(temp, path)
    },
  }
}

/** The store the environment names: SALESFORCE_TOKEN_DIR and SALESFORCE_ALIAS (or an explicit alias). */
export function tokenStoreFromEnv(env: Env, alias?: string): TokenStore {
  return fileTokenStore(tokenPath({ dir: tokenDirFrom(env), alias: alias ?? env.SALESFORCE_ALIAS }))
}
