// Knowledge articles (Customer Service knowledge management) and the custom ideal customer
// profile table that lead qualification scores leads against.
import {
  ACTIVE_INACTIVE,
  bool,
  dateTime,
  decimal,
  defineTable,
  int,
  memo,
  opts,
  picklist,
  readOnly,
  type StateModel,
  str,
} from '../builders.js'

export const KNOWLEDGEARTICLE_STATE: StateModel = {
  states: [
    [0, 'Draft'],
    [1, 'Approved'],
    [2, 'Scheduled'],
    [3, 'Published'],
    [4, 'Expired'],
    [5, 'Archived'],
    [6, 'Discarded'],
  ],
  statuses: [
    [2, 'Draft', 0],
    [1, 'Proposed', 0],
    [3, 'Needs review', 0],
    [4, 'In review', 0],
    [5, 'Approved', 1],
    [6, 'Scheduled', 2],
    [7, 'Published', 3],
    [8, 'Needs review', 3],
    [9, 'Updating', 3],
    [10, 'Expired', 4],
    [11, 'Rejected', 4],
    [12, 'Archived', 5],
    [13, 'Discarded', 6],
    [14, 'Rejected', 6],
  ],
}

export const knowledgearticle = defineTable({
  logicalName: 'knowledgearticle',
  entitySetName: 'knowledgearticles',
  schemaName: 'KnowledgeArticle',
  displayName: 'Knowledge Article',
  displayCollectionName: 'Knowledge Articles',
  description: 'Organizational knowledge for internal and external use.',
  primaryIdAttribute: 'knowledgearticleid',
  primaryNameAttribute: 'title',
  ownershipType: 'UserOwned',
  searchEnabled: true,
  state: KNOWLEDGEARTICLE_STATE,
  attributes: [
    str('title', 'Title', 500, { requiredLevel: 'ApplicationRequired' }),
    memo('content', 'Content', 1073741823),
    str('description', 'Description', 155),
    memo('keywords', 'Keywords', 4000, { requiredLevel: 'Recommended' }),
    str('articlepublicnumber', 'Article Public Number', 4000, {
      requiredLevel: 'SystemRequired',
      isValidForUpdate: false,
    }),
    int('majorversionnumber', 'Major Version Number', 0, 2147483647),
    int('minorversionnumber', 'Minor Version Number', 0, 2147483647),
    bool('isinternal', 'Internal'),
    bool('islatestversion', 'Latest Version', readOnly),
    bool('isprimary', 'Is Primary', readOnly),
    bool('isrootarticle', 'Is Root Article', readOnly),
    dateTime('publishon', 'Publish On'),
    dateTime('expirationdate', 'Expiration Date'),
    int('knowledgearticleviews', 'Views', 0, 2147483647, readOnly),
    decimal('rating', 'Rating', 2, readOnly),
  ],
})

const ICP_OPERATORS = opts([
  [100000000, 'Equals'],
  [100000001, 'In'],
  [100000002, 'Between'],
  [100000003, 'Greater Than or Equal'],
  [100000004, 'Less Than or Equal'],
])

/** A custom table (publisher prefix bizmcp): one row per criterion of the ideal customer profile. */
export const idealcustomerprofile = defineTable({
  logicalName: 'bizmcp_idealcustomerprofile',
  entitySetName: 'bizmcp_idealcustomerprofiles',
  schemaName: 'bizmcp_IdealCustomerProfile',
  displayName: 'Ideal Customer Profile Criterion',
  displayCollectionName: 'Ideal Customer Profile Criteria',
  description: 'A weighted criterion of the ideal customer profile that leads are qualified against.',
  primaryIdAttribute: 'bizmcp_idealcustomerprofileid',
  primaryNameAttribute: 'bizmcp_name',
  ownershipType: 'OrganizationOwned',
  isCustomEntity: true,
  state: ACTIVE_INACTIVE,
  attributes: [
    str('bizmcp_name', 'Name', 100, { requiredLevel: 'ApplicationRequired', isCustomAttribute: true }),
    str('bizmcp_profile', 'Profile', 100, { isCustomAttribute: true }),
    str('bizmcp_attribute', 'Lead Column', 100, { requiredLevel: 'ApplicationRequired', isCustomAttribute: true }),
    picklist('bizmcp_operator', 'Operator', ICP_OPERATORS, {
      requiredLevel: 'ApplicationRequired',
      isCustomAttribute: true,
    }),
    str('bizmcp_value', 'Value', 500, { requiredLevel: 'ApplicationRequired', isCustomAttribute: true }),
    int('bizmcp_weight', 'Weight', 0, 100, { requiredLevel: 'ApplicationRequired', isCustomAttribute: true }),
    memo('bizmcp_description', 'Description', 2000, { isCustomAttribute: true }),
  ],
})

export const knowledgeTables = [knowledgearticle, idealcustomerprofile]
