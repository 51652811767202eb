/** Turning a schema failure into the one error shape, for the API door and for services that re-check. */
import { ApiError } from '../../shared/api/errors'
import type { z } from '../../shared/api/zod'

/** The first schema problem, as one Chinese sentence and the field it belongs to. */
export function validationError(error: z.ZodError): ApiError {
  const issue = error.issues[0]
  if (!issue) return new ApiError('VALIDATION', '提交的内容不正确，请检查后重试')
  const field = issue.path.map(String).join('.')
  // Our own messages already name the field; zod's defaults do not, so add the path.
  const custom = /[\u4e00-\u9fff]/.test(issue.message) && !issue.message.startsWith('无效')
  const message = custom || !field ? issue.message : `字段 ${field}：${issue.message}`
  return new ApiError('VALIDATION', message, field || undefined)
}
