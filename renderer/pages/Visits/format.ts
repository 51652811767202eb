/** Display helpers shared by the visit list, the form and the visitor panel. */
import {
  complaintKindLabels,
  complaintStatusLabels,
  visitChannelLabels,
  visitOutcomeLabels,
} from '../../../shared/intake/labels'

const pad = (n: number) => String(n).padStart(2, '0')

/** An instant as the desk reads it: local `2026-03-01 09:05`. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function formatDate(iso: string): string {
  return formatDateTime(iso).slice(0, 10)
}

/** Label lookups that tolerate codes the renderer does not know yet (history rows carry plain strings). */
function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code
}

export const channelLabel = (code: string) => labelOf(visitChannelLabels, code)
export const outcomeLabel = (code: string) => labelOf(visitOutcomeLabels, code)
export const kindLabel = (code: string) => labelOf(complaintKindLabels, code)
export const statusLabel = (code: string) => labelOf(complaintStatusLabels, code)

export const matchedByLabels: Record<string, string> = {
  phone: '电话',
  idNumber: '身份证号',
  name: '姓名',
  pinyin: '拼音',
}
