/**
 * import.*: preview, dry run, commit, status, cancel.
 *
 * The commit writes through a connection of its own, opened on the same
 * database file for the length of the import. Core's shared connection
 * (one, see db/connection.ts) stays free meanwhile, so `import.status` and
 * `import.cancel` (and every clerk's sign-in check) are answered while the
 * rows go in; SQLite's WAL lets them read while the import writes. The
 * transaction takes the write lock first thing, so nothing changes between
 * the check and the write, and a cancel or an error rolls all of it back.
 */
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type {
  ImportPreview,
  ImportPreviewParsed,
  ImportReport,
  ImportResult,
  ImportRunParsed,
  ImportStatus,
} from '../../../shared/api/dataTransfer'
import { headerScore, importFields, suggestMapping, type ImportKind } from '../../../shared/dataTransfer/fields'
import { localDate } from '../../../shared/calendar/workCalendar'
import type { Ctx } from '../context'
import { openDatabase } from '../db/connection'
import { recordAudit, type AuditAction, type AuditEntity } from '../audit/trail'
import { textOf } from './cells'
import { draftRows, planDrafts, type Drafts } from './check'
import { fileBytes } from './fileBytes'
import { createImportJobs, type JobHandle } from './job'
import { checkedMapping, findLayout, rememberMapping, rememberedMapping, type Layout } from './mapping'
import { problemList, type ProblemList } from './problems'
import { readSheet, type SheetTable } from './sheetReader'
import { writePlan } from './write'

type RunInput = ImportRunParsed

/** Rows shown under the headings in the mapping step. */
const SAMPLE_ROWS = 8

/**
 * 'import' is the audit action of this feature (shared/api/audit.ts lists
 * it with its label 导入); the cast keeps this file independent of the order
 * in which the two land.
 */
const IMPORT_ACTION = 'import' as string as AuditAction

const entityOf: Record<ImportKind, AuditEntity> = {
  compounds: 'compound',
  people: 'person',
  visits: 'visit',
  complaints: 'complaint',
}

async function readWhole(input: RunInput, job: JobHandle): Promise<{ table: SheetTable; layout: Layout }> {
  const table = await readSheet(fileBytes(input.file), {
    sheet: input.sheet,
    onProgress: (rows, fraction) => job.checkpoint('read', rows, fraction),
  })
  const layout = findLayout(table.rows, (cells) => headerScore(input.kind, cells))
  job.setRowCount(table.rows.length - layout.index - 1)
  // Read: from here on the count is of data rows checked.
  await job.checkpoint('check', 0, 0)
  return { table, layout }
}

async function checkCommunity(db: Knex | Knex.Transaction, communityId: number | undefined): Promise<void> {
  if (communityId === undefined) return
  const row = await db('communities').where({ id: communityId }).first('id')
  if (!row) throw new ApiError('VALIDATION', '所选社区不存在，请重新选择', 'communityId')
}

/**
 * 社区 and 小区 as they stand: every change adds a row or bumps a version.
 * Drafts name 小区 by id, so they hold only while this does not change.
 */
