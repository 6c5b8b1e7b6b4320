// Activity tables (email, task, phone call, appointment, case resolution, opportunity close) and
// notes. Activities share the activitypointer columns; regardingobjectid is polymorphic.
import {
  bool,
  dateTime,
  defineTable,
  entityName,
  int,
  lookup,
  memo,
  money,
  picklist,
  readOnly,
  type StateModel,
  str,
  type TableSpec,
} from '../builders.js'
import { ACTIVITY_PRIORITY } from '../options.js'
import type { AttributeDefinition, TableDefinition } from '../types.js'

/** the records the seed hangs activities on; the product allows many more */
export const REGARDING_TARGETS = ['account', 'contact', 'lead', 'opportunity', 'incident']

const OPEN_COMPLETED_CANCELED: StateModel['states'] = [
  [0, 'Open'],
  [1, 'Completed'],
  [2, 'Canceled'],
]

export const EMAIL_STATE: StateModel = {
  states: OPEN_COMPLETED_CANCELED,
  statuses: [
    [1, 'Draft', 0],
    [8, 'Failed', 0],
    [2, 'Completed', 1],
    [3, 'Sent', 1],
    [4, 'Received', 1],
    [6, 'Pending Send', 1],
    [7, 'Sending', 1],
    [5, 'Canceled', 2],
  ],
}

export const TASK_STATE: StateModel = {
  states: OPEN_COMPLETED_CANCELED,
  statuses: [
    [2, 'Not Started', 0],
    [3, 'In Progress', 0],
    [4, 'Waiting on someone else', 0],
    [7, 'Deferred', 0],
    [5, 'Completed', 1],
    [6, 'Canceled', 2],
  ],
}

export const PHONECALL_STATE: StateModel = {
  states: OPEN_COMPLETED_CANCELED,
  statuses: [
    [1, 'Open', 0],
    [2, 'Made', 1],
    [4, 'Received', 1],
    [3, 'Canceled', 2],
  ],
}

export const APPOINTMENT_STATE: StateModel = {
  states: [...OPEN_COMPLETED_CANCELED, [3, 'Scheduled']],
  statuses: [
    [1, 'Free', 0],
    [2, 'Tentative', 0],
    [3, 'Completed', 1],
    [4, 'Canceled', 2],
    [5, 'Busy', 3],
    [6, 'Out of Office', 3],
  ],
}

export const INCIDENTRESOLUTION_STATE: StateModel = {
  states: OPEN_COMPLETED_CANCELED,
  statuses: [
    [1, 'Open', 0],
    [2, 'Closed', 1],
    [3, 'Canceled', 2],
  ],
}

export const OPPORTUNITYCLOSE_STATE: StateModel = {
  states: OPEN_COMPLETED_CANCELED,
  statuses: [
    [1, 'Open', 0],
    [2, 'Completed', 1],
    [3, 'Canceled', 2],
  ],
}

const activityColumns = (subjectMax: number, regardingTargets: string[] | null): AttributeDefinition[] => [
  str('subject', 'Subject', subjectMax, { requiredLevel: regardingTargets ? 'ApplicationRequired' : 'None' }),
  memo('description', 'Description', 100000),
  ...(regardingTargets ? [lookup('regardingobjectid', 'Regarding', regardingTargets)] : []),
  entityName('activitytypecode', 'Activity Type', readOnly),
  picklist('prioritycode', 'Priority', ACTIVITY_PRIORITY),
  dateTime('scheduledstart', 'Start Date'),
  dateTime('scheduledend', 'Due Date'),
  dateTime('actualstart', 'Actual Start'),
  dateTime('actualend', 'Actual End'),
  int('scheduleddurationminutes', 'Scheduled Duration', 0, 2147483647),
  int('actualdurationminutes', 'Actual Duration', 0, 2147483647),
]

const activity = (
  spec: Omit<TableSpec, 'primaryIdAttribute' | 'primaryNameAttribute' | 'ownershipType' | 'isActivity'>,
  subjectMax: number,
  regardingTargets: string[] | null,
): TableDefinition =>
  defineTable({
    ...spec,
    primaryIdAttribute: 'activityid',
    primaryNameAttribute: 'subject',
    ownershipType: 'UserOwned',
    isActivity: true,
    attributes: [...activityColumns(subjectMax, regardingTargets), ...spec.attributes],
  })

