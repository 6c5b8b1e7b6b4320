// The Dataverse Web API v9.2 client on core's HTTP client (token, timeouts, retries honouring
// Retry-After, cancellation). It speaks only the documented API, so an org and the sandbox
// differ in nothing but the URL, the token provider and the injected fetch.
import {
  createHttpClient,
  type FetchLike,
  type HttpClient,
  type HttpClientOptions,
  type RequestOptions,
  type TokenProvider,
  ToolError,
} from '@bizmcp/core'
import { decodeDataverseError, invalidGuid, rethrow, unknownTable } from './errors.js'
import { fetchAttributes, pagingCookieFrom, setFetchAttributes } from './fetchxml-paging.js'
import {
  ATTRIBUTE_SELECT,
  CASTS,
  labelText,
  mergeCast,
  RELATIONSHIP_SELECT,
  TABLE_SELECT,
  toChildRelationship,
  toColumnInfo,
  toLabel,
  toLookupRelationship,
  toTableInfo,
} from './metadata.js'
import { parseGuid } from './names.js'
import type {
  ColumnCatalogEntry,
  DataverseClient,
  FetchXmlOptions,
  FetchXmlResult,
  NewColumn,
  NewTable,
  QueryOptions,
  QueryPage,
  SearchHit,
  SearchOptions,
  SearchSource,
  TableInfo,
  TableMetadata,
  WhoAmI,
} from './types.js'

export interface DataverseClientOptions {
  /** the org URL, e.g. https://contoso.crm.dynamics.com (no /api/data) */
  orgUrl: string
  token?: TokenProvider
  fetch?: FetchLike
  /** timeouts, retries, concurrency, user agent … */
  http?: Partial<HttpClientOptions>
}

const MAX_PAGE = 5000
type Json = Record<string, unknown>

const FORMATTED_PREFERENCE = 'odata.include-annotations="*"'

function preferHeader(options: {
  formatted?: boolean | undefined
  pageSize?: number | undefined
}): Record<string, string> {
  const prefer: string[] = []
  if (options.formatted) prefer.push(FORMATTED_PREFERENCE)
  if (options.pageSize) prefer.push(`odata.maxpagesize=${options.pageSize}`)
  return prefer.length ? { Prefer: prefer.join(',') } : {}
}

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {})

function requireGuid(id: string, what = 'Record id'): string {
  const guid = parseGuid(id)
  if (!guid) throw invalidGuid(what, id)
  return guid
}

const quoteKey = (value: string) => `'${value.replace(/'/g, "''")}'`

