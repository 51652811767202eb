/**
 * Finds the visitor in the registry while the clerk types phone, ID number
 * or name (pinyin too). Searches are debounced and only the newest answer is
 * kept, so a slow reply to "138" never replaces the one for "13812345678".
 * A full phone or ID number that matches exactly one person loads that
 * person's history at once: the repeat-visit hint should not wait for a click.
 */
import { ref, shallowRef } from 'vue'
import { api } from '../../api/client'
import type { PersonHistory, PersonMatch } from '../../../shared/api/people'
import { idNumberProblem } from '../../../shared/validation/idNumber'
import { isValidPhone, stripPhone } from '../../../shared/validation/phone'

export type SearchField = 'phone' | 'idNumber' | 'name'

const DEBOUNCE_MS = 200

/** The query to send for a field's value, or null while too little is typed to be useful. */
export function searchQuery(field: SearchField, raw: string): string | null {
  const value = raw.trim()
  if (field === 'phone') {
    const digits = stripPhone(value).replace(/-/g, '')
    return /^\d{4,}$/.test(digits) ? digits : null
  }
  if (field === 'idNumber') {
    const id = value.replace(/\s/g, '').toUpperCase()
    return id.length >= 4 ? id.slice(0, 30) : null
  }
  return value.length >= 2 ? value.slice(0, 30) : null
}

function isExactKey(field: SearchField, raw: string): boolean {
  if (field === 'phone') return isValidPhone(raw)
  if (field === 'idNumber') return idNumberProblem(raw) === null
  return false
}

export function usePersonSearch() {
  const matches = ref<PersonMatch[]>([])
  const highlighted = ref(-1)
  const searching = ref(false)
  /** History of the highlighted exact match or of the chosen person. */
  const history = shallowRef<PersonHistory | null>(null)
  const historyLoading = ref(false)
  /** Phone or ID number matched exactly one registered person. */
  const exact = ref(false)
  /** Which field produced the exact match; typing a name then does not replace it with looser matches. */
  let exactField: SearchField | null = null
  const error = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  let searchSeq = 0
  let historySeq = 0

  /** Stop pending and in-flight searches (a person was chosen); the shown history stays. */
  function settle(): void {
    clearTimeout(timer)
    searchSeq++
    searching.value = false
    matches.value = []
    highlighted.value = -1
  }

  function clear(): void {
    settle()
    historySeq++
    exact.value = false
    exactField = null
    history.value = null
    historyLoading.value = false
    error.value = ''
  }

  async function loadHistory(id: number): Promise<PersonHistory | null> {
    const mine = ++historySeq
    historyLoading.value = true
    try {
      const result = await api.people.history({ id })
      if (mine !== historySeq) return null
      history.value = result
      return result
    } catch (err) {
      if (mine === historySeq) error.value = err instanceof Error ? err.message : String(err)
      return null
    } finally {
      if (mine === historySeq) historyLoading.value = false
    }
  }

  async function run(field: SearchField, raw: string, query: string): Promise<void> {
    const mine = ++searchSeq
    searching.value = true
    try {
      const found = await api.people.search({ query, limit: 8 })
      if (mine !== searchSeq) return
      error.value = ''
      matches.value = found
      const only = found.length === 1 ? found[0] : undefined
      exact.value = only !== undefined && only.matchedBy === field && isExactKey(field, raw)
      exactField = exact.value ? field : null
      highlighted.value = exact.value ? 0 : -1
      if (exact.value && only) await loadHistory(only.id)
      else {
        historySeq++
        history.value = null
      }
    } catch (err) {
      if (mine === searchSeq) error.value = err instanceof Error ? err.message : String(err)
    } finally {
      if (mine === searchSeq) searching.value = false
    }
  }

  /** Called on every keystroke in phone, ID number or name. */
  function typed(field: SearchField, raw: string): void {
    if (exact.value && exactField !== field && field === 'name') return
    clearTimeout(timer)
    const query = searchQuery(field, raw)
    if (!query) {
      clear()
      return
    }
    timer = setTimeout(() => void run(field, raw, query), DEBOUNCE_MS)
  }

  function move(step: 1 | -1): void {
    const n = matches.value.length
    if (n === 0) return
    highlighted.value = highlighted.value < 0 ? (step === 1 ? 0 : n - 1) : (highlighted.value + step + n) % n
  }

  return { matches, highlighted, searching, history, historyLoading, error, typed, move, settle, clear, loadHistory }
}
