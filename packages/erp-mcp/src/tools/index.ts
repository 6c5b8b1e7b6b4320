import type { AnyTool } from '@bizmcp/core'
import { apiFindActions } from './api_find_actions.js'
import { apiInvokeAction } from './api_invoke_action.js'
import { attachmentAttach } from './attachment_attach.js'
import { attachmentCheck } from './attachment_check.js'
import { dataCreateEntities } from './data_create_entities.js'
import { dataDeleteEntities } from './data_delete_entities.js'
import { dataFindEntities } from './data_find_entities.js'
import { dataFindEntitiesSql } from './data_find_entities_sql.js'
import { dataFindEntityType } from './data_find_entity_type.js'
import { dataGetEntityMetadata } from './data_get_entity_metadata.js'
import { dataUpdateEntities } from './data_update_entities.js'
import { getCurrentUser } from './get_current_user.js'

export {
  apiFindActions,
  apiInvokeAction,
  attachmentAttach,
  attachmentCheck,
  dataCreateEntities,
  dataDeleteEntities,
  dataFindEntities,
  dataFindEntitiesSql,
  dataFindEntityType,
  dataGetEntityMetadata,
  dataUpdateEntities,
  getCurrentUser,
}

/** The data, action, attachment and user tools (the form tools are listed beside them in product.ts). */
export const erpTools: AnyTool[] = [
  dataFindEntityType,
  dataGetEntityMetadata,
  dataFindEntities,
  dataFindEntitiesSql,
  dataCreateEntities,
  dataUpdateEntities,
  dataDeleteEntities,
  apiFindActions,
  apiInvokeAction,
  getCurrentUser,
  attachmentCheck,
  attachmentAttach,
]
