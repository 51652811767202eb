/**
 * The one error shape that crosses every transport (IPC and HTTP).
 * `message` is Chinese and tells the user what to fix; it never carries a
 * stack trace or SQL. `field` names the input field at fault, so forms can
 * show the message right next to it.
 */
export const errorCodes = [
  'VALIDATION',
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  /** The session is locked (idle or 锁定): unlock with the password; the screen keeps its input. */
  'LOCKED',
  'TOO_MANY_REQUESTS',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
  /** The database is damaged: core runs in recovery mode and only recovery.* answers (shared/api/backup.ts). */
  'RECOVERY',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  field?: string
}

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly field: string | undefined

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }

  toBody(): ApiErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field }
  }
}

/** HTTP status for each code; IPC carries the code itself. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  LOCKED: 423,
  TOO_MANY_REQUESTS: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  RECOVERY: 503,
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.code === 'string' && (errorCodes as readonly string[]).includes(v.code) && typeof v.message === 'string'
  )
}
