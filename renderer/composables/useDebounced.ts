/**
 * Run `fn` once typing pauses for `ms`, not on every keystroke; a pending run
 * is dropped when the component goes away.
 */
import { onBeforeUnmount } from 'vue'

export function useDebounced(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  onBeforeUnmount(() => clearTimeout(timer))
  return () => {
    clearTimeout(timer)
    timer = setTimeout(fn, ms)
  }
}
