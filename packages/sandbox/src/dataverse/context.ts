// What every request handler needs: the schema, storage, the signed-in user and preferences.

import type { Preferences } from './http.js'
import type { SchemaModel } from './model.js'
import type { SearchIndex } from './search/search-index.js'
import type { Store } from './store/store.js'

export interface CallerIdentity {
  userId: string
  businessUnitId: string
}

export interface RequestContext {
  model: SchemaModel
  store: Store
  caller: CallerIdentity
  organizationId: string
  /** e.g. http://sandbox.localhost/dataverse */
  orgUrl: string
  /** e.g. http://sandbox.localhost/dataverse/api/data/v9.2/ */
  apiBase: string
  now: Date
  prefs: Preferences
  /** the Dataverse search index; absent when search is off */
  search?: SearchIndex
  /** $batch change set: Content-ID → entity URL of the record the request created */
  contentIds?: Map<string, string>
}
