/**
 * One registry search for all the parties of a case form: typing a party's
 * phone, ID number or name makes it the active party and looks the person up
 * (the 来访登记 search, debounced, newest answer wins); ↑↓ and Enter pick a
 * match, which fills that party from the registry; 不是此人 undoes it.
 */
import { computed, ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { usePersonSearch, type SearchField } from '../Visits/usePersonSearch'
import { emptyPerson, fillPerson } from '../Visits/visitForm'
import type { PartyForm } from './caseForm'

export function usePartySearch(parties: () => PartyForm[], filled: (index: number) => void) {
  const search = usePersonSearch()
  const activeKey: Ref<number | null> = ref(null)
  const activeIndex = computed(() => parties().findIndex((p) => p.key === activeKey.value))
  const active = computed(() => parties()[activeIndex.value])
  const showPanel = computed(() => search.matches.value.length > 0 || search.history.value !== null)

  function activate(key: number): void {
    if (activeKey.value === key) return
    activeKey.value = key
    search.clear()
  }

  function typed(key: number, field: SearchField, value: string): void {
    activate(key)
    search.typed(field, value)
  }

  async function choose(index: number): Promise<void> {
    const party = active.value
    const match = search.matches.value[index] ?? search.history.value?.person
    if (!party || !match) return
    search.settle()
    const history =
      search.history.value?.person.id === match.id ? search.history.value : await search.loadHistory(match.id)
    if (!history) return void ElMessage.error(search.error.value || '未能读取该人员的信息，请重试')
    fillPerson(party.person, history.person)
    filled(activeIndex.value)
  }

  function onKey(e: KeyboardEvent): void {
    if (e.isComposing || !search.matches.value.length) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      search.move(e.key === 'ArrowDown' ? 1 : -1)
    } else if (e.key === 'Enter' && search.highlighted.value >= 0) {
      e.preventDefault()
      e.stopPropagation()
      void choose(search.highlighted.value)
    } else if (e.key === 'Escape') {
      e.stopPropagation()
      search.clear()
    }
  }

  /** 不是此人: keep what was typed to search, drop what came from the registry. */
  function unlink(i: number): void {
    const party = parties()[i]
    if (!party) return
    const { phone, idNumber, name } = party.person
    Object.assign(party.person, emptyPerson(), { phone, idNumber, name })
    search.clear()
  }

  /** A removed party may have been the one searched for. */
  function removed(key: number | undefined): void {
    if (key === activeKey.value) search.clear()
  }

  return { search, activeIndex, active, showPanel, activate, typed, choose, onKey, unlink, removed }
}
