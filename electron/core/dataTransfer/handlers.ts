/**
 * The API handlers of 数据导入导出 (import.*, export.*), for core's handler
 * table (electron/core/api.ts spreads them in, as it does the backup ones).
 * `databaseFile` is the file the import's own connection opens.
 */
import type { Knex } from 'knex'
import type { Ctx } from '../context'
import type {
  EverythingFile,
  ExportEverythingParsed,
  ExportListParsed,
  ImportPreview,
  ImportPreviewParsed,
  ImportReport,
  ImportResult,
  ImportRunParsed,
  ImportStatus,
  XlsxFile,
} from '../../../shared/api/dataTransfer'
import { importService } from './importService'
import { exportListService } from './exportLists'
import { exportEverything } from './exportEverything'

export function dataTransferHandlers(db: Knex, databaseFile: string) {
  const imports = importService(db, databaseFile)
  const lists = exportListService(db)
  return {
    'import.preview': (ctx: Ctx, input: ImportPreviewParsed): Promise<ImportPreview> => imports.preview(ctx, input),
    'import.dryRun': (ctx: Ctx, input: ImportRunParsed): Promise<ImportReport> => imports.dryRun(ctx, input),
    'import.commit': (ctx: Ctx, input: ImportRunParsed): Promise<ImportResult> => imports.commit(ctx, input),
    'import.status': (): Promise<ImportStatus> => imports.status(),
    'import.cancel': (): Promise<{ cancelled: boolean; message: string }> => imports.cancel(),
    'export.list': (ctx: Ctx, input: ExportListParsed): Promise<XlsxFile> => lists.exportList(ctx, input),
    'export.everything': (ctx: Ctx, input: ExportEverythingParsed): Promise<EverythingFile> =>
      exportEverything(db, ctx, input),
  }
}
