/**
 * 登录 store: who is signed in, and what stands between the clerk and the
 * page — the first-run setup, the sign-in screen, or the overlay that asks
 * for the password again (screen locked, or session ended). The overlay sits
 * above the still-mounted page, so nothing typed there is lost; API calls
 * refused meanwhile wait here and are sent again once the password is given.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, errorMessage, type SessionGuard } from '../api/client'
import { ApiError } from '../../shared/api/errors'
import type { AuthStatus, SignedInStaff } from '../../shared/api/auth'
import type { MethodInput } from '../../shared/api/contract'

/** loading: asking core; failed: core unreachable; setup/signIn: the gate screens; ready: the app. */
export type AuthPhase = 'loading' | 'failed' | 'setup' | 'signIn' | 'ready'
/** locked: same session, password to unlock; ended: the session is gone, sign in again as the same person. */
export type SessionOverlay = 'locked' | 'ended'

export const useAuthStore = defineStore('auth', () => {
  const phase = ref<AuthPhase>('loading')
  const loadError = ref('')
  const staff = ref<SignedInStaff | null>(null)
  const idleLockMinutes = ref(15)
  const overlay = ref<SessionOverlay | null>(null)
  const isAdmin = computed(() => staff.value?.role === 'admin')
  /** Calls held while the overlay is up: resolved true to send them again, false to give up. */
  let waiters: ((again: boolean) => void)[] = []

  function release(again: boolean): void {
    const pending = waiters
    waiters = []
    for (const resolve of pending) resolve(again)
  }

  function waitForPassword(): Promise<boolean> {
    return new Promise((resolve) => waiters.push(resolve))
  }

  function apply(status: AuthStatus): void {
    idleLockMinutes.value = status.idleLockMinutes
    if (status.staff) {
      staff.value = status.staff
      phase.value = 'ready'
      if (status.locked && !overlay.value) overlay.value = 'locked'
    } else {
      phase.value = status.setupNeeded ? 'setup' : 'signIn'
    }
  }

  async function start(): Promise<void> {
    phase.value = 'loading'
    loadError.value = ''
    try {
      apply(await api.auth.status({}))
    } catch (err) {
      loadError.value = errorMessage(err)
      phase.value = 'failed'
    }
  }

  async function setup(input: MethodInput<'auth.setup'>): Promise<void> {
    const answer = await api.auth.setup(input)
    staff.value = answer.staff
    phase.value = 'ready'
  }

  async function signIn(input: MethodInput<'auth.signIn'>): Promise<void> {
    const answer = await api.auth.signIn(input)
    staff.value = answer.staff
    phase.value = 'ready'
  }

  /**
   * Ends the session and starts the app afresh. A full reload (at 工作台) is
   * the one sure way that nothing the last person opened — lists, revealed
   * numbers, half-typed forms — stays in memory for the next one.
   */
  async function signOut(): Promise<void> {
    try {
      await api.auth.signOut({})
    } catch {
      // Already ended (or unreachable): nothing of the session is left to end here.
    }
    release(false)
    window.history.replaceState(null, '', '#/')
    window.location.reload()
  }

  /** Hides the screen at once, then tells core, so the session is locked even for another tab. */
  async function lock(): Promise<void> {
    if (overlay.value || phase.value !== 'ready') return
    overlay.value = 'locked'
    try {
      await api.auth.lock({})
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') overlay.value = 'ended'
    }
  }

  function afterPassword(status: Pick<AuthStatus, 'idleLockMinutes'> | null): void {
    if (status) idleLockMinutes.value = status.idleLockMinutes
    overlay.value = null
    release(true)
  }

  /** Throws the ApiError for the overlay to show; switches to “sign in again” if the session is gone. */
  async function unlock(password: string): Promise<void> {
    try {
      afterPassword(await api.auth.unlock({ password }))
    } catch (err) {
      // Five wrong passwords end the session (and lock the account): from here on only signing in helps.
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
        const status = await api.auth.status({}).catch(() => null)
        if (status && !status.staff) overlay.value = 'ended'
      }
      throw err
    }
  }

  /** Signs in again as the same person after the session ended; the page underneath carries on. */
  async function resume(password: string): Promise<void> {
    if (!staff.value) throw new ApiError('UNAUTHENTICATED', '请先登录')
    const answer = await api.auth.signIn({ login: staff.value.login, password })
    staff.value = answer.staff
    afterPassword(null)
    // A fresh session is unlocked; pick up the lock setting it runs under.
    const status = await api.auth.status({}).catch(() => null)
    if (status) idleLockMinutes.value = status.idleLockMinutes
  }

  /**
   * Called while the clerk is active (at most once a minute): keeps the
   * session's idle clock in core in step with the screen, and notices a
   * session locked or ended elsewhere (another tab, an administrator).
   */
  async function heartbeat(): Promise<void> {
    if (phase.value !== 'ready' || overlay.value) return
    const status = await api.auth.status({}).catch(() => null)
    if (!status || overlay.value) return
    idleLockMinutes.value = status.idleLockMinutes
    if (!status.staff) overlay.value = 'ended'
    else {
      // A renamed account or a changed role shows at once (core decides what is allowed either way).
      staff.value = status.staff
      if (status.locked) overlay.value = 'locked'
    }
  }

  const guard: SessionGuard = {
    locked() {
      overlay.value ??= 'locked'
      return waitForPassword()
    },
    ended() {
      overlay.value = 'ended'
      return waitForPassword()
    },
  }

  return {
    phase,
    loadError,
    staff,
    idleLockMinutes,
    overlay,
    isAdmin,
    guard,
    start,
    setup,
    signIn,
    signOut,
    lock,
    unlock,
    resume,
    heartbeat,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAuthStore, import.meta.hot))
