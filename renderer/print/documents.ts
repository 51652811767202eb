/**
 * The printable documents: for each kind (and, for notices, each layout) its
 * component, page geometry and, for intake and mediation printouts, how its
 * data is loaded. A new printout is one entry here plus its component.
 */
import type { Component } from 'vue'
import { officialA4, wallA3, type PageLayout } from '../../shared/print/geometry'
import { pageLayoutOf } from '../../shared/print/layouts'
import { printDocumentLabels, type PrintDocument } from '../../shared/print/target'
import type { PrintLayoutKind } from '../../shared/labels'
import { api } from '../api/client'
import NoticeOfficial from './NoticeOfficial.vue'
import NoticeWall from './NoticeWall.vue'
import VisitReceipt from './VisitReceipt.vue'
import ComplaintLetter from './ComplaintLetter.vue'
import ComplaintRecord from './ComplaintRecord.vue'
import { printedReceipt } from './receiptText'
import { printedLetter, type LetterKind } from './complaintLetters'
import { printedRecord } from './recordText'
import type { MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import MediationApplication from './MediationApplication.vue'
import MediationRegistration from './MediationRegistration.vue'
import MediationRights from './MediationRights.vue'
import MediationSession from './MediationSession.vue'
import MediationAgreement from './MediationAgreement.vue'
import MediationOral from './MediationOral.vue'
import MediationFollowUp from './MediationFollowUp.vue'
import MediationCover from './MediationCover.vue'
import MediationIndex from './MediationIndex.vue'
import { printedApplication } from './mediationApplication'
import { printedRegistration } from './mediationRegistration'
import { printedRights } from './mediationRights'
import { printedSessions } from './mediationSession'
import { printedAgreement } from './mediationAgreement'
import { printedOral } from './mediationOral'
import { printedFollowUps } from './mediationFollowUp'
import { printedCover, printedIndex } from './mediationFile'
import { loadConventionPrintout } from './conventionPrintouts'

export interface LayoutSpec {
  component: Component
  geometry: PageLayout
}

export const noticeLayouts: Record<PrintLayoutKind, LayoutSpec> = {
  official: { component: NoticeOfficial, geometry: officialA4 },
  wall: { component: NoticeWall, geometry: wallA3 },
}

export type MediationDocument = Extract<PrintDocument, `mediation-${string}`>
export type ConventionDocument = Extract<PrintDocument, `convention-${string}`>
/** The 月报 is not a record's printout: it has its own view (MonthlyReportPrintView, routed in router.ts). */
export type IntakeDocument = Exclude<
  PrintDocument,
  'notice' | MediationDocument | ConventionDocument | 'monthly-report'
>

/** A printout ready to render: its component with the props it needs. */
export interface LoadedPrintout {
  /** Shown in the toolbar and as the tab title, e.g. 受理告知书 2026-000123. */
  title: string
  component: Component
  props: Record<string, unknown>
}

export interface IntakePrintoutSpec {
  geometry: PageLayout
  load(id: number): Promise<LoadedPrintout>
}

function letter(kind: LetterKind, document: IntakeDocument): IntakePrintoutSpec {
  return {
    geometry: pageLayoutOf(document),
    async load(id) {
      const [complaint, options] = await Promise.all([api.complaints.get({ id }), api.intake.getOptions({})])
      return {
        title: `${printDocumentLabels[document]} ${complaint.number}`,
        component: ComplaintLetter,
        props: { letter: printedLetter(kind, complaint, options) },
      }
    },
  }
}

export const intakePrintouts: Record<IntakeDocument, IntakePrintoutSpec> = {
  'visit-receipt': {
    geometry: pageLayoutOf('visit-receipt'),
    async load(id) {
      const [visit, options] = await Promise.all([api.visits.get({ id }), api.intake.getOptions({})])
      return {
        title: `${printDocumentLabels['visit-receipt']} ${visit.number}`,
        component: VisitReceipt,
        props: { receipt: printedReceipt(visit, options) },
      }
    },
  },
  'complaint-accept': letter('accept', 'complaint-accept'),
  'complaint-reject': letter('reject', 'complaint-reject'),
  'complaint-reply': letter('reply', 'complaint-reply'),
  'complaint-extension': letter('extension', 'complaint-extension'),
  'complaint-record': {
    geometry: pageLayoutOf('complaint-record'),
    async load(id) {
      const [complaint, options] = await Promise.all([api.complaints.get({ id }), api.intake.getOptions({})])
      return {
        title: `${printDocumentLabels['complaint-record']} ${complaint.number}`,
        component: ComplaintRecord,
        props: { record: printedRecord(complaint, options) },
      }
    },
  },
}

export function isIntakeDocument(kind: string): kind is IntakeDocument {
  return Object.hasOwn(intakePrintouts, kind)
}

/* ---------- mediation: one case, one or several sheets ---------- */

/** A mediation printout ready to render: one sheet per session or follow-up, else one. */
export interface LoadedMediationPrintout {
  title: string
  component: Component
  /** Each sheet's props; each sheet starts on a new page. */
  sheets: Record<string, unknown>[]
}

export interface MediationPrintoutSpec {
  geometry: PageLayout
  /** 第X页 共Y页 in the page margin, for documents that run to several pages and are signed page by page. */
  pageNumbers: boolean
  /** `part`: one session or follow-up of the case; absent = all of them. */
  load(id: number, part?: number): Promise<LoadedMediationPrintout>
}

type Build = (d: MediationCaseDetail, o: MediationOptions, part?: number) => object | object[]

/** The 卷宗 documents before the case is filed are previews: the filing fields are still blank. */
const previewed: ReadonlySet<MediationDocument> = new Set(['mediation-cover', 'mediation-index'])

function mediation(
  document: MediationDocument,
  component: Component,
  build: Build,
  pageNumbers = false,
): MediationPrintoutSpec {
  return {
    geometry: pageLayoutOf(document),
    pageNumbers,
    async load(id, part) {
      const [detail, options] = await Promise.all([api.mediation.get({ id }), api.mediation.getOptions({})])
      const built = build(detail, options, part)
      const preview = previewed.has(document) && detail.status !== 'closed' ? '（预览，尚未立卷）' : ''
      return {
        title: `${printDocumentLabels[document]} ${detail.number ?? ''}`.trim() + preview,
        component,
        sheets: (Array.isArray(built) ? built : [built]).map((doc) => ({ doc })),
      }
    },
  }
}

export const mediationPrintouts: Record<MediationDocument, MediationPrintoutSpec> = {
  'mediation-application': mediation('mediation-application', MediationApplication, printedApplication),
  'mediation-registration': mediation('mediation-registration', MediationRegistration, printedRegistration),
  'mediation-rights': mediation('mediation-rights', MediationRights, printedRights),
  'mediation-session': mediation('mediation-session', MediationSession, printedSessions, true),
  'mediation-agreement': mediation('mediation-agreement', MediationAgreement, printedAgreement, true),
  'mediation-oral': mediation('mediation-oral', MediationOral, printedOral),
  'mediation-followup': mediation('mediation-followup', MediationFollowUp, printedFollowUps),
  'mediation-cover': mediation('mediation-cover', MediationCover, printedCover),
  'mediation-index': mediation('mediation-index', MediationIndex, printedIndex),
}

export function isMediationDocument(kind: string): kind is MediationDocument {
  return Object.hasOwn(mediationPrintouts, kind)
}

/* ---------- 居民公约: the poster on A4 or A3, the 表决结果公示, the 征求意见表 ---------- */

export interface ConventionPrintoutSpec {
  /** The poster's paper follows the layout (official = A4, wall = A3); the others have one. */
  geometry(layout: PrintLayoutKind): PageLayout
  /** `part`: a version of convention `id` (for the 公示, one of its votes); absent = the usual one. */
  load(id: number, part: number | undefined, layout: PrintLayoutKind): Promise<LoadedPrintout>
}

function convention(document: ConventionDocument): ConventionPrintoutSpec {
  return {
    geometry: (layout) => pageLayoutOf(document, layout),
    load: (id, part, layout) => loadConventionPrintout(document, id, part, layout),
  }
}

export const conventionPrintouts: Record<ConventionDocument, ConventionPrintoutSpec> = {
  'convention-poster': convention('convention-poster'),
  'convention-vote': convention('convention-vote'),
  'convention-opinion-form': convention('convention-opinion-form'),
}

export function isConventionDocument(kind: string): kind is ConventionDocument {
  return Object.hasOwn(conventionPrintouts, kind)
}
