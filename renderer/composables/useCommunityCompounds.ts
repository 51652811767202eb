/** The active compounds of one community, for pickers (paged through, never a whole table). */
import { ref } from 'vue'
import { api } from '../api/client'

export interface CompoundOption {
  id: number
  name: string
}

export function useCommunityCompounds() {
  const options = ref<CompoundOption[]>([])
  const loading = ref(false)

  async function load(communityId: number | undefined): Promise<void> {
    options.value = []
    if (!communityId) return
    loading.value = true
    try {
      const all: CompoundOption[] = []
      for (let page = 1; ; page++) {
        const result = await api.places.listCompounds({ communityId, page, pageSize: 200 })
        all.push(...result.items.map((c) => ({ id: c.id, name: c.name })))
        if (page * result.pageSize >= result.total) break
      }
      options.value = all
    } finally {
      loading.value = false
    }
  }

  return { options, loading, load }
}
