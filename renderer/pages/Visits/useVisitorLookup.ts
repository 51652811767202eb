/**
 * Finding the visitor from the 来访登记 form: what the clerk types into
 * 联系电话, 姓名 or 身份证号 searches the registry (until a person is chosen),
 * the arrow keys walk the matches, Enter on a highlighted match chooses it
 * (instead of saving) and Esc closes the list (instead of cancelling).
 * 不是此人 undoes a choice but keeps what was typed to search.
 */
import { computed } from 'vue'
import { ElMessage } from 'element-plus'
import { emptyPerson, fillPerson, type VisitForm } from './visitForm'
import { usePersonSearch, type SearchField } from './usePersonSearch'
import { forgetErrorsUnder, type FieldErrors } from './visitFormErrors'

export function useVisitorLookup(form: VisitForm, errors: FieldErrors, focusPhone: () => void) {
  const search = usePersonSearch()
  const chosen = computed(() => form.person.id !== undefined)

  function onSearchInput(field: SearchField, value: string): void {
    if (chosen.value) return
    search.typed(field, value)
  }

  function onSearchKey(e: KeyboardEvent): void {
    if (chosen.value || e.isComposing) return
    const hasMatches = search.matches.value.length > 0
    if (e.key === 'ArrowDown' && hasMatches) {
      e.preventDefault()
      search.move(1)
    } else if (e.key === 'ArrowUp' && hasMatches) {
      e.preventDefault()
      search.move(-1)
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && search.highlighted.value >= 0) {
      // Enter on a highlighted match chooses it instead of saving.
      e.preventDefault()
      e.stopPropagation()
      void choose(search.highlighted.value)
    } else if (e.key === 'Escape' && hasMatches) {
      e.stopPropagation()
      search.clear()
    }
  }

  async function choose(index: number): Promise<void> {
    const match = search.matches.value[index]
    if (!match) return
    search.settle()
    const history =
      search.history.value?.person.id === match.id ? search.history.value : await search.loadHistory(match.id)
    if (!history) {
      ElMessage.error(search.error.value || '未能读取该来访人的信息，请重试')
      return
    }
    // Phone and ID number stay as typed: the stored ones are only shown masked and are kept when left empty.
    fillPerson(form.person, history.person)
    forgetErrorsUnder(errors, 'person.')
  }

  /** 不是此人: keep what the clerk typed to search, drop everything that came from the registry. */
  function unlink(): void {
    const { phone, idNumber } = form.person
    Object.assign(form.person, emptyPerson(), { phone, idNumber })
    search.clear()
    focusPhone()
  }

  return { search, chosen, onSearchInput, onSearchKey, choose, unlink }
}
