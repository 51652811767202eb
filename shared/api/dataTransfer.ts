/**
 * 数据导入导出. Import brings the registers a center kept in Excel before
 * (小区名单, 人员名单, 来访登记 history) in from .xlsx or .csv; export writes
 * any list, or everything for handing over to a successor system, to .xlsx.
 *
 * Import is four calls on the same file: `import.preview` (the heading row,
 * the first rows, a suggested column mapping and the one remembered for
 * this file layout), `import.dryRun` (every row checked with the rules the
 * forms use; each problem with its spreadsheet row number, column heading
 * and a Chinese message; how many people match existing records), then
 * `import.commit`: all rows or none, in one transaction, refused while the
 * dry run still finds problems. Existing people (same ID number, or same
 * phone and name) are matched, not doubled; their empty fields are filled
 * in, nothing they hold is overwritten. A dry run or commit answers when it
 * is done; meanwhile `import.status` reports its progress and
 * `import.cancel` stops it (a cancelled commit writes nothing). One import
 * runs at a time. The file travels as base64, gzip-compressed by the
 * renderer where the browser can (a 100,000-row .csv then fits the request).
 *
 * Export: `export.list` writes one list with the filters its page uses
 * (phone and ID numbers masked, as the lists show them); 诉求 and 审计日志
 * keep their own exports. `export.everything` writes one workbook with a
 * sheet per record type; numbers are masked unless an administrator asks
 * for them in full, which the audit trail records.
 *
 * Import and the full export are the administrator's ('data.admin'); list
 * exports need only what reading the list needs.
 */
import { z } from './zod'
import { id, query } from './fields'
import { xlsxFile } from './complaints'
import { listCompoundsInput, listCommunitiesInput } from './places'
import { listVisitsInput } from './visits'
import { listNoticesInput } from './notices'
import { importKinds } from '../dataTransfer/fields'

/**
 * base64 characters: about 5.8 MB of file (100,000 residents as .xlsx), with
 * room for the rest of the request inside the HTTP door's 8 MB.
 */
export const maxImportBase64 = 7.75 * 1024 * 1024
/** Rows a single file may hold; larger registers are split into several files. */
export const maxImportRows = 200_000
/** Problems listed in a dry run's answer (all are counted). */
export const maxListedProblems = 1000

export const importFileInput = z.object({
  name: z
    .string({ error: '请选择要导入的文件' })
    .trim()
    .min(1, '请选择要导入的文件')
    .max(200, '文件名过长，请改短后重试')
    .refine((s) => /\.(xlsx|csv)$/i.test(s), '只能导入 .xlsx 或 .csv 文件（.xls 请先在 Excel 中“另存为” .xlsx 格式）'),
  base64: z
    .string({ error: '文件内容缺失，请重新选择文件' })
    .min(1, '文件是空的，请检查后重新选择')
    .max(maxImportBase64, '文件过大（超过约5.8MB），请分成几个文件分别导入，或在 Excel 中另存为 .csv 后再导入')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容损坏，请重新选择文件'),
  /** The renderer gzip-compressed the file before encoding it. */
  gzip: z.boolean().default(false),
})

const target = {
  kind: z.enum(importKinds, { error: '请选择导入的内容：小区名单、人员名单、来访登记历史或诉求登记历史' }),
  file: importFileInput,
  /** The worksheet to read (.xlsx); the first one when omitted. */
  sheet: z.string().trim().max(100).optional(),
  /** 小区名单: the community for rows without one; people and visits: where a 小区 name is looked up first. */
  communityId: id.optional(),
}

/** Target field → 0-based column of the file (null: not imported). */
export const columnMapping = z.record(
  z.string().max(30),
  z.number().int('列号应为整数').min(0).max(999, '列号超出范围').nullable(),
)

export const importPreviewInput = z.object(target)
export const importRunInput = z.object({ ...target, mapping: columnMapping })
export type ImportRunInput = z.input<typeof importRunInput>
export type ImportPreviewInput = z.input<typeof importPreviewInput>
/** What core's handlers receive (defaults filled). */
export type ImportPreviewParsed = z.output<typeof importPreviewInput>
export type ImportRunParsed = z.output<typeof importRunInput>

export const importPreview = z.object({
  fileType: z.enum(['xlsx', 'csv']),
  /** The text encoding a .csv was read in (UTF-8 or GB18030, which covers GBK); null for .xlsx. */
  encoding: z.string().nullable(),
  sheetName: z.string().nullable(),
  sheetNames: z.array(z.string()),
  /** The spreadsheet row number of the heading row (a title row above it is skipped). */
  headerRow: z.number().int(),
  /** The headings, one per column ('' for a column without one). */
  headers: z.array(z.string()),
  /** The first data rows as text, for the mapping step to show examples. */
  sampleRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  suggested: columnMapping,
  /** The mapping used the last time a file with these headings was imported as this kind. */
  remembered: columnMapping.nullable(),
  rememberedAt: z.string().nullable(),
})
export type ImportPreview = z.infer<typeof importPreview>

export const importProblem = z.object({
  /** The row number as Excel shows it (the heading row counts). */
  row: z.number().int(),
  /** The file's heading of the column at fault (or the field's name when the column is missing). */
  column: z.string(),
  message: z.string(),
})
export type ImportProblem = z.infer<typeof importProblem>

