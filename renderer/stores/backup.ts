/**
 * 数据备份 store: the backup status and list for the administrator's page,
 * the 立即备份 job with its progress, and the recovery state the whole app
 * switches to when core says the database is damaged (error code RECOVERY).
 *
 * Progress comes from polling `backup.status` while a backup runs: the
 * create call itself only answers when the backup is written and checked.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api/client'
import type { BackupEntry, BackupSettings, BackupStatus, RecoveryStatus, RestoreResult } from '../../shared/api/backup'
import type { MethodInput, MethodOutput } from '../../shared/api/contract'

/** Often enough for a moving bar, rarely enough not to load core while it copies. */
const pollMs = 500

export const useBackupStore = defineStore('backup', () => {
  const status = ref<BackupStatus | null>(null)
  const backups = ref<BackupEntry[]>([])
  const settings = ref<BackupSettings | null>(null)
  const listLoading = ref(false)
  /** 立即备份 was pressed here and has not answered yet. */
  const creating = ref(false)
  const running = computed(() => creating.value || status.value?.running != null)

  /** Set once core says it is in recovery mode: the app shows the recovery screen instead of everything else. */
  const recovery = ref<RecoveryStatus | null>(null)
  const recoveryActive = computed(() => recovery.value?.active === true)
  /** The boot-time question is still open; the app waits rather than flash another screen. */
  const recoveryChecking = ref(false)

  let timer: ReturnType<typeof setTimeout> | null = null
  let polling = false

  async function loadStatus(): Promise<BackupStatus> {
    status.value = await api.backup.status({})
    return status.value
  }

  async function loadList(): Promise<BackupEntry[]> {
    listLoading.value = true
    try {
      backups.value = await api.backup.list({})
      return backups.value
    } finally {
      listLoading.value = false
    }
  }

  async function loadSettings(): Promise<BackupSettings> {
    settings.value = await api.backup.getSettings({})
    return settings.value
  }

  /** Polls the status while a backup runs (ours or an automatic one); refreshes the list when it ends. */
  function startPolling(): void {
    if (polling) return
    polling = true
    const tick = async (): Promise<void> => {
      const wasRunning = status.value?.running != null
      try {
        await loadStatus()
      } catch {
        // A missed poll is harmless; the next one (or the create call's answer) tells.
      }
      if (!polling) return
      const stillRunning = creating.value || status.value?.running != null
      if (wasRunning && !stillRunning) void loadList().catch(() => undefined)
      if (stillRunning) timer = setTimeout(() => void tick(), pollMs)
      else polling = false
    }
    void tick()
  }

  function stopPolling(): void {
    polling = false
    if (timer) clearTimeout(timer)
    timer = null
  }

  /** 立即备份: answers with the new backup once written and verified; the status is polled meanwhile. */
  async function create(): Promise<BackupEntry> {
    creating.value = true
    startPolling()
    try {
      return await api.backup.create({})
    } finally {
      creating.value = false
      stopPolling()
      await Promise.all([loadStatus(), loadList()]).catch(() => undefined)
    }
  }

  async function verify(id: string): Promise<MethodOutput<'backup.verify'>> {
    try {
      return await api.backup.verify({ id })
    } finally {
      await loadList().catch(() => undefined)
    }
  }

  /** Every session ends with a restore: stop polling first so no call stumbles on the ended session. */
  async function restore(id: string): Promise<RestoreResult> {
    stopPolling()
    return api.backup.restore({ id })
  }

  async function saveSettings(input: MethodInput<'backup.saveSettings'>): Promise<BackupSettings> {
    settings.value = await api.backup.saveSettings(input)
    await loadStatus().catch(() => undefined)
    return settings.value
  }

  /** Asks core whether it runs in recovery mode (at boot, and whenever a call answers RECOVERY). */
  async function checkRecovery(): Promise<boolean> {
    recoveryChecking.value = true
    try {
      recovery.value = await api.recovery.status({})
    } catch {
      // Core unreachable: the sign-in gate reports that in its own words.
    } finally {
      recoveryChecking.value = false
    }
    return recoveryActive.value
  }

  async function restoreLatest(): Promise<RestoreResult> {
    return api.recovery.restoreLatest({})
  }

  return {
    status,
    backups,
    settings,
    listLoading,
    creating,
    running,
    recovery,
    recoveryActive,
    recoveryChecking,
    loadStatus,
    loadList,
    loadSettings,
    startPolling,
    stopPolling,
    create,
    verify,
    restore,
    saveSettings,
    checkRecovery,
    restoreLatest,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBackupStore, import.meta.hot))
