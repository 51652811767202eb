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
import type { ClockState, ComplaintKind, ComplaintStatus } from '../../shared/intake/labels'

export type ComplaintSort = 'receivedAt' | 'dueDate' | 'number'
export type SortOrder = 'asc' | 'desc'

export interface ComplaintFilters {
  query: string
  status: ComplaintStatus[]
  kind: ComplaintKind | undefined
  categoryId: number | undefined
  communityId: number | undefined
  compoundId: number | undefined
  unitId: number | undefined
  assignee: string
  dateFrom: string | undefined
  dateTo: string | undefined
  clock: ClockState | undefined
  sort: ComplaintSort
  order: SortOrder
}

export function defaultFilters(): ComplaintFilters {
  return {
    query: '',
    status: [],
    kind: undefined,
    categoryId: undefined,
    communityId: undefined,
    compoundId: undefined,
    unitId: undefined,
    assignee: '',
    dateFrom: undefined,
    dateTo: undefined,
    clock: undefined,
    sort: 'receivedAt',
    order: 'desc',
  }
}

/** The filter as the API takes it: empty texts left out so they do not filter. */
export function filterInput(f: ComplaintFilters) {
  return {
    query: f.query.trim() || undefined,
    status: [...f.status],
    kind: f.kind,
    categoryId: f.categoryId,
    communityId: f.communityId,
    compoundId: f.compoundId,
    unitId: f.unitId,
    assignee: f.assignee.trim() || undefined,
    dateFrom: f.dateFrom,
    dateTo: f.dateTo,
    clock: f.clock,
    sort: f.sort,
    order: f.order,
  }
}

export const useComplaintsStore = defineStore('complaints', () => {
  const items = ref<Complaint[]>([])
  const total = ref(0)
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
