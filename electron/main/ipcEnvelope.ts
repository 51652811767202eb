/**
 * Turns one renderer request into the IpcResult envelope: refuse senders that
 * are not the app's own page, pass ApiErrors through as their body, and hide
 * every other failure behind one Chinese message (the details go to the log,
 * never to the renderer). No `electron` import: unit-tested under plain Node.
 */
import { ApiError, type ApiErrorBody } from '../../shared/api/errors'
import type { IpcResult } from '../../shared/api/ipc'
import { isAppSenderFrame, type AppPage } from './senderPolicy'

export const FORBIDDEN_SENDER: ApiErrorBody = { code: 'FORBIDDEN', message: '只接受本应用页面发出的请求' }
export const INTERNAL_FAILURE: ApiErrorBody = {
  code: 'INTERNAL',
  message: '系统内部错误，操作未完成。请重试；如仍失败请联系管理员',
}

export interface IpcRequest {
  /** `event.senderFrame` of the invoke. */
  sender: { readonly url: string } | null | undefined
  page: AppPage
  /** Runs the method in core; called only for an accepted sender. */
  run: () => Promise<unknown>
  log?: (err: unknown) => void
}

export async function handleIpcRequest(request: IpcRequest): Promise<IpcResult<unknown>> {
  if (!isAppSenderFrame(request.sender, request.page)) return { ok: false, error: FORBIDDEN_SENDER }
  try {
    return { ok: true, data: await request.run() }
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toBody() }
    const log = request.log ?? console.error
    log(err)
    return { ok: false, error: INTERNAL_FAILURE }
  }
}
