// Global (cross-company) entities: legal entities, users, workers.
import type { ErpEntity } from '../model.js'
import { enumField, str } from './fields.js'

export const legalEntities: ErpEntity = {
  name: 'LegalEntity',
  entitySet: 'LegalEntities',
  label: 'Legal entities',
  companySpecific: false,
  keys: ['LegalEntityId'],
  fields: [
    str('LegalEntityId', 4, 'Company', { mandatory: true }),
    str('Name', 100, 'Name', { mandatory: true }),
    str('AccountingCurrency', 3, 'Accounting currency', { readOnly: true }),
    str('AddressCountryRegionId', 10, 'Country/region'),
    str('AddressCity', 60, 'City'),
    str('AddressStreet', 250, 'Street'),
    str('TimeZone', 60, 'Time zone'),
  ],
  readOnly: true,
}

export const systemUsers: ErpEntity = {
  name: 'SystemUser',
  entitySet: 'SystemUsers',
  label: 'Users',
  companySpecific: false,
  keys: ['UserID'],
  fields: [
    str('UserID', 20, 'User ID', { mandatory: true }),
    str('UserName', 80, 'User name', { mandatory: true }),
    str('Email', 100, 'Email'),
    str('Alias', 80, 'Alias'),
    str('NetworkDomain', 255, 'Provider'),
    // Entra object id of the user (F&O keeps it on UserInfo); how a token maps to a user here
    str('ObjectId', 36, 'Object ID', { readOnly: true }),
    str('Company', 4, 'Company'),
    str('Language', 7, 'Language'),
    enumField('Enabled', 'NoYes', 'Enabled'),
  ],
}

export const workers: ErpEntity = {
  name: 'Worker',
  entitySet: 'Workers',
  label: 'Workers',
  companySpecific: false,
  keys: ['PersonnelNumber'],
  fields: [
    str('PersonnelNumber', 25, 'Personnel number', { mandatory: true }),
    str('Name', 100, 'Name', { mandatory: true }),
    str('FirstName', 25, 'First name'),
    str('LastName', 25, 'Last name'),
    enumField('WorkerType', 'HcmWorkerType', 'Worker type'),
    str('PrimaryContactEmail', 255, 'Email'),
    str('PrimaryContactPhone', 255, 'Phone'),
    str('Title', 60, 'Title'),
    str('EmploymentLegalEntityId', 4, 'Legal entity'),
  ],
}
