/**
 * import.* and export.* for this page, typed from this feature's own contract
 * file (shared/api/dataTransfer.ts), so the page compiles whether or not
 * shared/api/contract.ts lists them yet. At run time it is the same client:
 * `dataApi.import.preview` and friends exist once methodNames includes them.
 */
import { api } from '../../api/client'
import type {
  EverythingFile,
  ExportEverythingInput,
  ExportListInput,
  ImportPreview,
  ImportPreviewInput,
  ImportReport,
  ImportResult,
  ImportRunInput,
  ImportStatus,
  XlsxFile,
} from '../../../shared/api/dataTransfer'

export interface DataTransferApi {
  import: {
    preview(input: ImportPreviewInput): Promise<ImportPreview>
    dryRun(input: ImportRunInput): Promise<ImportReport>
    commit(input: ImportRunInput): Promise<ImportResult>
    status(input: Record<string, never>): Promise<ImportStatus>
    cancel(input: Record<string, never>): Promise<{ cancelled: boolean; message: string }>
  }
  export: {
    list(input: ExportListInput): Promise<XlsxFile>
    everything(input: ExportEverythingInput): Promise<EverythingFile>
  }
}

export const dataApi = api as unknown as DataTransferApi