export function createDataverseClient(options: DataverseClientOptions): DataverseClient {
  const orgUrl = options.orgUrl.replace(/\/+$/, '')
  const http: HttpClient = createHttpClient({
    userAgent: 'bizmcp-dataverse-mcp',
    ...options.http,
    baseUrl: `${orgUrl}/api/data/v9.2/`,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.token ? { token: options.token } : {}),
    headers: { 'OData-MaxVersion': '4.0', 'OData-Version': '4.0', ...options.http?.headers },
    decodeError: decodeDataverseError,
  })

  const call = async <T>(request: RequestOptions): Promise<{ status: number; headers: Headers; body: T }> => {
    try {
      return await http.request<T>(request)
    } catch (error) {
      return rethrow(error)
    }
  }
  const get = async <T>(path: string, request: Omit<RequestOptions, 'path'> = {}): Promise<T> =>
    (await call<T>({ ...request, path, method: 'GET' })).body

  let tablesCache: Promise<TableInfo[]> | undefined
  let searchCache: Promise<SearchSource[]> | undefined
  let catalogCache: Promise<ColumnCatalogEntry[]> | undefined
  const tableCache = new Map<string, Promise<TableMetadata>>()

  /** caches a promise, forgetting it when it fails so that the next call retries */
  function cached<T>(
    read: () => Promise<T> | undefined,
    write: (p: Promise<T> | undefined) => void,
    load: () => Promise<T>,
  ) {
    const existing = read()
    if (existing) return existing
    const loading = load()
    write(loading)
    loading.catch(() => {
      if (read() === loading) write(undefined)
    })
    return loading
  }

  function listTables(signal?: AbortSignal): Promise<TableInfo[]> {
    return cached(
      () => tablesCache,
      (p) => {
        tablesCache = p
      },
      async () => {
        const body = await get<{ value: Json[] }>('EntityDefinitions', {
          query: { $select: TABLE_SELECT.join(',') },
          ...withSignal(signal),
        })
        return body.value
          .map(toTableInfo)
          .sort((a, b) => (a.logicalName < b.logicalName ? -1 : a.logicalName > b.logicalName ? 1 : 0))
      },
    )
  }

  async function resolveTable(name: string, signal?: AbortSignal): Promise<TableInfo> {
    const tables = await listTables(signal)
    const wanted = name.trim().toLowerCase()
    const found =
      tables.find((t) => t.logicalName === wanted) ?? tables.find((t) => t.entitySetName.toLowerCase() === wanted)
    if (!found)
      throw unknownTable(
        name,
        tables.map((t) => t.logicalName),
      )
    return found
  }

  async function loadTable(info: TableInfo, signal?: AbortSignal): Promise<TableMetadata> {
    const path = `EntityDefinitions(LogicalName=${quoteKey(info.logicalName)})`
    const relationships = `($select=${RELATIONSHIP_SELECT.join(',')})`
    const entity = await get<Json>(path, {
      query: {
        $select: TABLE_SELECT.join(','),
        $expand: `Attributes($select=${ATTRIBUTE_SELECT.join(',')}),ManyToOneRelationships${relationships},OneToManyRelationships${relationships}`,
      },
      ...withSignal(signal),
    })
    const attributes = (entity.Attributes as Json[] | undefined) ?? []
    const columns = new Map(attributes.map((a) => [String(a.LogicalName), toColumnInfo(a)]))
    const present = new Set([...columns.values()].map((c) => c.type))
    const casts = new Map<string, boolean>()
    for (const type of present) {
      const cast = CASTS[type]
      if (cast) casts.set(cast.cast, cast.expandOptionSet === true)
    }
    const castBodies = await Promise.all(
      [...casts].map(([cast, expand]) =>
        get<{ value: Json[] }>(`${path}/Attributes/Microsoft.Dynamics.CRM.${cast}`, {
          ...(expand ? { query: { $expand: 'OptionSet' } } : {}),
          ...withSignal(signal),
        }),
      ),
    )
    for (const body of castBodies) mergeCast(columns, body.value)
    return {
      ...toTableInfo(entity),
      entitySetName: String(entity.EntitySetName ?? info.entitySetName),
      columns: [...columns.values()].sort((a, b) =>
        a.isPrimaryId !== b.isPrimaryId
          ? a.isPrimaryId
            ? -1
            : 1
          : a.logicalName < b.logicalName
            ? -1
            : a.logicalName > b.logicalName
              ? 1
              : 0,
      ),
      manyToOne: ((entity.ManyToOneRelationships as Json[] | undefined) ?? []).map(toLookupRelationship),
      oneToMany: ((entity.OneToManyRelationships as Json[] | undefined) ?? []).map(toChildRelationship),
    }
  }

  async function table(name: string, signal?: AbortSignal): Promise<TableMetadata> {
    const info = await resolveTable(name, signal)
    return cached(
      () => tableCache.get(info.logicalName),
      (p) => (p ? tableCache.set(info.logicalName, p) : tableCache.delete(info.logicalName)),
      () => loadTable(info, signal),
    )
  }

  function pageOf(body: Json): QueryPage {
    const nextLink = body['@odata.nextLink']
    const count = body['@odata.count']
    return {
      rows: (body.value as Array<Record<string, unknown>>) ?? [],
      ...(typeof nextLink === 'string' ? { nextLink } : {}),
      ...(typeof count === 'number' ? { count } : {}),
    }
  }

  async function fetchXml(entitySetName: string, xml: string, opts: FetchXmlOptions): Promise<FetchXmlResult> {
    const attributes = fetchAttributes(xml)
    // top is answered in one page; aggregate results page by number only (no paging cookie)
    const single = attributes.top !== undefined
    const aggregate = attributes.aggregate === 'true'
    const pageSize = Math.min(opts.pageSize ?? (Number(attributes.count) || MAX_PAGE), MAX_PAGE)
    const headers: Record<string, string> = opts.formatted ? { Prefer: FORMATTED_PREFERENCE } : {}
    const rows: Array<Record<string, unknown>> = []
    let page = 1
    let cookie: string | undefined
    let more = false
    let pages = 0
    for (;;) {
      opts.signal?.throwIfAborted()
      const paged = single
        ? xml
        : setFetchAttributes(xml, {
            page: String(page),
            count: String(pageSize),
            ...(aggregate ? {} : { 'paging-cookie': cookie }),
          })
      const body = await get<Json>(entitySetName, {
        query: { fetchXml: paged },
        headers,
        ...withSignal(opts.signal),
      })
      pages++
      rows.push(...((body.value as Array<Record<string, unknown>>) ?? []))
      more = body['@Microsoft.Dynamics.CRM.morerecords'] === true
      if (single || !more || rows.length >= opts.maxRows) break
      cookie = pagingCookieFrom(body['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie'])
      page++
    }
    const truncated = rows.length > opts.maxRows || (more && !single)
    return { rows: rows.slice(0, opts.maxRows), truncated, pages }
  }

  async function query(entitySetName: string, opts: QueryOptions): Promise<QueryPage> {
    const body = await get<Json>(entitySetName, {
      query: {
        ...(opts.select?.length ? { $select: opts.select.join(',') } : {}),
        ...(opts.filter ? { $filter: opts.filter } : {}),
        ...(opts.orderby ? { $orderby: opts.orderby } : {}),
        ...(opts.top !== undefined ? { $top: opts.top } : {}),
        ...(opts.expand ? { $expand: opts.expand } : {}),
        ...(opts.count ? { $count: true } : {}),
      },
      headers: preferHeader(opts),
      ...withSignal(opts.signal),
    })
    return pageOf(body)
  }

  function searchUrl(operation: string) {
    return `${orgUrl}/api/search/v2.0/${operation}`
  }

  /** The search API wraps its JSON in a string property `response`. */
  function unwrapSearch(body: unknown): Json {
    let inner: unknown = body
    const response = (body as Json | undefined)?.response
    if (typeof response === 'string') {
      try {
        inner = JSON.parse(response)
      } catch {
        throw new ToolError({
          code: 'VendorError',
          message: 'Dataverse search returned a response that is not JSON.',
          fix: 'Retry once; if it fails again, use read_query instead.',
        })
      }
    } else if (response && typeof response === 'object') inner = response
    return (inner as Json) ?? {}
  }

  const pick = (obj: Json, name: string): unknown => obj[name] ?? obj[name.charAt(0).toLowerCase() + name.slice(1)]

  async function searchSources(signal?: AbortSignal): Promise<SearchSource[]> {
    return cached(
      () => searchCache,
      (p) => {
        searchCache = p
      },
      async () => {
        let raw: unknown
        try {
          raw = await get<unknown>(searchUrl('status'), withSignal(signal))
        } catch (error) {
          if (!(error instanceof ToolError) || error.code !== 'NotFound') throw error
          throw new ToolError({
            code: 'NotFound',
            message: `Dataverse search status is not available in this environment (${error.message})`,
            fix: 'Dataverse search may be off; an administrator can turn it on. Meanwhile use read_query.',
            ...(error.details ? { details: error.details } : {}),
          })
        }
        const body = unwrapSearch(raw)
        const value = (pick(body, 'Value') as Json | undefined) ?? body
        const results = (value.entitystatusresults as Json[] | undefined) ?? []
        return results
          .map((r) => ({
            table: String(r.entitylogicalname),
            ...(typeof r.primarynamefield === 'string' ? { primaryName: r.primarynamefield } : {}),
            columns: Object.keys((r.searchableindexedfieldinfomap as Json | undefined) ?? {}).sort(),
          }))
          .sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0))
      },
    )
  }

  async function search(text: string, opts: SearchOptions = {}): Promise<{ hits: SearchHit[]; total?: number }> {
    const entities = opts.tables?.map((name) => ({
      name,
      ...(opts.selectColumns?.length ? { selectColumns: opts.selectColumns } : {}),
      ...(opts.searchColumns?.length ? { searchColumns: opts.searchColumns } : {}),
    }))
    const response = await call<unknown>({
      method: 'POST',
      path: searchUrl('query'),
      body: {
        search: text,
        count: true,
        ...(entities?.length ? { entities: JSON.stringify(entities) } : {}),
        ...(opts.filter ? { filter: opts.filter } : {}),
        ...(opts.top !== undefined ? { top: opts.top } : {}),
        ...(opts.skip ? { skip: opts.skip } : {}),
      },
      idempotent: true,
      ...withSignal(opts.signal),
    })
    const body = unwrapSearch(response.body)
    const error = pick(body, 'Error') as Json | null | undefined
    if (error && (pick(error, 'Message') || pick(error, 'Code'))) {
      throw new ToolError({
        code: 'VendorError',
        message: `Dataverse search said: ${String(pick(error, 'Message') ?? pick(error, 'Code'))}`,
        fix: 'Simplify the search text (plain words, at most 100 characters) and try again.',
      })
    }
    const tables = new Map((await listTables(opts.signal)).map((t) => [t.logicalName, t]))
    const hits = ((pick(body, 'Value') as Json[] | undefined) ?? []).map((hit): SearchHit => {
      const table = String(pick(hit, 'EntityName') ?? '')
      const attributes = (pick(hit, 'Attributes') as Json | undefined) ?? {}
      const primaryName = tables.get(table)?.primaryNameAttribute
      const name = primaryName ? attributes[primaryName] : undefined
      const highlights = pick(hit, 'Highlights') as Record<string, string[]> | undefined
      return {
        table,
        id: String(pick(hit, 'Id') ?? ''),
        score: Number(pick(hit, 'Score') ?? 0),
        ...(typeof name === 'string' ? { name } : {}),
        attributes,
        ...(highlights && Object.keys(highlights).length ? { highlights } : {}),
      }
    })
    const count = Number(pick(body, 'Count'))
    return { hits, ...(Number.isFinite(count) && count >= 0 ? { total: count } : {}) }
  }

  function invalidateMetadata() {
    tablesCache = undefined
    searchCache = undefined
    catalogCache = undefined
    tableCache.clear()
  }

  return {
    orgUrl,
    async whoAmI(signal) {
      const body = await get<Json>('WhoAmI', withSignal(signal))
      return {
        userId: String(body.UserId),
        businessUnitId: String(body.BusinessUnitId),
        organizationId: String(body.OrganizationId),
      } satisfies WhoAmI
    },
    listTables,
    table,
    fetchXml,
    query,
    async nextPage(nextLink, opts = {}) {
      return pageOf(await get<Json>(nextLink, { headers: preferHeader(opts), ...withSignal(opts.signal) }))
    },
    async retrieve(entitySetName, id, opts = {}) {
      const body = await get<Json>(`${entitySetName}(${requireGuid(id)})`, {
        query: {
          ...(opts.select?.length ? { $select: opts.select.join(',') } : {}),
          ...(opts.expand ? { $expand: opts.expand } : {}),
        },
        headers: preferHeader(opts),
        ...withSignal(opts.signal),
      })
      return body
    },
    async create(entitySetName, body, signal) {
      const response = await call<Json>({ method: 'POST', path: entitySetName, body, ...withSignal(signal) })
      const entityId = response.headers.get('OData-EntityId') ?? response.headers.get('Location') ?? ''
      const id = parseGuid(/\(([^()]*)\)\s*$/.exec(entityId)?.[1] ?? '')
      if (!id) {
        throw new ToolError({
          code: 'VendorError',
          message: 'Dataverse created the record but did not return its id (no OData-EntityId header).',
          fix: 'Find the new record with read_query before creating it again.',
        })
      }
      return id
    },
    async update(entitySetName, id, body, opts = {}) {
      await call({
        method: 'PATCH',
        path: `${entitySetName}(${requireGuid(id)})`,
        body,
        headers: opts.ifMatch ? { 'If-Match': opts.ifMatch } : {},
        // PATCH with If-Match is safe to repeat; without it, a retry could re-create a deleted record
        idempotent: opts.ifMatch !== undefined,
        ...withSignal(opts.signal),
      })
    },
    async delete(entitySetName, id, signal) {
      await call({ method: 'DELETE', path: `${entitySetName}(${requireGuid(id)})`, ...withSignal(signal) })
    },
    async action(name, body, opts = {}) {
      const path = opts.bound
        ? `${opts.bound.entitySetName}(${requireGuid(opts.bound.id)})/Microsoft.Dynamics.CRM.${name}`
        : name
      return (await call<unknown>({ method: 'POST', path, body, ...withSignal(opts.signal) })).body
    },
    search,
    invalidateMetadata,
    searchSources,
    columnCatalog(signal) {
      return cached(
        () => catalogCache,
        (p) => {
          catalogCache = p
        },
        async () => {
          const body = await get<{ value: Json[] }>('EntityDefinitions', {
            query: { $select: 'LogicalName', $expand: 'Attributes($select=LogicalName,DisplayName,Description)' },
            ...withSignal(signal),
          })
          return body.value.map((e) => ({
            table: String(e.LogicalName),
            columns: ((e.Attributes as Json[] | undefined) ?? []).map((a) => {
              const description = labelText(a.Description)
              return {
                logicalName: String(a.LogicalName),
                displayName: labelText(a.DisplayName) ?? String(a.LogicalName),
                ...(description ? { description } : {}),
              }
            }),
          }))
        },
      )
    },
    async createTable(definition, signal) {
      await call({ method: 'POST', path: 'EntityDefinitions', body: entityBody(definition), ...withSignal(signal) })
      invalidateMetadata()
      return resolveTable(definition.schemaName, signal)
    },
    async createColumn(tableName, column, signal) {
      const info = await resolveTable(tableName, signal)
      if (column.type === 'Lookup') {
        const target = await resolveTable(column.target ?? '', signal)
        await call({
          method: 'POST',
          path: 'RelationshipDefinitions',
          body: relationshipBody(info, target, column),
          ...withSignal(signal),
        })
      } else {
        await call({
          method: 'POST',
          path: `EntityDefinitions(LogicalName=${quoteKey(info.logicalName)})/Attributes`,
          body: attributeBody(column),
          ...withSignal(signal),
        })
      }
      invalidateMetadata()
      return column.schemaName.toLowerCase()
    },
    async deleteTable(tableName, signal) {
      const info = await resolveTable(tableName, signal)
      await call({
        method: 'DELETE',
        path: `EntityDefinitions(LogicalName=${quoteKey(info.logicalName)})`,
        ...withSignal(signal),
      })
      invalidateMetadata()
    },
  }
}

