/**
 * The printable documents: for each kind (and, for notices, each layout) its
 * component, page geometry and, for intake printouts, how its data is
 * loaded. A new printout is one entry here plus its component.
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

export interface LayoutSpec {
  component: Component
  geometry: PageLayout
}

export const noticeLayouts: Record<PrintLayoutKind, LayoutSpec> = {
  official: { component: NoticeOfficial, geometry: officialA4 },
  wall: { component: NoticeWall, geometry: wallA3 },
}

export type IntakeDocument = Exclude<PrintDocument, 'notice'>

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
