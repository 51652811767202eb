/**
 * 打印: Electron prints through a hidden window (save as PDF, or to a chosen
 * printer). In browser mode the print page itself has a 打印 button and the
 * browser's dialog does the rest, so these methods say so.
 */
import { z } from './zod'
import { printDocuments, printTarget } from '../print/target'

export const printerInfo = z.object({
  name: z.string(),
  displayName: z.string(),
  isDefault: z.boolean(),
})
export type PrinterInfo = z.infer<typeof printerInfo>

export const printMethods = {
  'print.listPrinters': {
    summary: '本机打印机列表，以及此类文书上次使用的打印机',
    permission: 'print',
    input: z.object({ document: z.enum(printDocuments) }),
    output: z.object({ printers: z.array(printerInfo), lastPrinter: z.string().nullable() }),
  },
  'print.savePdf': {
    summary: '生成 PDF 并保存到用户选择的位置（桌面版）',
    permission: 'print',
    input: z.object({ target: printTarget, suggestedName: z.string().trim().min(1).max(80) }),
    output: z.object({ saved: z.boolean(), file: z.string().nullable() }),
  },
  'print.send': {
    summary: '发送到打印机（桌面版）',
    permission: 'print',
    input: z.object({
      target: printTarget,
      printer: z.string({ error: '请选择打印机' }).trim().min(1, '请选择打印机').max(200),
      copies: z.number().int().min(1, '份数至少为1').max(99, '份数最多99'),
      paper: z.enum(['A4', 'A3'], { error: '请选择纸张' }),
      landscape: z.boolean().default(false),
    }),
    output: z.object({ sent: z.boolean() }),
  },
} as const
