// Errors shaped like OfficeExtension.Error: a `code` the add-in can switch on, a message, debugInfo.

export const ErrorCodes = {
  propertyNotLoaded: "PropertyNotLoaded",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidArgument: "InvalidArgument",
  invalidReference: "InvalidReference",
  invalidOperation: "InvalidOperation",
  generalException: "GeneralException",
  /** Excel on the web: one request (everything queued before a sync) over about 5 MB. */
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  /** Excel on the web: one response (everything loaded in a sync) over about 5 MB. */
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
} as const;

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export function notLoaded(type: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}
