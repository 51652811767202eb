/**
 * Sending one change of a case from a dialog: checked first with the
 * contract's schema (errors at their fields), then sent; a refusal from core
 * lands at its field when the dialog shows that field, otherwise above the
 * form — with 刷新 when another mediator saved first (CONFLICT). What was
 * typed always stays, so after 刷新 the same form is sent again with the new
 * version.
 */
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { ZodType } from 'zod'
import { ApiError } from '../../../shared/api/errors'
import type { MediationCaseDetail } from '../../../shared/api/mediation'
import { errorMessage } from '../../api/client'
import { useFieldErrors } from '../../composables/useFieldErrors'

/**
 * Someone else saved first (the case's version, or a session record's):
 * 刷新 helps. Other CONFLICTs are steps not allowed now, which 刷新 cannot fix.
 */
export function isStale(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    err.code === 'CONFLICT' &&
    (err.field === 'version' || err.message.includes('已被他人修改'))
  )
}

export function useCaseSubmit(done: (detail: MediationCaseDetail) => void) {
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
   * `fields`: the input fields the dialog shows (a field matches itself and
   * anything under it, 'terms' covers 'terms.0.way'); others go above the form.
   */
  async function submit<I>(
    schema: ZodType,
    input: I,
    call: (input: I) => Promise<MediationCaseDetail>,
    success: string,
    fields: readonly string[],
  ): Promise<MediationCaseDetail | null> {
    formError.value = ''
    conflict.value = false
    if (!check(schema, input)) return null
    saving.value = true
    try {
      const detail = await call(input)
      ElMessage.success(success)
      done(detail)
      return detail
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined
      if (field && fields.some((f) => field === f || field.startsWith(`${f}.`))) errors[field] = errorMessage(err)
      else {
        formError.value = errorMessage(err)
        conflict.value = isStale(err)
      }
      return null
    } finally {
      saving.value = false
    }
  }

  return { errors, saving, formError, conflict, reset, submit }
}
