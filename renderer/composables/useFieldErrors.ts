/**
 * Puts each error next to the field it belongs to: first from the shared
 * schema before anything is sent, then from the API's `field` if core refuses.
 * Errors without a field become a notification, never a stack trace.
 */
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import type { ZodType } from 'zod'
import { ApiError } from '../../shared/api/errors'
import { errorMessage } from '../api/client'

export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({})

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key]
  }

  /** Validate with the contract's schema; returns the parsed value or null after showing errors. */
  function check<S extends ZodType>(schema: S, value: unknown): boolean {
    clear()
    const result = schema.safeParse(value)
    if (result.success) return true
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.') || '_'
      errors[key] ??= issue.message
    }
    const first = result.error.issues[0]
    if (first && first.path.length === 0) ElMessage.error(first.message)
    return false
  }

  /** Show an API error at its field if the form has one, else as a message. */
  function show(err: unknown): void {
    if (err instanceof ApiError && err.field) {
      errors[err.field] = err.message
    }
    ElMessage({ type: 'error', message: errorMessage(err), duration: 6000, showClose: true })
  }

  return { errors, clear, check, show }
}
