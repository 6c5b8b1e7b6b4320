import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import type { JWK } from 'jose'

/** The key the sandbox signs tokens with; one per database, so a file database keeps it across restarts. */
export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  publicJwk: JWK
}

const KEY_TABLE = '_sandbox_keys'
const ALGORITHM = 'RS256'

/** Synchronous so that creating a sandbox needs no await. */
export function loadOrCreateSigningKey(db: DatabaseSync): SigningKey {
  db.exec(`CREATE TABLE IF NOT EXISTS ${KEY_TABLE} (
    kid TEXT PRIMARY KEY,
    alg TEXT NOT NULL,
    private_jwk TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`)
  const row = db
    .prepare(`SELECT kid, private_jwk FROM ${KEY_TABLE} WHERE alg = ? ORDER BY created_at, kid LIMIT 1`)
    .get(ALGORITHM) as { kid: string; private_jwk: string } | undefined
  if (row) return fromPrivateJwk(row.kid, JSON.parse(row.private_jwk) as JWK)

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const privateJwk = privateKey.export({ format: 'jwk' }) as JWK
  const key = fromPrivateJwk(thumbprintOf(privateKey), privateJwk)
  // INSERT OR IGNORE: if another sandbox on the same file won the race, use its key instead.
  db.prepare(`INSERT OR IGNORE INTO ${KEY_TABLE} (kid, alg, private_jwk, created_at) VALUES (?, ?, ?, ?)`).run(
    key.kid,
    ALGORITHM,
    JSON.stringify(privateJwk),
    new Date().toISOString(),
  )
  const winner = db
    .prepare(`SELECT kid, private_jwk FROM ${KEY_TABLE} WHERE alg = ? ORDER BY created_at, kid LIMIT 1`)
    .get(ALGORITHM) as { kid: string; private_jwk: string }
  return winner.kid === key.kid ? key : fromPrivateJwk(winner.kid, JSON.parse(winner.private_jwk) as JWK)
}

/** RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order. */
function thumbprintOf(privateKey: KeyObject): string {
  const { e, n } = createPublicKey(privateKey).export({ format: 'jwk' })
  return createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url')
}

function fromPrivateJwk(kid: string, privateJwk: JWK): SigningKey {
  const privateKey = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' })
  const publicKey = createPublicKey(privateKey)
  const exported = publicKey.export({ format: 'jwk' }) as JWK
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { kty: exported.kty, n: exported.n, e: exported.e, kid, use: 'sig', alg: ALGORITHM },
  }
}
