// Dynamics 365 Customer Service tables: cases, queues and queue items.
import {
  ACTIVE_INACTIVE,
  bool,
  customer,
  dateTime,
  defineTable,
  int,
  lookup,
  memo,
  opts,
  picklist,
  type StateModel,
  str,
} from '../builders.js'
import { DEFAULT_VALUE } from '../options.js'

export const INCIDENT_STATE: StateModel = {
  states: [
    [0, 'Active'],
    [1, 'Resolved'],
    [2, 'Canceled'],
  ],
  statuses: [
    [1, 'In Progress', 0],
    [2, 'On Hold', 0],
    [3, 'Waiting for Details', 0],
    [4, 'Researching', 0],
    [5, 'Problem Solved', 1],
    [1000, 'Information Provided', 1],
    [6, 'Canceled', 2],
    [2000, 'Merged', 2],
  ],
}

export const incident = defineTable({
  logicalName: 'incident',
  entitySetName: 'incidents',
  schemaName: 'Incident',
  displayName: 'Case',
  displayCollectionName: 'Cases',
  description: 'Service request case associated with a contract.',
  primaryIdAttribute: 'incidentid',
  primaryNameAttribute: 'title',
  ownershipType: 'UserOwned',
  searchEnabled: true,
  state: INCIDENT_STATE,
  attributes: [
    str('title', 'Case Title', 200, { requiredLevel: 'ApplicationRequired' }),
    str('ticketnumber', 'Case Number', 100, { isValidForUpdate: false }),
    memo('description', 'Description', 2000),
    customer('customerid', 'Customer', { requiredLevel: 'SystemRequired' }),
    lookup('primarycontactid', 'Contact', ['contact']),
    lookup('productid', 'Product', ['product']),
    lookup('parentcaseid', 'Parent Case', ['incident']),
    picklist(
      'prioritycode',
      'Priority',
      opts([
        [1, 'High'],
        [2, 'Normal'],
        [3, 'Low'],
      ]),
    ),
    picklist(
      'caseorigincode',
      'Origin',
      opts([
        [1, 'Phone'],
        [2, 'Email'],
        [3, 'Web'],
        [2483, 'Facebook'],
        [3986, 'Twitter'],
        [700610000, 'IoT'],
      ]),
    ),
    picklist(
      'casetypecode',
      'Case Type',
      opts([
        [1, 'Question'],
        [2, 'Problem'],
        [3, 'Request'],
      ]),
    ),
    picklist('severitycode', 'Severity', DEFAULT_VALUE),
    picklist(
      'customersatisfactioncode',
      'Satisfaction',
      opts([
        [5, 'Very Satisfied'],
        [4, 'Satisfied'],
        [3, 'Neutral'],
        [2, 'Dissatisfied'],
        [1, 'Very Dissatisfied'],
      ]),
    ),
    bool('firstresponsesent', 'First Response Sent'),
    bool('isescalated', 'Is Escalated'),
    dateTime('escalatedon', 'Escalated On'),
    dateTime('followupby', 'Follow Up By'),
    dateTime('resolveby', 'Resolve By'),
    dateTime('responseby', 'First Response By'),
    int('numberofchildincidents', 'Child Cases', 0, 2147483647, { isValidForCreate: false, isValidForUpdate: false }),
  ],
})

export const queue = defineTable({
  logicalName: 'queue',
  entitySetName: 'queues',
  schemaName: 'Queue',
  displayName: 'Queue',
  displayCollectionName: 'Queues',
  description: 'A list of records that require action, such as accounts, activities, and cases.',
  primaryIdAttribute: 'queueid',
  primaryNameAttribute: 'name',
  ownershipType: 'UserOwned',
  state: ACTIVE_INACTIVE,
  attributes: [
    str('name', 'Queue Name', 200, { requiredLevel: 'SystemRequired' }),
    memo('description', 'Description', 2000),
    str('emailaddress', 'Incoming Email', 100),
    picklist(
      'queueviewtype',
      'Type',
      opts([
        [0, 'Public'],
        [1, 'Private'],
      ]),
    ),
    picklist('queuetypecode', 'Queue Type', opts([[1, 'Default Value']])),
  ],
})

export const queueitem = defineTable({
  logicalName: 'queueitem',
  entitySetName: 'queueitems',
  schemaName: 'QueueItem',
  displayName: 'Queue Item',
  displayCollectionName: 'Queue Items',
  description: 'A specific item in a queue, such as a case record or an activity record.',
  primaryIdAttribute: 'queueitemid',
  primaryNameAttribute: 'title',
  ownershipType: 'OrganizationOwned',
  state: ACTIVE_INACTIVE,
  attributes: [
    str('title', 'Title', 300, { isValidForCreate: false, isValidForUpdate: false }),
    lookup('queueid', 'Queue', ['queue'], { requiredLevel: 'SystemRequired' }),
    lookup('objectid', 'Object', ['incident', 'email', 'phonecall', 'task', 'appointment'], {
      requiredLevel: 'SystemRequired',
    }),
    lookup('workerid', 'Worked By', ['systemuser', 'team']),
    dateTime('enteredon', 'Entered Queue', { isValidForCreate: false, isValidForUpdate: false }),
    dateTime('workeridmodifiedon', 'Worked On', { isValidForCreate: false, isValidForUpdate: false }),
  ],
})

export const serviceTables = [incident, queue, queueitem]
