/**
 * The dialog's search state: the query, the filter chips and the answer.
 * Typing is debounced (150 ms) and only the latest request's answer is
 * shown: every request takes a ticket, and an answer whose ticket is no
 * longer the newest (the clerk kept typing, or cleared the box) is dropped,
 * so a slow early answer can never overwrite a later one.
 */
import { computed, reactive, ref, watch } from 'vue'
import { api, errorMessage } from '../../api/client'
import type { SearchGroup, SearchHit, SearchKind, SearchResult } from '../../../shared/api/search'
import { useDebounced } from '../../composables/useDebounced'
import { chipsToInput, noChips } from './searchFilters'

/** Hits per group at first; 显示全部 asks for up to this many of one kind. */
export const firstLimit = 8
export const expandedLimit = 50
const debounceMs = 150

export function useSearch() {
  const query = ref('')
  const chips = reactive(noChips())
  const result = ref<SearchResult | null>(null)
  /** The text the shown answer was asked for (as sent; core may normalise its own echo). */
  const answered = ref('')
  const loading = ref(false)
  const error = ref('')
  /** Kinds whose group was widened with 显示全部 (reset by every new search). */
  const expanded = ref<SearchKind[]>([])
  const expanding = ref<SearchKind | null>(null)
  let ticket = 0

  const trimmed = computed(() => query.value.trim())

  async function run(): Promise<void> {
    const mine = ++ticket
    const text = trimmed.value
    if (!text) {
      result.value = null
      answered.value = ''
      error.value = ''
      loading.value = false
      return
    }
    loading.value = true
    try {
      const answer = await api.search.query({ query: text, ...chipsToInput(chips), limit: firstLimit })
      if (mine !== ticket) return
      result.value = answer
      answered.value = text
      expanded.value = []
      error.value = ''
    } catch (err) {
      if (mine !== ticket) return
      error.value = errorMessage(err)
    } finally {
      if (mine === ticket) loading.value = false
    }
  }

  const debounced = useDebounced(() => void run(), debounceMs)

  watch(query, () => {
    if (!trimmed.value) {
      // Clearing the box answers at once and voids anything still on its way.
      void run()
      return
    }
    // An answer still on its way is for older text now: void it at once, not only when the pause ends.
    ticket++
    loading.value = true
    debounced()
  })
  watch(chips, () => {
    if (trimmed.value) void run()
  })

  /** 显示全部: this kind only, with a larger limit; dropped if the search changed meanwhile. */
  async function expand(kind: SearchKind): Promise<void> {
    const mine = ticket
    const text = trimmed.value
    if (!text || !result.value) return
    expanding.value = kind
    try {
      const answer = await api.search.query({
        query: text,
        ...chipsToInput(chips),
        kinds: [kind],
        limit: expandedLimit,
      })
      if (mine !== ticket || !result.value) return
      const wider = answer.groups.find((g) => g.kind === kind)
      if (wider) {
        result.value = {
          ...result.value,
          groups: result.value.groups.map((g) => (g.kind === kind ? wider : g)),
        }
      }
      expanded.value = [...expanded.value, kind]
    } catch (err) {
      if (mine === ticket) error.value = errorMessage(err)
    } finally {
      expanding.value = null
    }
  }

  const groups = computed<SearchGroup[]>(() => result.value?.groups ?? [])
  /** Every hit in display order: ↑/↓ walk this list across the groups. */
  const flat = computed<SearchHit[]>(() => groups.value.flatMap((g) => g.hits))

  return { query, chips, result, answered, loading, error, expanded, expanding, groups, flat, trimmed, run, expand }
}
