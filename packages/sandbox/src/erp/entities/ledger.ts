// General ledger basics: main accounts and general journals.
import type { ErpEntity } from '../model.js'
import { date, dec, enumField, str } from './fields.js'

/** Main accounts belong to a chart of accounts shared by legal entities, so the entity is global. */
export const mainAccounts: ErpEntity = {
  name: 'MainAccount',
  entitySet: 'MainAccounts',
  label: 'Main accounts',
  companySpecific: false,
  keys: ['ChartOfAccounts', 'MainAccountId'],
  fields: [
    str('ChartOfAccounts', 60, 'Chart of accounts', { mandatory: true }),
    str('MainAccountId', 20, 'Main account', { mandatory: true }),
    str('Name', 60, 'Name', { mandatory: true }),
    enumField('MainAccountType', 'DimensionLedgerAccountType', 'Main account type'),
    str('MainAccountCategory', 30, 'Main account category'),
    enumField('IsSuspended', 'NoYes', 'Suspended'),
  ],
}

export const ledgerJournalHeaders: ErpEntity = {
  name: 'LedgerJournalHeader',
  entitySet: 'LedgerJournalHeaders',
  label: 'General journals',
  companySpecific: true,
  // JournalBatchNumber comes from the number sequence (GJ-nnnnnn) when a create leaves it out
  keys: ['JournalBatchNumber'],
  fields: [
    str('JournalBatchNumber', 20, 'Journal batch number'),
    str('JournalName', 10, 'Name', { mandatory: true }),
    str('Description', 60, 'Description'),
    enumField('JournalType', 'LedgerJournalType', 'Journal type'),
    enumField('IsPosted', 'NoYes', 'Posted', { readOnly: true }),
    date('PostedDate', 'Posted on', { readOnly: true }),
    str('PostedByUserId', 20, 'Posted by', { readOnly: true }),
  ],
  navigation: [
    {
      name: 'LedgerJournalLines',
      target: 'LedgerJournalLines',
      on: { JournalBatchNumber: 'JournalBatchNumber' },
      many: true,
    },
  ],
  actions: [
    {
      name: 'PostJournal',
      description: 'Posts the journal when its lines balance (debits equal credits); returns the posted voucher range.',
      boundTo: 'entity',
      parameters: [],
      returns: 'String',
    },
    {
      name: 'ValidateJournal',
      description:
        'Checks the journal without posting; returns the difference between debits and credits (0 when balanced).',
      boundTo: 'entity',
      parameters: [],
      returns: 'Decimal',
    },
  ],
}

export const ledgerJournalLines: ErpEntity = {
  name: 'LedgerJournalLine',
  entitySet: 'LedgerJournalLines',
  label: 'General journal lines',
  companySpecific: true,
  keys: ['JournalBatchNumber', 'LineNumber'],
  fields: [
    str('JournalBatchNumber', 20, 'Journal batch number', { mandatory: true }),
    dec('LineNumber', 'Line number'),
    str('Voucher', 20, 'Voucher'),
    date('TransDate', 'Date', { mandatory: true }),
    enumField('AccountType', 'LedgerJournalACType', 'Account type'),
    str('AccountDisplayValue', 500, 'Account', { mandatory: true }),
    enumField('OffsetAccountType', 'LedgerJournalACType', 'Offset account type'),
    str('OffsetAccountDisplayValue', 500, 'Offset account'),
    str('Text', 60, 'Description'),
    dec('DebitAmount', 'Debit'),
    dec('CreditAmount', 'Credit'),
    str('CurrencyCode', 3, 'Currency'),
  ],
  navigation: [
    {
      name: 'LedgerJournalHeader',
      target: 'LedgerJournalHeaders',
      on: { JournalBatchNumber: 'JournalBatchNumber' },
      many: false,
    },
  ],
}
