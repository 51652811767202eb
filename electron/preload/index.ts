/**
 * The preload: exposes exactly the contract methods as `window.api` and
 * nothing else — no generic invoke, no ipcRenderer, no Node. Imports only the
 * zod-free method list so the sandboxed preload stays tiny.
 * See https://www.electronjs.org/docs/latest/tutorial/context-isolation
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcBridge } from '../../shared/api/ipc'
import { methodNames } from '../../shared/api/methods'
import { buildBridge } from './bridge'

const api = buildBridge(methodNames, (method, input) => ipcRenderer.invoke(method, input)) as unknown as IpcBridge

contextBridge.exposeInMainWorld('api', api)
