/**
 * The steps of a case (mediation.act) in words, and the statuses each may be
 * taken from. Core refuses a step from any other status with `refusalOf`;
 * the case page offers only the steps `canTake` allows.
 */
import type { MediationActInput } from '../api/mediation'
import { mediationStatusLabels, type MediationStatus } from './labels'

export type MediationAction = MediationActInput['action']

export const mediationActionLabels: Record<MediationAction, string> = {
  accept: '受理',
  reject: '不予受理',
  notify_rights: '权利义务告知',
  extend: '延长调解期限',
  conclude_written: '达成书面协议',
  conclude_oral: '达成口头协议',
  conclude_failed: '调解不成',
  terminate: '终止调解',
  judicial: '司法确认',
  close: '立卷结案',
}

const outcomeFrom: MediationStatus[] = ['accepted']

export const actionFrom: Record<MediationAction, readonly MediationStatus[]> = {
  accept: ['registered'],
  reject: ['registered'],
  notify_rights: ['accepted'],
  extend: ['accepted'],
  conclude_written: outcomeFrom,
  conclude_oral: outcomeFrom,
  conclude_failed: outcomeFrom,
  terminate: outcomeFrom,
  judicial: ['concluded', 'closed'],
  close: ['concluded'],
}

export function canTake(action: MediationAction, status: MediationStatus): boolean {
  return actionFrom[action].includes(status)
}

export function refusalOf(action: MediationAction, status: MediationStatus): string {
  if (status === 'closed') return '案件已结案归档，不能修改'
  return `案件当前为“${mediationStatusLabels[status]}”，不能${mediationActionLabels[action]}`
}
