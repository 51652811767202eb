/**
 * 调解案件 store: one page of the case list with its filters, plus the two
 * small lookups every case screen needs (who may mediate, and the committee's
 * settings for places and the number example), loaded once and kept.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { api } from '../api/client'
import type { MediationCase, MediationOptions } from '../../shared/api/mediation'
import type { MethodOutput } from '../../shared/api/contract'
import { defaultMediationFilters, mediationFilterInput, type MediationFilters } from './mediationFilters'

export type Mediator = MethodOutput<'mediation.listMediators'>[number]

export { defaultMediationFilters, mediationFilterInput } from './mediationFilters'
export type { MediationFilters } from './mediationFilters'

export const useMediationStore = defineStore('mediation', () => {
  const items = ref<MediationCase[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const loading = ref(false)
  const filters = reactive<MediationFilters>(defaultMediationFilters())

  const mediators = ref<Mediator[]>([])
  const options = ref<MediationOptions | null>(null)

  // A slow answer to an older filter must not overwrite the newer one.
  let requestSeq = 0

  async function load(): Promise<void> {
    const seq = ++requestSeq
    loading.value = true
    try {
      const result = await api.mediation.list({
        ...mediationFilterInput(filters),
        page: page.value,
        pageSize: pageSize.value,
      })
      if (seq !== requestSeq) return
      items.value = result.items
      total.value = result.total
    } finally {
      if (seq === requestSeq) loading.value = false
    }
  }

  function resetFilters(): void {
    Object.assign(filters, defaultMediationFilters())
    page.value = 1
  }

  /** Accounts that may mediate; `force` after an administrator changed accounts. */
  async function loadMediators(force = false): Promise<Mediator[]> {
    if (force || mediators.value.length === 0) mediators.value = await api.mediation.listMediators({})
    return mediators.value
  }

  async function loadOptions(force = false): Promise<MediationOptions> {
    if (force || !options.value) options.value = await api.mediation.getOptions({})
    return options.value
  }

  async function saveOptions(input: MediationOptions): Promise<MediationOptions> {
    options.value = await api.mediation.saveOptions(input)
    return options.value
  }

  return {
    items,
    total,
    page,
    pageSize,
    loading,
    filters,
    mediators,
    options,
    load,
    resetFilters,
    loadMediators,
    loadOptions,
    saveOptions,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useMediationStore, import.meta.hot))
