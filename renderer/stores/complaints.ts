/**
 * 诉求办理 store: one page of the list with its filters and sort, plus the
 * category tree and units every picker on these screens needs (few, loaded
 * whole and kept so dialogs open without a round trip).
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { api } from '../api/client'
import type { Complaint } from '../../shared/api/complaints'
import type { Category, Unit } from '../../shared/api/intakeSettings'
import { defaultFilters, filterInput, type ComplaintFilters } from './complaintFilters'

export { defaultFilters, filterInput } from './complaintFilters'
export type { ComplaintFilters, ComplaintSort, SortOrder } from './complaintFilters'

export const useComplaintsStore = defineStore('complaints', () => {
  const items = ref<Complaint[]>([])
  const total = ref(0)
  /** The server stopped counting at `total` (more matches than that). */
  const totalCapped = ref(false)
  const page = ref(1)
  const pageSize = ref(20)
  const loading = ref(false)
  const filters = reactive<ComplaintFilters>(defaultFilters())

  const categories = ref<Category[]>([])
  const units = ref<Unit[]>([])

  // A slow answer to an older filter must not overwrite the newer one.
  let requestSeq = 0

  async function load(): Promise<void> {
    const seq = ++requestSeq
    loading.value = true
    try {
      const result = await api.complaints.list({
        ...filterInput(filters),
        page: page.value,
        pageSize: pageSize.value,
      })
      if (seq !== requestSeq) return
      items.value = result.items
      total.value = result.total
      totalCapped.value = result.totalCapped
    } finally {
      if (seq === requestSeq) loading.value = false
    }
  }

  function resetFilters(): void {
    Object.assign(filters, defaultFilters())
    page.value = 1
  }

  async function exportXlsx() {
    return api.complaints.exportXlsx(filterInput(filters))
  }

  async function loadOptions(): Promise<void> {
    const [c, u] = await Promise.all([api.intake.listCategories({}), api.intake.listUnits({})])
    categories.value = c
    units.value = u
  }

  return {
    items,
    total,
    totalCapped,
    page,
    pageSize,
    loading,
    filters,
    categories,
    units,
    load,
    resetFilters,
    exportXlsx,
    loadOptions,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useComplaintsStore, import.meta.hot))
