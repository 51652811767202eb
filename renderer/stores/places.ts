/** 基础信息 store: communities (few, loaded whole) and one page of compounds at a time. */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { api } from '../api/client'
import type { Community, Compound, SaveCommunityInput, SaveCompoundInput } from '../../shared/api/places'
import type { CompoundKind, ManagementKind } from '../../shared/labels'

export interface CompoundFilters {
  query: string
  communityId: number | undefined
  kind: CompoundKind | undefined
  management: ManagementKind | undefined
  includeArchived: boolean
}

export const usePlacesStore = defineStore('places', () => {
  const communities = ref<Community[]>([])
  const communityQuery = ref('')
  const showArchivedCommunities = ref(false)
  const loadingCommunities = ref(false)

  const compounds = ref<Compound[]>([])
  const compoundTotal = ref(0)
  const compoundPage = ref(1)
  const compoundPageSize = ref(20)
  const loadingCompounds = ref(false)
  const compoundFilters = reactive<CompoundFilters>({
    query: '',
    communityId: undefined,
    kind: undefined,
    management: undefined,
    includeArchived: false,
  })

  /** Active communities for pickers (archived ones are hidden). */
  const pickerCommunities = ref<Community[]>([])

  async function loadCommunities(): Promise<void> {
    loadingCommunities.value = true
    try {
      communities.value = await api.places.listCommunities({
        query: communityQuery.value,
        includeArchived: showArchivedCommunities.value,
      })
    } finally {
      loadingCommunities.value = false
    }
  }

  async function loadPickerCommunities(): Promise<void> {
    pickerCommunities.value = await api.places.listCommunities({ includeArchived: false })
  }

  async function loadCompounds(): Promise<void> {
    loadingCompounds.value = true
    try {
      const page = await api.places.listCompounds({
        query: compoundFilters.query,
        communityId: compoundFilters.communityId,
        kind: compoundFilters.kind,
        management: compoundFilters.management,
        includeArchived: compoundFilters.includeArchived,
        page: compoundPage.value,
        pageSize: compoundPageSize.value,
      })
      compounds.value = page.items
      compoundTotal.value = page.total
    } finally {
      loadingCompounds.value = false
    }
  }

  async function saveCommunity(input: SaveCommunityInput): Promise<Community> {
    const saved = await api.places.saveCommunity(input)
    await Promise.all([loadCommunities(), loadPickerCommunities()])
    return saved
  }

  async function archiveCommunity(id: number, archived: boolean): Promise<Community> {
    const saved = await api.places.archiveCommunity({ id, archived })
    await Promise.all([loadCommunities(), loadPickerCommunities()])
    return saved
  }

  async function saveCompound(input: SaveCompoundInput): Promise<Compound> {
    const saved = await api.places.saveCompound(input)
    await Promise.all([loadCompounds(), loadCommunities()])
    return saved
  }

  async function archiveCompound(id: number, archived: boolean): Promise<Compound> {
    const saved = await api.places.archiveCompound({ id, archived })
    await Promise.all([loadCompounds(), loadCommunities()])
    return saved
  }

  return {
    communities,
    communityQuery,
    showArchivedCommunities,
    loadingCommunities,
    pickerCommunities,
    compounds,
    compoundTotal,
    compoundPage,
    compoundPageSize,
    compoundFilters,
    loadingCompounds,
    loadCommunities,
    loadPickerCommunities,
    loadCompounds,
    saveCommunity,
    archiveCommunity,
    saveCompound,
    archiveCompound,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlacesStore, import.meta.hot))