export const email = activity(
  {
    logicalName: 'email',
    entitySetName: 'emails',
    schemaName: 'Email',
    displayName: 'Email',
    displayCollectionName: 'Email Messages',
    description: 'Activity that is delivered using email protocols.',
    state: EMAIL_STATE,
    attributes: [
      bool('directioncode', 'Direction'),
      str('sender', 'From', 250),
      str('torecipients', 'To Recipients', 500),
      str('messageid', 'Message ID', 320),
      str('inreplyto', 'In Reply To Message', 320),
      str('conversationindex', 'Conversation Index', 2048),
      dateTime('senton', 'Date Sent', readOnly),
      bool('isworkflowcreated', 'Is Workflow Created'),
    ],
  },
  800,
  REGARDING_TARGETS,
)

export const task = activity(
  {
    logicalName: 'task',
    entitySetName: 'tasks',
    schemaName: 'Task',
    displayName: 'Task',
    displayCollectionName: 'Tasks',
    description: 'Generic activity representing work needed to be done.',
    state: TASK_STATE,
    attributes: [int('percentcomplete', 'Percent Complete', 0, 100), str('category', 'Category', 250)],
  },
  200,
  REGARDING_TARGETS,
)

export const phonecall = activity(
  {
    logicalName: 'phonecall',
    entitySetName: 'phonecalls',
    schemaName: 'PhoneCall',
    displayName: 'Phone Call',
    displayCollectionName: 'Phone Calls',
    description: 'Activity to track a telephone call.',
    state: PHONECALL_STATE,
    attributes: [bool('directioncode', 'Direction'), str('phonenumber', 'Phone Number', 200)],
  },
  200,
  REGARDING_TARGETS,
)

export const appointment = activity(
  {
    logicalName: 'appointment',
    entitySetName: 'appointments',
    schemaName: 'Appointment',
    displayName: 'Appointment',
    displayCollectionName: 'Appointments',
    description: 'Commitment representing a time interval with start/end times and duration.',
    state: APPOINTMENT_STATE,
    attributes: [str('location', 'Location', 200), bool('isalldayevent', 'All Day Event')],
  },
  200,
  REGARDING_TARGETS,
)

export const incidentresolution = activity(
  {
    logicalName: 'incidentresolution',
    entitySetName: 'incidentresolutions',
    schemaName: 'IncidentResolution',
    displayName: 'Case Resolution',
    displayCollectionName: 'Case Resolutions',
    description:
      'Special type of activity that includes description of the resolution, billing status, and the duration of the case.',
    state: INCIDENTRESOLUTION_STATE,
    attributes: [
      lookup('incidentid', 'Case', ['incident'], { requiredLevel: 'SystemRequired' }),
      int('timespent', 'Time Spent', 0, 2147483647),
      picklist('resolutiontypecode', 'Resolution Type', [
        { value: 5, label: 'Problem Solved' },
        { value: 1000, label: 'Information Provided' },
      ]),
    ],
  },
  200,
  null,
)

export const opportunityclose = activity(
  {
    logicalName: 'opportunityclose',
    entitySetName: 'opportunitycloses',
    schemaName: 'OpportunityClose',
    displayName: 'Opportunity Close',
    displayCollectionName: 'Opportunity Close Activities',
    description:
      'Activity that is created automatically when an opportunity is closed, containing information such as the description of the closing and actual revenue.',
    state: OPPORTUNITYCLOSE_STATE,
    attributes: [
      lookup('opportunityid', 'Opportunity', ['opportunity'], { requiredLevel: 'SystemRequired' }),
      money('actualrevenue', 'Actual Revenue'),
      lookup('competitorid', 'Competitor', ['competitor']),
      lookup('transactioncurrencyid', 'Currency', ['transactioncurrency']),
    ],
  },
  200,
  null,
)

export const annotation = defineTable({
  logicalName: 'annotation',
  entitySetName: 'annotations',
  schemaName: 'Annotation',
  displayName: 'Note',
  displayCollectionName: 'Notes',
  description: 'Note that is attached to one or more objects, including other notes.',
  primaryIdAttribute: 'annotationid',
  primaryNameAttribute: 'subject',
  ownershipType: 'UserOwned',
  attributes: [
    str('subject', 'Title', 500),
    memo('notetext', 'Description', 100000),
    lookup('objectid', 'Regarding', REGARDING_TARGETS),
    entityName('objecttypecode', 'Object Type'),
    bool('isdocument', 'Is Document'),
    str('filename', 'File Name', 255),
    str('mimetype', 'Mime Type', 256),
    int('filesize', 'File Size (Bytes)', 0, 2147483647, readOnly),
  ],
})

export const activityTables = [email, task, phonecall, appointment, incidentresolution, opportunityclose, annotation]
