/**
 * Auto-lock: after the configured minutes without keyboard, mouse or touch
 * input, lock the screen. One timer aimed at the deadline (re-aimed when it
 * fires early because input came meanwhile), so input events only write a
 * timestamp. While the clerk is active, a heartbeat at most once a minute
 * keeps core's own idle clock for the session in step with the screen.
 */
import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useAuthStore } from '../../stores/auth'

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const
const HEARTBEAT_MS = 60_000

export function useIdleLock(): void {
  const auth = useAuthStore()
  let lastInput = Date.now()
  let lastBeat = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const idleMs = () => Math.max(1, auth.idleLockMinutes) * 60_000

  function aim(ms: number): void {
    clearTimeout(timer)
    timer = setTimeout(check, ms)
  }

  function check(): void {
    const elapsed = Date.now() - lastInput
    if (auth.phase !== 'ready' || auth.overlay || elapsed < idleMs()) {
      aim(Math.max(1000, idleMs() - elapsed))
      return
    }
    void auth.lock()
    aim(idleMs())
  }

  function onInput(): void {
    const now = Date.now()
    lastInput = now
    if (now - lastBeat >= HEARTBEAT_MS && !auth.overlay) {
      lastBeat = now
      void auth.heartbeat()
    }
  }

  onMounted(() => {
    for (const name of activityEvents) window.addEventListener(name, onInput, { capture: true, passive: true })
    lastBeat = Date.now()
    aim(idleMs())
  })
  onBeforeUnmount(() => {
    for (const name of activityEvents) window.removeEventListener(name, onInput, { capture: true })
    clearTimeout(timer)
  })
  // A shorter setting (saved by an administrator) takes effect now, not at the old deadline.
  watch(
    () => auth.idleLockMinutes,
    () => check(),
  )
}
