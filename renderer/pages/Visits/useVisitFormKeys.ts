/**
 * The 来访登记 form's keyboard: Enter saves (except in multi-line boxes and on
 * buttons), Ctrl+Enter saves and opens the receipt, Ctrl+S saves, Esc cancels.
 * Listens on the window for as long as the page is mounted.
 */
import { onBeforeUnmount, onMounted, type Ref } from 'vue'

export interface VisitFormKeyActions {
  /** The form column: only keys typed inside it save. */
  formEl: Ref<HTMLElement | null>
  /** True while a confirmation box is open: its own buttons take the keys. */
  paused: () => boolean
  /** True once the visit is saved: only Esc (back to the list) still applies. */
  done: () => boolean
  save: (print: boolean) => void
  cancel: () => void
}

export function useVisitFormKeys(actions: VisitFormKeyActions): void {
  const { formEl, paused, done, save, cancel } = actions

  function isClosedSelect(target: EventTarget | null): boolean {
    if (!(target instanceof HTMLElement) || !formEl.value?.contains(target)) return false
    return target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') === 'false'
  }

  /** Ctrl+Enter and Ctrl+S are caught before any field (selects swallow Enter otherwise). */
  function onKeyCapture(e: KeyboardEvent): void {
    if (paused() || done() || e.isComposing) return
    const ctrl = e.ctrlKey || e.metaKey
    if (ctrl && e.key === 'Enter') {
      e.preventDefault()
      e.stopPropagation()
      save(true)
    } else if (ctrl && e.key.toLowerCase() === 's') {
      e.preventDefault()
      e.stopPropagation()
      save(false)
    } else if (e.key === 'Enter' && !ctrl && !e.altKey && !e.shiftKey && isClosedSelect(e.target)) {
      // A closed dropdown would only reopen on Enter; like any other field, Enter there saves.
      e.preventDefault()
      e.stopPropagation()
      save(false)
    }
  }

  /** Plain Enter and Esc, after fields had their say (an open dropdown keeps its own Enter and Esc). */
  function onKey(e: KeyboardEvent): void {
    if (paused() || e.isComposing || e.keyCode === 229) return
    if (e.key === 'Escape') {
      e.preventDefault()
      cancel()
      return
    }
    if (e.key !== 'Enter' || done() || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return
    const target = e.target as HTMLElement | null
    if (!target || !formEl.value?.contains(target)) return
    if (target instanceof HTMLTextAreaElement || target.closest('button, a, [role=button]')) return
    e.preventDefault()
    save(false)
  }

  onMounted(() => {
    window.addEventListener('keydown', onKeyCapture, true)
    window.addEventListener('keydown', onKey)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeyCapture, true)
    window.removeEventListener('keydown', onKey)
  })
}
