/**
 * Sending one change of a convention from a dialog or a tab: checked first
 * with the contract's schema (errors at their fields), then sent with the
 * version the page was loaded at. A refusal from core lands at its field
 * when the form shows that field, otherwise above the form — with 刷新 when
 * someone else saved first (CONFLICT). What was typed always stays, so after
 * 刷新 the same form is sent again with the new version.
 */
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { ZodType } from 'zod'
import { ApiError } from '../../../shared/api/errors'
import type { ConventionDetail } from '../../../shared/api/conventions'
import { errorMessage } from '../../api/client'
import { useFieldErrors } from '../../composables/useFieldErrors'

export function useConventionSubmit(done: (detail: ConventionDetail) => void) {
  const { errors, check, clear } = useFieldErrors()
  const saving = ref(false)
  const formError = ref('')
  const conflict = ref(false)

  function reset(): void {
    clear()
    formError.value = ''
    conflict.value = false
  }

  /**
   * `fields`: the input fields the form shows (a field matches itself and
   * anything under it: 'articles' covers 'articles.3.text'); others go above the form.
   */
  async function submit<I>(
    schema: ZodType,
    input: I,
    call: (input: I) => Promise<ConventionDetail>,
    success: string | ((detail: ConventionDetail) => string),
    fields: readonly string[],
  ): Promise<ConventionDetail | null> {
    formError.value = ''
    conflict.value = false
    if (!check(schema, input)) return null
    saving.value = true
    try {
      const detail = await call(input)
      ElMessage.success(typeof success === 'function' ? success(detail) : success)
      done(detail)
      return detail
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined
      if (field && fields.some((f) => field === f || field.startsWith(`${f}.`))) errors[field] = errorMessage(err)
      else {
        formError.value = errorMessage(err)
        conflict.value = err instanceof ApiError && err.code === 'CONFLICT'
      }
      return null
    } finally {
      saving.value = false
    }
  }

  return { errors, saving, formError, conflict, reset, submit }
}
