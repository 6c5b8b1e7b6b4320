import type { AnyTool } from '@bizmcp/core'
import { createRecord } from './create_record.js'
import { createTable } from './create_table.js'
import { deleteRecord } from './delete_record.js'
import { deleteTable } from './delete_table.js'
import { describe } from './describe.js'
import { describeTable } from './describe_table.js'
import { fetchRecord } from './fetch.js'
import { listKnowledgeSources } from './list_knowledge_sources.js'
import { listTables } from './list_tables.js'
import { readQuery } from './read_query.js'
import { retrieveKnowledge } from './retrieve_knowledge.js'
import { searchMetadata } from './search.js'
import { searchData } from './search_data.js'
import { updateRecord } from './update_record.js'
import { updateTable } from './update_table.js'

export {
  createRecord,
  createTable,
  deleteRecord,
  deleteTable,
  describe,
  describeTable,
  fetchRecord,
  listKnowledgeSources,
  listTables,
  readQuery,
  retrieveKnowledge,
  searchData,
  searchMetadata,
  updateRecord,
  updateTable,
}

export const dataverseTools: AnyTool[] = [
  listTables,
  describeTable,
  searchMetadata,
  describe,
  readQuery,
  createTable,
  updateTable,
  deleteTable,
  fetchRecord,
  createRecord,
  updateRecord,
  deleteRecord,
  listKnowledgeSources,
  retrieveKnowledge,
  searchData,
]
