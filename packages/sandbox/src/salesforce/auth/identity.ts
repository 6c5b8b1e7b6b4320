// The identity URL (`/id/{orgId}/{userId}`) and OpenID userinfo: who a token belongs to.
import type { AuthContext, OrgUser } from './context.js'

function urls(ctx: AuthContext, userId: string, version: string) {
  const base = ctx.instanceUrl()
  const data = `${base}/services/data/v${version}`
  return {
    enterprise: `${base}/services/Soap/c/${version}/${ctx.orgId}`,
    partner: `${base}/services/Soap/u/${version}/${ctx.orgId}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    query: `${data}/query/`,
    limits: `${data}/limits/`,
    profile: `${base}/${userId}`,
  }
}

export function identity(ctx: AuthContext, user: OrgUser, version: string) {
  return {
    id: `${ctx.instanceUrl()}/id/${ctx.orgId}/${user.Id}`,
    asserted_user: true,
    user_id: user.Id,
    organization_id: ctx.orgId,
    username: user.Username,
    nick_name: user.Username.split('@')[0],
    display_name: user.Name,
    email: user.Email,
    email_verified: true,
    first_name: user.FirstName,
    last_name: user.LastName,
    timezone: 'America/Los_Angeles',
    photos: {},
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: urls(ctx, user.Id, version),
    active: user.IsActive === 1,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: -28800000,
    last_modified_date: user.LastModifiedDate.replace(/\.\d{3}Z$/, 'Z'),
    is_app_installed: true,
  }
}

export function userInfo(ctx: AuthContext, user: OrgUser) {
  return {
    sub: `${ctx.instanceUrl()}/id/${ctx.orgId}/${user.Id}`,
    user_id: user.Id,
    organization_id: ctx.orgId,
    preferred_username: user.Username,
    nickname: user.Username.split('@')[0],
    name: user.Name,
    email: user.Email,
    email_verified: true,
    given_name: user.FirstName,
    family_name: user.LastName,
    zoneinfo: 'America/Los_Angeles',
    photos: {},
    profile: `${ctx.instanceUrl()}/${user.Id}`,
    picture: null,
    address: {},
    is_salesforce_integration_user: false,
    urls: urls(ctx, user.Id, ctx.latestVersion),
    active: user.IsActive === 1,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: -28800000,
    updated_at: user.LastModifiedDate.replace(/\.\d{3}Z$/, 'Z'),
  }
}
