// The key pair of the connected app's certificate for the JWT bearer flow. The sandbox keeps the
// private key too and hands it out (describe()), so that tests and scripts can sign assertions.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import type { Store } from '../store.js'

export interface JwtKeyPair {
  privateKeyPem: string
  publicKeyPem: string
  publicKey: KeyObject
}

export function loadOrCreateJwtKeys(store: Store): JwtKeyPair {
  let pem = store.getMeta('jwt_private_key_pem')
  if (!pem) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    store.setMeta('jwt_private_key_pem', pem)
  }
  const publicKey = createPublicKey(createPrivateKey(pem))
  return { privateKeyPem: pem, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), publicKey }
}
