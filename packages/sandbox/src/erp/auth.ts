// Who is calling: an Entra access token for the environment (audience = its URL), mapped to a
// SystemUser by object id (app-only tokens act as Admin). 401 without a valid token or for an
// identity that is no user of the environment; 403 for a disabled user.
import type { VerifyResult } from '../entra/verify.js'
import type { ErpStore, ErpUser } from './model.js'
import { ErpError } from './model.js'

export async function authenticate(
  verify: (authorization: string | null) => Promise<VerifyResult>,
  request: Request,
  store: () => ErpStore,
): Promise<ErpUser> {
  const verified = await verify(request.headers.get('authorization'))
  if (!verified.ok) throw new ErpError(401, verified.description, 'System.UnauthorizedAccessException')
  const claims = verified.claims
  const user = store().userFor({
    oid: claims.oid,
    upn: claims.upn ?? claims.preferred_username,
    appOnly: claims.idtyp === 'app',
  })
  if (!user) {
    throw new ErpError(
      401,
      `The user ${claims.upn ?? claims.preferred_username ?? claims.oid} is not a user of this environment (no SystemUsers record for the Entra object id ${claims.oid}).`,
      'System.UnauthorizedAccessException',
    )
  }
  if (!user.Enabled) {
    throw new ErpError(
      403,
      `The user ${user.UserID} is disabled in this environment.`,
      'System.UnauthorizedAccessException',
    )
  }
  return user
}
