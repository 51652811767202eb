/**
 * 来访登记 store: one page of the visit list with its filters, and the
 * lookups the form needs (category tree, compounds), loaded once per session.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { api } from '../api/client'
import type { SaveVisitInput, Visit, visitSorts } from '../../shared/api/visits'
import type { Category } from '../../shared/api/intakeSettings'
import type { VisitChannel, VisitOutcome } from '../../shared/intake/labels'

type VisitSort = (typeof visitSorts)[number]

export interface CompoundChoice {
  id: number
  name: string
  communityName: string
}

export const useVisitsStore = defineStore('visits', () => {
  const items = ref<Visit[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const loading = ref(false)
  const filters = reactive({
    query: '',
    /** [from, to] as YYYY-MM-DD, or null for all dates. */
    dates: null as [string, string] | null,
    channel: undefined as VisitChannel | undefined,
    outcome: undefined as VisitOutcome | undefined,
    /** Server-side order: the newest first by default. */
    sort: 'visitedAt' as VisitSort,
    order: 'desc' as 'asc' | 'desc',
  })

  const categories = ref<Category[]>([])
  const compounds = ref<CompoundChoice[]>([])
  let lookupsLoaded = false

  async function load(): Promise<void> {
    loading.value = true
    try {
      const result = await api.visits.list({
        query: filters.query,
        channel: filters.channel,
        outcome: filters.outcome,
        dateFrom: filters.dates?.[0],
        dateTo: filters.dates?.[1],
        sort: filters.sort,
        order: filters.order,
        page: page.value,
        pageSize: pageSize.value,
      })
      items.value = result.items
      total.value = result.total
    } finally {
      loading.value = false
    }
  }

  async function loadCompounds(): Promise<CompoundChoice[]> {
    const all: CompoundChoice[] = []
    for (let p = 1; ; p++) {
      const result = await api.places.listCompounds({ page: p, pageSize: 200 })
      all.push(...result.items.map((c) => ({ id: c.id, name: c.name, communityName: c.communityName })))
      if (p * result.pageSize >= result.total) break
    }
    return all
  }

  /** Categories and compounds for the form's pickers; reloaded only when asked (after settings change). */
  async function loadLookups(force = false): Promise<void> {
    if (lookupsLoaded && !force) return
    const [cats, comps] = await Promise.all([api.intake.listCategories({ includeArchived: false }), loadCompounds()])
    categories.value = cats
    compounds.value = comps
    lookupsLoaded = true
  }

  async function create(input: SaveVisitInput): Promise<Visit> {
    const saved = await api.visits.create(input)
    // The list shows the newest first; the next visit to it should include this one.
    page.value = 1
    return saved
  }

  return { items, total, page, pageSize, loading, filters, categories, compounds, load, loadLookups, create }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useVisitsStore, import.meta.hot))
