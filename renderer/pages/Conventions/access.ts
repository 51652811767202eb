/**
 * Who may change conventions. Core decides (and refuses) anyway; the screens
 * only hide the buttons a 领导查询 account could not use.
 */
import { computed } from 'vue'
import { useAuthStore } from '../../stores/auth'
import { roleHas } from '../../../shared/api/methods'

export function useConventionWrite() {
  const auth = useAuthStore()
  const mayWrite = computed(() => (auth.staff ? roleHas(auth.staff.role, 'conventions.write') : false))
  return { mayWrite }
}