function requiredLevel(required: boolean | undefined) {
  return {
    Value: required ? 'ApplicationRequired' : 'None',
    CanBeChanged: true,
    ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings',
  }
}

/** AttributeMetadata for POST …/Attributes, as the Web API documents each type. */
export function attributeBody(column: NewColumn): Json {
  const common: Json = {
    '@odata.type': `Microsoft.Dynamics.CRM.${column.type}AttributeMetadata`,
    SchemaName: column.schemaName,
    AttributeType: column.type,
    AttributeTypeName: { Value: `${column.type}Type` },
    DisplayName: toLabel(column.displayName),
    Description: toLabel(column.description ?? ''),
    RequiredLevel: requiredLevel(column.required),
  }
  switch (column.type) {
    case 'String':
      return { ...common, MaxLength: column.maxLength ?? 100, FormatName: { Value: 'Text' } }
    case 'Memo':
      return { ...common, MaxLength: column.maxLength ?? 2000, Format: 'TextArea' }
    case 'Integer':
      return { ...common, MinValue: -2147483648, MaxValue: 2147483647, Format: 'None' }
    case 'BigInt':
      return common
    case 'Decimal':
      return { ...common, Precision: column.precision ?? 2, MinValue: -100000000000, MaxValue: 100000000000 }
    case 'Double':
      return { ...common, Precision: column.precision ?? 2, MinValue: -100000000000, MaxValue: 100000000000 }
    case 'Money':
      return {
        ...common,
        Precision: column.precision ?? 2,
        PrecisionSource: 2,
        MinValue: -922337203685477,
        MaxValue: 922337203685477,
      }
    case 'Boolean':
      return {
        ...common,
        DefaultValue: false,
        OptionSet: {
          '@odata.type': 'Microsoft.Dynamics.CRM.BooleanOptionSetMetadata',
          OptionSetType: 'Boolean',
          TrueOption: { Value: 1, Label: toLabel('Yes') },
          FalseOption: { Value: 0, Label: toLabel('No') },
        },
      }
    case 'DateTime':
      return {
        ...common,
        Format: column.dateOnly ? 'DateOnly' : 'DateAndTime',
        DateTimeBehavior: { Value: column.dateOnly ? 'DateOnly' : 'UserLocal' },
      }
    case 'Picklist':
      return {
        ...common,
        OptionSet: {
          '@odata.type': 'Microsoft.Dynamics.CRM.OptionSetMetadata',
          IsGlobal: false,
          OptionSetType: 'Picklist',
          Options: (column.options ?? []).map((label) => ({ Label: toLabel(label) })),
        },
      }
    case 'Lookup':
      return common
  }
}

