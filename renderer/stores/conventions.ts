/**
 * 居民公约 store: one page of the registry with its filters, the coverage
 * table, and the vote rules (small, loaded once and kept so the vote dialog
 * can show the arithmetic while the counts are typed). A convention's detail
 * lives on its own page, loaded fresh each time it is opened.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { z } from 'zod'
import { api } from '../api/client'
import type { Convention, coverageRow } from '../../shared/api/conventions'
import type { ConventionStatus, VersionStage } from '../../shared/conventions/labels'
import { defaultVoteRules, type VoteRules } from '../../shared/conventions/voteRules'

export type CoverageRow = z.infer<typeof coverageRow>

export interface ConventionFilters {
  query: string
  communityId: number | undefined
  compoundId: number | undefined
  status: ConventionStatus | undefined
  stage: VersionStage | undefined
}

export function defaultConventionFilters(): ConventionFilters {
  return { query: '', communityId: undefined, compoundId: undefined, status: undefined, stage: undefined }
}

export const useConventionsStore = defineStore('conventions', () => {
  const items = ref<Convention[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const loading = ref(false)
  const filters = reactive<ConventionFilters>(defaultConventionFilters())

  const coverage = ref<CoverageRow[]>([])
  const loadingCoverage = ref(false)

  const rules = ref<VoteRules>({ ...defaultVoteRules })
  const rulesLoaded = ref(false)

  // A slow answer to an older filter must not overwrite the newer one.
  let requestSeq = 0

  async function load(): Promise<void> {
    const seq = ++requestSeq
    loading.value = true
    try {
      const result = await api.conventions.list({
        query: filters.query.trim() || undefined,
        communityId: filters.communityId,
        compoundId: filters.compoundId,
        status: filters.status,
        stage: filters.stage,
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
    Object.assign(filters, defaultConventionFilters())
    page.value = 1
  }

  async function loadCoverage(communityId?: number): Promise<void> {
    loadingCoverage.value = true
    try {
      coverage.value = await api.conventions.coverage({ communityId })
    } finally {
      loadingCoverage.value = false
    }
  }

  /** The rules in force; fetched once per session unless `force` (the settings tab re-reads them). */
  async function loadRules(force = false): Promise<VoteRules> {
    if (!rulesLoaded.value || force) {
      rules.value = await api.conventions.getRules({})
      rulesLoaded.value = true
    }
    return rules.value
  }

  async function saveRules(input: VoteRules): Promise<VoteRules> {
    rules.value = await api.conventions.saveRules(input)
    rulesLoaded.value = true
    return rules.value
  }

  return {
    items,
    total,
    page,
    pageSize,
    loading,
    filters,
    coverage,
    loadingCoverage,
    rules,
    load,
    resetFilters,
    loadCoverage,
    loadRules,
    saveRules,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useConventionsStore, import.meta.hot))
