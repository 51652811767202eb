/**
 * IPC wiring: one `ipcMain.handle` per contract method, named exactly like the
 * method, so the preload can expose nothing but the contract. Each call is
 * checked against the sender and wrapped in the IpcResult envelope by
 * ipcEnvelope.ts; core does validation and authorization.
 * See https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
import { ipcMain } from 'electron'
import { methodNames } from '../../shared/api/methods'
import type { Core } from '../core/app'
import { handleIpcRequest } from './ipcEnvelope'
import type { AppPage } from './senderPolicy'
import { createSessionHolder } from './sessionHolder'

export function registerIpc(core: Pick<Core, 'call' | 'contextFor'>, page: AppPage): void {
  // The desktop app has one signed-in user at a time; its window and its print windows share the session.
  const session = createSessionHolder()
  for (const name of methodNames) {
    ipcMain.handle(name, (event, input: unknown) =>
      handleIpcRequest({
        sender: event.senderFrame,
        page,
        run: () => session.run(name, async (token) => core.call(await core.contextFor(token), name, input)),
      }),
    )
  }
}
