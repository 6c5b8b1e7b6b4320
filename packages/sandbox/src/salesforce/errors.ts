// Salesforce REST errors: an array of { message, errorCode, fields } with the status Salesforce uses.

export class SalesforceError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message)
  }

  toBody(): Array<{ message: string; errorCode: string; fields?: string[] }> {
    return [
      { message: this.message, errorCode: this.errorCode, ...(this.fields.length ? { fields: this.fields } : {}) },
    ]
  }
}

export const sfErrors = {
  invalidSession: () => new SalesforceError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'),
  notFound: (what = 'The requested resource does not exist') => new SalesforceError(404, 'NOT_FOUND', what),
  entityDeleted: () => new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted'),
  methodNotAllowed: (method: string, allowed: string[]) =>
    new SalesforceError(
      405,
      'METHOD_NOT_ALLOWED',
      `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
    ),
  malformedId: (objectName: string, field: string, value: string) =>
    new SalesforceError(400, 'MALFORMED_ID', `${objectName} ID: id value of incorrect type: ${value}`, [field]),
  invalidField: (message: string, fields: string[] = []) => new SalesforceError(400, 'INVALID_FIELD', message, fields),
  noSuchColumn: (field: string, objectName: string) =>
    new SalesforceError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${objectName}`, [field]),
  notWritable: (fields: string[], op: 'create' | 'update') =>
    new SalesforceError(
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to ${op}/${op === 'create' ? 'update' : 'create'} fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      fields,
    ),
  requiredMissing: (fields: string[]) =>
    new SalesforceError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields),
  badValue: (field: string, message: string) => new SalesforceError(400, 'JSON_PARSER_ERROR', message, [field]),
  restrictedPicklist: (field: string, value: string) =>
    new SalesforceError(
      400,
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field}: bad value for restricted picklist field: ${value}`,
      [field],
    ),
  tooLong: (field: string, length: number, value: string) =>
    new SalesforceError(
      400,
      'STRING_TOO_LONG',
      `${field}: data value too large: ${value.slice(0, 40)}${value.length > 40 ? '...' : ''} (max length=${length})`,
      [field],
    ),
  crossReference: (field: string) =>
    new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field]),
  duplicateValue: (field: string, id: string) =>
    new SalesforceError(
      400,
      'DUPLICATE_VALUE',
      `duplicate value found: ${field} duplicates value on record with id: ${id}`,
      [field],
    ),
  badJson: (why: string) => new SalesforceError(400, 'JSON_PARSER_ERROR', why),
  malformedQuery: (message: string) => new SalesforceError(400, 'MALFORMED_QUERY', message),
  invalidQueryLocator: () => new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator'),
}
