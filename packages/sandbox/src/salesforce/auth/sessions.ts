// OAuth tokens of the emulated org, kept in SQLite so that a file database keeps sessions across
// restarts. Tokens are opaque, as Salesforce's are: the org id, '!', then random characters.
import { randomBytes } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'

export type TokenKind = 'access' | 'refresh' | 'code'

export interface TokenRecord {
  token: string
  kind: TokenKind
  userId: string
  clientId: string
  scope: string
  issuedAt: number
  expiresAt: number | null
  revoked: boolean
  /** the refresh token an access token was issued from (revoked with it) */
  parent: string | null
  codeChallenge: string | null
  codeChallengeMethod: string | null
  redirectUri: string | null
}

interface TokenRow {
  token: string
  kind: TokenKind
  user_id: string
  client_id: string
  scope: string
  issued_at: number
  expires_at: number | null
  revoked: number
  parent: string | null
  code_challenge: string | null
  code_challenge_method: string | null
  redirect_uri: string | null
}

const random = (bytes: number) => randomBytes(bytes).toString('base64url').replace(/[-_]/g, 'x')

export class SessionStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly orgId15: string,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS "_sf_tokens" (
      token TEXT PRIMARY KEY, kind TEXT NOT NULL, user_id TEXT NOT NULL, client_id TEXT NOT NULL,
      scope TEXT NOT NULL, issued_at INTEGER NOT NULL, expires_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0,
      parent TEXT, code_challenge TEXT, code_challenge_method TEXT, redirect_uri TEXT)`)
  }

  issue(
    kind: TokenKind,
    fields: Omit<TokenRecord, 'token' | 'kind' | 'revoked' | 'parent'> & { parent?: string | null },
  ): TokenRecord {
    const prefix = kind === 'access' ? `${this.orgId15}!` : kind === 'refresh' ? '5Aep861' : 'aPrx'
    const record: TokenRecord = {
      token: prefix + random(kind === 'code' ? 30 : 48),
      kind,
      revoked: false,
      ...fields,
      parent: fields.parent ?? null,
    }
    this.db
      .prepare(
        `INSERT INTO "_sf_tokens" (token, kind, user_id, client_id, scope, issued_at, expires_at, revoked, parent,
          code_challenge, code_challenge_method, redirect_uri) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
      )
      .run(
        record.token,
        kind,
        record.userId,
        record.clientId,
        record.scope,
        record.issuedAt,
        record.expiresAt,
        record.parent,
        record.codeChallenge,
        record.codeChallengeMethod,
        record.redirectUri,
      )
    return record
  }

  find(token: string): TokenRecord | undefined {
    const row = this.db.prepare('SELECT * FROM "_sf_tokens" WHERE token = ?').get(token) as TokenRow | undefined
    if (!row) return undefined
    return {
      token: row.token,
      kind: row.kind,
      userId: row.user_id,
      clientId: row.client_id,
      scope: row.scope,
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
      revoked: row.revoked === 1,
      parent: row.parent,
      codeChallenge: row.code_challenge,
      codeChallengeMethod: row.code_challenge_method,
      redirectUri: row.redirect_uri,
    }
  }

  /** A live token of the given kind at `now` (ms), or undefined. */
  valid(token: string, kind: TokenKind, now: number): TokenRecord | undefined {
    const record = this.find(token)
    if (!record || record.kind !== kind || record.revoked) return undefined
    if (record.expiresAt !== null && record.expiresAt <= now) return undefined
    return record
  }

  /** Revokes a token; revoking a refresh token ends the sessions issued from it. */
  revoke(token: string): boolean {
    const result = this.db.prepare('UPDATE "_sf_tokens" SET revoked = 1 WHERE token = ?').run(token)
    this.db.prepare('UPDATE "_sf_tokens" SET revoked = 1 WHERE parent = ?').run(token)
    return Number(result.changes) > 0
  }
}