async function placesFingerprint(db: Knex | Knex.Transaction): Promise<string> {
  const rows = (await db.raw(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), 0) FROM communities) AS a,
            (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), 0) FROM compounds) AS b`,
  )) as { a: string; b: string }[]
  return `${rows[0]?.a}/${rows[0]?.b}`
}

/** The file, the kind and the choices made for it: the same run asked for twice. */
function runKey(input: RunInput): string {
  const mapping = Object.entries(input.mapping).sort(([a], [b]) => (a < b ? -1 : 1))
  return createHash('sha256')
    .update(JSON.stringify([input.kind, input.sheet ?? null, input.communityId ?? null, input.file.gzip, mapping]))
    .update(input.file.base64)
    .digest('hex')
}

/** A file read, its rows checked and drafted: what a dry run leaves for the commit. */
interface Drafted {
  key: string
  places: string
  drafts: Drafts
  layout: Layout
  columns: Map<string, number>
  fileType: SheetTable['type']
  rowCount: number
  problems: ProblemList
}

async function draftWhole(db: Knex | Knex.Transaction, input: RunInput, job: JobHandle): Promise<Drafted> {
  const { table, layout } = await readWhole(input, job)
  const columns = checkedMapping(input.kind, input.mapping, layout.headers)
  await checkCommunity(db, input.communityId)
  const rows = table.rows.slice(layout.index + 1)
  if (rows.length === 0) throw new ApiError('VALIDATION', '标题行下面没有数据行，请检查文件', 'file')
  const problems = problemList(input.kind, layout.headers, columns)
  const places = await placesFingerprint(db)
  // Drafting is most of the work: most of the check phase's bar.
  const drafts = await draftRows(db, input.kind, rows, columns, input.communityId ?? null, problems, (done) =>
    job.checkpoint('check', done, (0.85 * done) / rows.length),
  )
  return { key: runKey(input), places, drafts, layout, columns, fileType: table.type, rowCount: rows.length, problems }
}

function plan(db: Knex | Knex.Transaction, d: Drafted, problems: ProblemList, job: JobHandle) {
  const n = Math.max(1, d.drafts.drafts.length)
  return planDrafts(db, d.drafts, d.rowCount, problems, (done) =>
    job.checkpoint('check', done, 0.85 + (0.15 * done) / n),
  )
}

/** Only the mapped fields, in the kind's order, as remembered for the layout. */
function mappingToKeep(kind: ImportKind, columns: Map<string, number>): Record<string, number | null> {
  return Object.fromEntries(importFields[kind].map((f) => [f.key, columns.get(f.key) ?? null]))
}

/** A dry run's drafts wait this long for their commit. */
const PREPARED_MS = 30 * 60_000

export function importService(db: Knex, databaseFile: string) {
  const jobs = createImportJobs(() => new Date())
  /** The last clean dry run's drafts, for the commit of the same file and choices (used once). */
  let prepared: { drafted: Drafted; at: number } | null = null

  return {
    async preview(_ctx: Ctx, input: ImportPreviewParsed): Promise<ImportPreview> {
      const table = await readSheet(fileBytes(input.file), { sheet: input.sheet, limit: 40, datesAsText: true })
      const layout = findLayout(table.rows, (cells) => headerScore(input.kind, cells))
      const width = layout.headers.length
      const remembered = await rememberedMapping(db, input.kind, layout.headers)
      return {
        fileType: table.type,
        encoding: table.encoding,
        sheetName: table.sheetName,
        sheetNames: table.sheetNames,
        headerRow: layout.row,
        headers: layout.headers,
        sampleRows: table.rows.slice(layout.index + 1, layout.index + 1 + SAMPLE_ROWS).map((r) => ({
          row: r.row,
          cells: Array.from({ length: width }, (_, i) => textOf(r.cells[i] ?? null).slice(0, 100)),
        })),
        suggested: {
          ...Object.fromEntries(importFields[input.kind].map((f) => [f.key, null])),
          ...suggestMapping(input.kind, layout.headers),
        },
        remembered: remembered?.mapping ?? null,
        rememberedAt: remembered?.savedAt ?? null,
      }
    },

    dryRun(ctx: Ctx, input: RunInput): Promise<ImportReport> {
      prepared = null
      return jobs.run(ctx, 'dryRun', input.kind, async (job) => {
        const drafted = await draftWhole(db, input, job)
        const clean = drafted.problems.count() === 0
        const { counts } = await plan(db, drafted, drafted.problems, job)
        // Rows that all pass the forms' rules need not be checked again by the commit that follows.
        if (clean) prepared = { drafted, at: Date.now() }
        return { kind: input.kind, ...counts, problems: drafted.problems.listed() }
      })
    },

    commit(ctx: Ctx, input: RunInput): Promise<ImportResult> {
      const started = Date.now()
      const ready = prepared && prepared.drafted.key === runKey(input) && Date.now() - prepared.at < PREPARED_MS
      const cached = ready ? prepared!.drafted : null
      prepared = null
      return jobs.run(ctx, 'commit', input.kind, async (job) => {
        // The file is read and drafted before the write lock is taken (unless the dry run just did).
        if (cached) job.setRowCount(cached.rowCount)
        let drafted = cached ?? (await draftWhole(db, input, job))
        const own = openDatabase(databaseFile)
        try {
          const counts = await own.transaction(async (trx) => {
            // Take the write lock before reading: what is checked is what is written against.
            await trx.raw('DELETE FROM number_sequences WHERE 0')
            // A 小区 or 社区 changed since the drafting: draft again, now under the lock.
            if ((await placesFingerprint(trx)) !== drafted.places) drafted = await draftWhole(trx, input, job)
            // Drafted just now: its list holds the drafting's problems. From the dry run: it had none
            // (its list also holds that run's matching, which is done again here).
            const problems =
              drafted === cached ? problemList(input.kind, drafted.layout.headers, drafted.columns) : drafted.problems
            const { counts, plan: toWrite } = await plan(trx, drafted, problems, job)
            if (counts.problemCount > 0) {
              throw new ApiError(
                'VALIDATION',
                `文件中还有${counts.problemCount}处问题（涉及${counts.problemRows}行），没有导入任何数据。请先试运行，按问题清单修改文件后再导入`,
              )
            }
            const now = ctx.clock.now()
            await writePlan(trx, ctx, toWrite, localDate(now), (done, total) =>
              job.checkpoint('write', done, total === 0 ? 1 : done / total),
            )
            await rememberMapping(
              trx,
              input.kind,
              drafted.layout.headers,
              mappingToKeep(input.kind, drafted.columns),
              now.toISOString(),
            )
            await recordAudit(trx, ctx, {
              action: IMPORT_ACTION,
              entity: entityOf[input.kind],
              entityId: null,
              // Counts only: no names, numbers or file name (it may carry a resident's name).
              detail: {
                importKind: input.kind,
                fileType: drafted.fileType,
                rows: counts.rowCount,
                created: counts.created,
                matched: counts.matched,
                newPeople: counts.newPeople,
                matchedPeople: counts.matchedPeople,
                updatedPeople: counts.updatedPeople,
              },
            })
            // The last chance to cancel: after this the rows are in.
            await job.checkpoint('write', counts.rowCount, 1)
            return counts
          })
          return { kind: input.kind, ...counts, durationMs: Date.now() - started }
        } finally {
          await own.destroy()
        }
      })
    },

    async status(): Promise<ImportStatus> {
      return jobs.status()
    },

    async cancel(): Promise<{ cancelled: boolean; message: string }> {
      return jobs.cancel()
    },
  }
}