export const importCounts = z.object({
  /** Data rows read (blank rows are skipped). */
  rowCount: z.number().int(),
  okCount: z.number().int(),
  /** Rows with at least one problem. */
  problemRows: z.number().int(),
  problemCount: z.number().int(),
  /** Records of the imported kind that are (or would be) added. */
  created: z.number().int(),
  /** Rows that are records already held (a 小区 of the same name, a visit already imported) and are skipped. */
  matched: z.number().int(),
  /** People and visits: residents added, matched to existing ones, and matched ones whose empty fields are filled. */
  newPeople: z.number().int(),
  matchedPeople: z.number().int(),
  updatedPeople: z.number().int(),
})
export type ImportCounts = z.infer<typeof importCounts>

export const importReport = importCounts.extend({
  kind: z.enum(importKinds),
  /** The first problems, in row order (all are counted in problemCount). */
  problems: z.array(importProblem),
})
export type ImportReport = z.infer<typeof importReport>

export const importResult = importCounts.extend({
  kind: z.enum(importKinds),
  durationMs: z.number().int(),
})
export type ImportResult = z.infer<typeof importResult>

export const importPhases = ['read', 'check', 'write'] as const
export type ImportPhase = (typeof importPhases)[number]
export const importPhaseLabels: Record<ImportPhase, string> = {
  read: '正在读取文件',
  check: '正在检查',
  write: '正在写入',
}

export const importJob = z.object({
  kind: z.enum(importKinds),
  kindLabel: z.string(),
  /** dryRun: 试运行 (writes nothing); commit: 导入. */
  step: z.enum(['dryRun', 'commit']),
  phase: z.enum(importPhases),
  phaseLabel: z.string(),
  /** 0–100 over the whole job. */
  percent: z.number().min(0).max(100),
  rowsDone: z.number().int(),
  /** Rows in the file, once it has been read (null while reading). */
  rowCount: z.number().int().nullable(),
  startedAt: z.string(),
  startedBy: z.string(),
  cancelling: z.boolean(),
})
export type ImportJob = z.infer<typeof importJob>

export const importStatus = z.object({
  running: importJob.nullable(),
  /** How the last job ended (since core started). */
  last: z
    .object({
      step: z.enum(['dryRun', 'commit']),
      kind: z.enum(importKinds),
      outcome: z.enum(['done', 'cancelled', 'failed']),
      message: z.string(),
      finishedAt: z.string(),
    })
    .nullable(),
})
export type ImportStatus = z.infer<typeof importStatus>

/* ---------- export ---------- */

export const peopleListFilters = z.object({
  /** Name, pinyin, or digits of the phone or ID number. */
  query,
  communityId: id.optional(),
  compoundId: id.optional(),
  includeAnonymised: z.boolean().default(false),
})

const noPage = { page: true, pageSize: true } as const

export const exportListInput = z.discriminatedUnion(
  'list',
  [
    z.object({ list: z.literal('communities'), filters: listCommunitiesInput.prefault({}) }),
    z.object({ list: z.literal('compounds'), filters: listCompoundsInput.omit(noPage).prefault({}) }),
    z.object({ list: z.literal('people'), filters: peopleListFilters.prefault({}) }),
    z.object({
      list: z.literal('visits'),
      filters: listVisitsInput
        .omit(noPage)
        .superRefine((v, ctx) => {
          if (v.dateFrom && v.dateTo && v.dateFrom > v.dateTo) {
            ctx.addIssue({ code: 'custom', path: ['dateTo'], message: '结束日期不能早于开始日期' })
          }
        })
        .prefault({}),
    }),
    z.object({ list: z.literal('notices'), filters: listNoticesInput.omit(noPage).prefault({}) }),
  ],
  { error: '请选择要导出的列表' },
)
export type ExportListInput = z.input<typeof exportListInput>
export type ExportListParsed = z.output<typeof exportListInput>

export const exportEverythingInput = z.object({
  /** Full phone and ID numbers (administrators; recorded in the audit trail). */
  unmask: z.boolean({ error: '请说明是否导出完整号码' }).default(false),
})

export type ExportEverythingParsed = z.output<typeof exportEverythingInput>
export type ExportEverythingInput = z.input<typeof exportEverythingInput>

export const everythingFile = xlsxFile.extend({
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  unmasked: z.boolean(),
})
export type EverythingFile = z.infer<typeof everythingFile>
export type XlsxFile = z.infer<typeof xlsxFile>

export const dataTransferMethods = {
  'import.preview': {
    summary: '导入：读取文件的标题行和前几行，给出列对应建议（并带出同样格式文件上次的对应关系）',
    permission: 'data.admin',
    input: importPreviewInput,
    output: importPreview,
  },
  'import.dryRun': {
    summary: '导入试运行：逐行检查，列出每处问题（行号、列、原因），统计将新增和匹配的记录，不写入',
    permission: 'data.admin',
    input: importRunInput,
    output: importReport,
  },
  'import.commit': {
    summary: '导入：全部写入或全部不写入；有问题时拒绝；记住本格式文件的列对应（进度见 import.status）',
    permission: 'data.admin',
    input: importRunInput,
    output: importResult,
  },
  'import.status': {
    summary: '正在进行的导入或试运行的进度',
    permission: 'data.admin',
    input: z.object({}),
    output: importStatus,
  },
  'import.cancel': {
    summary: '取消正在进行的导入（已写入的部分全部撤销）或试运行',
    permission: 'data.admin',
    input: z.object({}),
    output: z.object({ cancelled: z.boolean(), message: z.string() }),
  },
  'export.list': {
    summary: '按当前筛选条件导出列表（.xlsx；号码按列表显示方式隐藏部分数字）',
    permission: 'intake.read',
    input: exportListInput,
    output: xlsxFile,
  },
  'export.everything': {
    summary: '全部导出（移交用）：每类记录一个工作表；完整号码仅管理员可选，记入审计日志',
    permission: 'data.admin',
    input: exportEverythingInput,
    output: everythingFile,
  },
} as const
