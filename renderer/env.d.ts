/// <reference types="vite/client" />
import type { IpcBridge } from '../shared/api/ipc'

declare global {
  interface Window {
    /** Present only inside the Electron window (built by the preload). */
    api?: IpcBridge
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