function entityBody(table: NewTable): Json {
  return {
    '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata',
    SchemaName: table.schemaName,
    DisplayName: toLabel(table.displayName),
    DisplayCollectionName: toLabel(table.pluralDisplayName),
    Description: toLabel(table.description ?? ''),
    OwnershipType: table.ownership,
    IsActivity: false,
    HasActivities: false,
    HasNotes: false,
    Attributes: [
      {
        ...attributeBody({
          schemaName: table.primaryName.schemaName,
          displayName: table.primaryName.displayName,
          type: 'String',
          required: true,
          maxLength: table.primaryName.maxLength ?? 100,
        }),
        IsPrimaryName: true,
      },
    ],
  }
}

function relationshipBody(referencing: TableInfo, referenced: TableInfo, column: NewColumn): Json {
  const prefix = column.schemaName.split('_')[0] ?? 'new'
  const schemaName = `${prefix}_${referenced.logicalName}_${referencing.logicalName}_${column.schemaName.toLowerCase()}`
  return {
    '@odata.type': 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata',
    SchemaName: schemaName.slice(0, 100),
    ReferencedEntity: referenced.logicalName,
    ReferencedAttribute: referenced.primaryIdAttribute,
    ReferencingEntity: referencing.logicalName,
    Lookup: attributeBody(column),
  }
}
