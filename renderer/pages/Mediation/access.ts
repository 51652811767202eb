/**
 * Who may change a case. Core decides (and refuses) anyway; the screens only
 * hide the buttons a caller could not use: writing needs the mediation.write
 * permission and full access to this particular case.
 */
import { computed } from 'vue'
import { useAuthStore } from '../../stores/auth'
import { roleHas } from '../../../shared/api/methods'
import type { MediationAccess } from '../../../shared/api/mediation'

export function useMediationWrite() {
  const auth = useAuthStore()
  const mayWrite = computed(() => (auth.staff ? roleHas(auth.staff.role, 'mediation.write') : false))
  function canWork(access: MediationAccess | undefined): boolean {
    return mayWrite.value && access === 'full'
  }
  return { mayWrite, canWork }
}

/** The sentence shown wherever notes are withheld. */
export const confidentialityNote = '调解笔录、协议和回访记录仅本案调解员和管理员可以查看。'
