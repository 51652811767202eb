/**
 * The notice editor's form state and its conversions: from a saved notice,
 * to the API's input, and to a Notice-shaped object the preview can render
 * before anything is saved.
 */
import type { Notice, SaveNoticeInput } from '../../../shared/api/notices'
import type { NoticeAudience, NoticeStatus } from '../../../shared/labels'

export interface EditableBlock {
  type: 'paragraph' | 'item'
  text: string
  bold: boolean
}

export interface NoticeForm {
  id: number | undefined
  version: number | undefined
  status: NoticeStatus
  communityId: number | undefined
  title: string
  docNumber: string
  audience: NoticeAudience
  compoundIds: number[]
  body: EditableBlock[]
  attachmentsNote: string
  issuerName: string
  issuedOn: string
  contact: string
  postingLocation: string
}

export function todayIso(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function emptyForm(): NoticeForm {
  return {
    id: undefined,
    version: undefined,
    status: 'draft',
    communityId: undefined,
    title: '',
    docNumber: '',
    audience: 'community',
    compoundIds: [],
    body: [{ type: 'paragraph', text: '', bold: false }],
    attachmentsNote: '',
    issuerName: '',
    issuedOn: todayIso(),
    contact: '',
    postingLocation: '',
  }
}

export function formFromNotice(n: Notice): NoticeForm {
  return {
    id: n.id,
    version: n.version,
    status: n.status,
    communityId: n.communityId,
    title: n.title,
    docNumber: n.docNumber,
    audience: n.audience,
    compoundIds: n.compounds.map((c) => c.id),
    body: n.body.map((b) => ({ ...b })),
    attachmentsNote: n.attachmentsNote ?? '',
    issuerName: n.issuerName,
    issuedOn: n.issuedOn,
    contact: n.contact ?? '',
    postingLocation: n.postingLocation ?? '',
  }
}

export function inputFromForm(f: NoticeForm): SaveNoticeInput {
  return {
    id: f.id,
    version: f.version,
    communityId: f.communityId ?? 0,
    title: f.title,
    docNumber: f.docNumber,
    audience: f.audience,
    compoundIds: f.audience === 'compounds' ? f.compoundIds : [],
    body: f.body.map((b) => ({ ...b })),
    attachmentsNote: f.attachmentsNote,
    issuerName: f.issuerName,
    issuedOn: f.issuedOn ?? '',
    contact: f.contact,
    postingLocation: f.postingLocation,
  }
}

/** What the preview renders while editing: the form as if it were saved. */
export function previewNotice(
  f: NoticeForm,
  communityName: string,
  compoundNames: Map<number, string>,
  suggestedDocNumber: string,
): Notice {
  return {
    id: f.id ?? 0,
    communityId: f.communityId ?? 0,
    communityName,
    title: f.title || '（标题）',
    docNumber: f.docNumber || suggestedDocNumber,
    audience: f.audience,
    compounds: f.audience === 'compounds' ? f.compoundIds.map((id) => ({ id, name: compoundNames.get(id) ?? '' })) : [],
    body: f.body.map((b) => ({ ...b })),
    attachmentsNote: f.attachmentsNote || null,
    issuerName: f.issuerName || '（发文单位）',
    issuedOn: /^\d{4}-\d{2}-\d{2}$/.test(f.issuedOn) ? f.issuedOn : todayIso(),
    contact: f.contact || null,
    postingLocation: f.postingLocation || null,
    status: f.status,
    publishedAt: null,
    archivedAt: null,
    createdAt: '',
    updatedAt: '',
    version: f.version ?? 1,
  }
}
