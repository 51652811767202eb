/**
 * What crosses the Electron bridge. Errors thrown in an IPC handler lose their
 * shape on the way, so handlers return an envelope and the renderer's API
 * client turns `{ ok: false }` back into an ApiError.
 */
import type { ApiErrorBody } from './errors'
import type { Domain, MethodInput, MethodName } from './contract'

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }

/** `window.api` as the preload exposes it: one function per contract method. */
export type IpcBridge = {
  [D in Domain]: {
    [M in MethodName as M extends `${D}.${infer V}` ? V : never]: (input: MethodInput<M>) => Promise<IpcResult<unknown>>
  }
}
