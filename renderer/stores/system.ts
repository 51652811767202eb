/** 系统 store: who is signed in, where data lives, and the first-run demo choice. */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api/client'
import type { SystemInfo } from '../../shared/api/system'

export const useSystemStore = defineStore('system', () => {
  const info = ref<SystemInfo | null>(null)

  async function load(): Promise<SystemInfo> {
    info.value = await api.system.info({})
    return info.value
  }

  async function loadDemo(): Promise<{ communities: number; compounds: number }> {
    const loaded = await api.system.loadDemo({})
    await load()
    return loaded
  }

  return { info, load, loadDemo }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSystemStore, import.meta.hot))
