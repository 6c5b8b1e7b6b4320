// Shared state of one generation run: options, random streams, the clock, and compact indexes of
// rows already emitted that later tables point at.

import { Rng } from '../../shared/prng.js'
import type { SeedRow, SeedValue } from '../schema/types.js'

export interface SeedOptions {
  /** multiplies accounts, contacts, leads, opportunities, cases and activities (default 1) */
  scale?: number
  seed?: number | string
  /** the reference "now" of the data set (default 2026-10-31T12:00:00Z) */
  now?: string | Date
  /** rows per yielded batch (default 1000) */
  batchSize?: number
}

export const DEFAULT_NOW = '2026-10-31T12:00:00Z'
export const DAY = 86_400_000
export const HOUR = 3_600_000

export interface UserRef {
  id: string
  aadObjectId: string
  first: string
  last: string
  fullname: string
  email: string
  title: string
  role: string
  buId: string
  buKey: string
}

export interface AccountRef {
  id: string
  name: string
  domain: string
  industry: number
  cityIndex: number
  employees: number
  revenue: number
  ownerIndex: number
  created: number
  contactIds: string[]
  asset: string
}

export interface ContactRef {
  id: string
  account: number
  first: string
  last: string
  email: string
  title: string
  phone: string
  created: number
}

export interface LeadRef {
  id: string
  first: string
  last: string
  email: string
  company: string
  ownerIndex: number
  created: number
  state: number
  status: number
  campaignKey: string | null
  asset: string
  need: string
  city: string
  /** for qualified leads: the opportunity that qualification created */
  opportunityId: string | null
  account: number | null
  contactId: string | null
  qualifiedOn: number | null
}

export interface OpportunityRef {
  id: string
  name: string
  account: number
  contactId: string | null
  ownerIndex: number
  created: number
  state: number
  closeDate: number
  value: number
}

export interface CaseRef {
  id: string
  ticket: string
  title: string
  account: number
  contact: number | null
  ownerIndex: number
  problem: number
  product: string
  created: number
  state: number
  status: number
  resolvedOn: number | null
  report: string
}

export class SeedContext {
  readonly scale: number
  readonly now: number
  readonly rng: Rng
  readonly batchSize: number
  private version = 1_000_000

  users: UserRef[] = []
  currentUserIndex = 0
  businessUnits = new Map<string, string>()
  organizationId = ''
  currencyId = ''
  uomScheduleId = ''
  uomId = ''
  priceLevelId = ''
  teamIds: string[] = []
  queueIds = new Map<string, string>()
  products = new Map<string, { id: string; name: string; price: number }>()
  competitorIds: string[] = []
  campaigns = new Map<string, { id: string; name: string; start: number; end: number }>()
  accounts: AccountRef[] = []
  contacts: ContactRef[] = []
  contactIndex = new Map<string, number>()
  leads: LeadRef[] = []
  opportunities: OpportunityRef[] = []
  cases: CaseRef[] = []

  constructor(options: SeedOptions = {}) {
    this.scale = options.scale ?? 1
    if (!(this.scale > 0)) throw new Error('scale must be a positive number')
    this.now = new Date(options.now ?? DEFAULT_NOW).getTime()
    if (Number.isNaN(this.now)) throw new Error(`invalid now: ${String(options.now)}`)
    this.rng = new Rng(`bizmcp-seed:${options.seed ?? 42}`)
    this.batchSize = options.batchSize ?? 1000
  }

  /** count scaled by the run's scale factor */
  scaled(base: number): number {
    return Math.max(1, Math.round(base * this.scale))
  }

  user(index: number): UserRef {
    const u = this.users[index]
    if (!u) throw new Error(`no user ${index}`)
    return u
  }

  usersWithRole(...roles: string[]): number[] {
    return this.users.flatMap((u, i) => (roles.includes(u.role) ? [i] : []))
  }

  /** createdon/modifiedon/createdby/modifiedby/versionnumber */
  stamp(row: SeedRow, created: number, modified: number, by: number | null, modifiedBy: number | null = by): SeedRow {
    const m = Math.min(Math.max(modified, created), this.now)
    row.createdon = iso(Math.min(created, this.now))
    row.modifiedon = iso(m)
    row.createdby = by === null ? null : ref('systemuser', this.user(by).id)
    row.modifiedby = modifiedBy === null ? null : ref('systemuser', this.user(modifiedBy).id)
    row.versionnumber = this.version++
    return row
  }

  /** ownerid and the owning* columns for a user-owned row */
  own(row: SeedRow, userIndex: number): SeedRow {
    const u = this.user(userIndex)
    row.ownerid = ref('systemuser', u.id)
    row.owninguser = ref('systemuser', u.id)
    row.owningteam = null
    row.owningbusinessunit = ref('businessunit', u.buId)
    return row
  }

  currency(): SeedValue {
    return ref('transactioncurrency', this.currencyId)
  }
}

export const ref = (table: string, id: string) => ({ table, id })

export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z')

/** DateOnly columns: yyyy-MM-dd */
export const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** fills {placeholders} from `values`; unknown ones stay as they are */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m))
}

export function money(n: number): number {
  return Math.round(n * 100) / 100
}
