/**
 * Whether the search dialog is open, shared by the dialog, the button in the
 * side bar and the Ctrl+K shortcut (one dialog for the whole app).
 */
import { ref } from 'vue'

export const searchOpen = ref(false)

export function openSearch(): void {
  searchOpen.value = true
}

/** Macs say ⌘K; everything else Ctrl K (the desk's PCs run Windows). */
export const shortcutLabel =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘ K' : 'Ctrl K'

/** Ctrl+K or Cmd+K, without Alt or Shift (those stay free for other uses). */
export function isSearchShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k'
}

/** The DOM id of the n-th result (aria-activedescendant on the search box points at it). */
export function optionId(listboxId: string, index: number): string {
  return `${listboxId}-opt-${index}`
}
