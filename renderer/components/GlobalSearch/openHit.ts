/**
 * Where a search hit leads. Every kind with its own page goes there; a visit
 * has no page of its own, so it opens the 来访记录 list narrowed to its
 * number (one row, with its 诉求 and receipt); a person opens the side panel
 * (PersonPanel) with their visits and open 诉求, since no person page exists.
 */
import { useRoute, useRouter } from 'vue-router'
import { api } from '../../api/client'
import { useVisitsStore } from '../../stores/visits'
import type { SearchHit, SearchKind } from '../../../shared/api/search'

const pages: Partial<Record<SearchKind, (id: number) => string>> = {
  complaint: (id) => `/complaints/${id}`,
  mediation: (id) => `/mediation/${id}`,
  convention: (id) => `/conventions/${id}`,
  notice: (id) => `/notices/${id}`,
}

export function useOpenHit(showPerson: (id: number) => void) {
  const router = useRouter()
  const route = useRoute()
  const visits = useVisitsStore()

  /** The visits list showing exactly this number (the list's search matches a visit number whole). */
  async function showVisitNumber(number: string): Promise<void> {
    visits.filters.query = number
    visits.filters.dates = null
    visits.filters.channel = undefined
    visits.filters.outcome = undefined
    visits.page = 1
    // Already on the list: it does not watch the store, so load the narrowed page here.
    if (route.path === '/visits') await visits.load()
    else await router.push('/visits')
  }

  /** Throws ApiError (Chinese message) when the record cannot be read. */
  async function open(hit: SearchHit): Promise<void> {
    if (hit.kind === 'person') return showPerson(hit.id)
    if (hit.kind === 'visit') {
      const visit = await api.visits.get({ id: hit.id })
      return showVisitNumber(visit.number)
    }
    const page = pages[hit.kind]
    if (page) await router.push(page(hit.id))
  }

  return { open, showVisitNumber }
}
