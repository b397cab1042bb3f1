// Error responses. The control plane uses the `Failure` schema (`{errors:[{id,status,code,title,detail,source}]}`);
// the Metrics API uses its own lighter `ErrorResponse` (`{errors:[{id?,status?,code?,detail}]}`).
// Handlers throw ApiError and the server renders it for the surface the route belongs to.

export interface FailureSource {
  pointer?: string;
  parameter?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly source?: FailureSource,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

export function badRequest(detail: string, parameter?: string, code = 'invalid_filter'): ApiError {
  return new ApiError(400, code, code === 'invalid_filter' ? 'Invalid Filter' : 'Bad Request', detail,
    parameter === undefined ? undefined : { parameter });
}

export function invalidBody(detail: string): ApiError {
  return new ApiError(400, 'bad_request', 'Bad Request', detail);
}

export function validationFailed(pointer: string, detail: string): ApiError {
  return new ApiError(422, 'invalid_configuration', 'Validation Failed', detail, { pointer });
}

export function notFound(detail: string): ApiError {
  return new ApiError(404, 'resource_not_found', 'Not Found', detail);
}

export function conflict(detail: string, location: string): ApiError {
  return new ApiError(409, 'resource_already_exists', 'Resource Already exists', detail, undefined, { Location: location });
}

export function forbidden(detail: string): ApiError {
  return new ApiError(403, 'user_unauthorized', 'User Access Unauthorized', detail);
}

export function unauthenticated(): ApiError {
  return new ApiError(401, 'user_unauthenticated', 'Authentication Required',
    'Valid authentication credentials must be provided', undefined,
    { 'WWW-Authenticate': 'Basic error="invalid_key", error_description="The API Key is invalid"' });
}

export function methodNotAllowed(allowed: string[]): ApiError {
  return new ApiError(405, 'method_not_allowed', 'Method Not Allowed', 'The method is not allowed for this resource',
    undefined, { Allow: allowed.join(', ') });
}

export function serverError(detail = 'Oops, something went wrong'): ApiError {
  return new ApiError(500, 'internal_server_error', 'Internal Server Error', detail);
}

export function failureBody(error: ApiError, requestId: string): unknown {
  return {
    errors: [{
      id: requestId,
      status: String(error.status),
      code: error.code,
      title: error.title,
      detail: error.detail,
      ...(error.source === undefined ? {} : { source: error.source }),
    }],
  };
}

export function metricsFailureBody(error: ApiError, requestId: string): unknown {
  return { errors: [{ id: requestId, status: String(error.status), code: error.code, detail: error.detail }] };
}
