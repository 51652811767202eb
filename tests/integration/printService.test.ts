/** print.* through the real API door: browser mode has no printer; with a (fake) port, jobs and the last printer. */
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { apiErrorOf, call, openTestCore, tempDir } from '../fixtures/core'
import { FakePrinter, noticeInput, seedPlaces } from '../fixtures/notices'

const opened: Core[] = []
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close()
})

async function open(dataDir?: string, printer?: FakePrinter): Promise<Core> {
  const core = await openTestCore(dataDir, printer)
  opened.push(core)
  return core
}

async function withNotice(core: Core): Promise<number> {
  const places = await seedPlaces(core)
  const input = noticeInput(places.yingchun, { audience: 'compounds', compoundIds: [places.xingfu, places.shangyeju] })
  return (await call(core, 'notices.save', input)).id
}

const target = (id: number) => ({ document: 'notice' as const, id, layout: 'official' as const })

describe('without a printer (browser mode)', () => {
  it('every print method points the clerk to the browser’s print dialog', async () => {
    const core = await open()
    const id = await withNotice(core)
    const attempts = [
      () => call(core, 'print.listPrinters', { document: 'notice' }),
      () => call(core, 'print.savePdf', { target: target(id), suggestedName: '通知' }),
      () => call(core, 'print.send', { target: target(id), printer: 'HP-前台', copies: 1, paper: 'A4' }),
    ]
    for (const attempt of attempts) {
      const err = await apiErrorOf(attempt)
      expect(err.code).toBe('BAD_REQUEST')
      expect(err.message).toContain('浏览器')
    }
  })
})

describe('send', () => {
  it('refuses a printer the port does not list, without printing', async () => {
    const printer = new FakePrinter()
    const core = await open(undefined, printer)
    const id = await withNotice(core)
    const err = await apiErrorOf(() =>
      call(core, 'print.send', { target: target(id), printer: 'Epson-不存在', copies: 1, paper: 'A4' }),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.field).toBe('printer')
    expect(err.message).toContain('Epson-不存在')
    expect(printer.jobs).toEqual([])
    expect((await call(core, 'print.listPrinters', { document: 'notice' })).lastPrinter).toBeNull()
  })

  it('refuses a missing notice before printing', async () => {
    const printer = new FakePrinter()
    const core = await open(undefined, printer)
    const err = await apiErrorOf(() =>
      call(core, 'print.send', { target: target(999), printer: 'HP-前台', copies: 1, paper: 'A4' }),
    )
    expect(err.code).toBe('NOT_FOUND')
    expect(printer.jobs).toEqual([])
  })

  it('prints the job as asked and remembers the printer across a restart', async () => {
    const dataDir = tempDir()
    const printer = new FakePrinter()
    const core = await open(dataDir, printer)
    const id = await withNotice(core)
    const { compounds } = await call(core, 'notices.get', { id })
    const compoundIds = compounds.map((c) => c.id)

    const before = await call(core, 'print.listPrinters', { document: 'notice' })
    expect(before.printers.map((p) => [p.name, p.isDefault])).toEqual([
      ['HP-前台', true],
      ['Canon-A3', false],
    ])
    expect(before.lastPrinter).toBeNull()

    const sent = await call(core, 'print.send', {
      target: { ...target(id), layout: 'wall', compoundIds },
      printer: ' Canon-A3 ',
      copies: 2,
      paper: 'A3',
    })
    expect(sent).toEqual({ sent: true })
    expect(printer.jobs).toEqual([
      {
        target: { document: 'notice', id, layout: 'wall', compoundIds },
        printer: 'Canon-A3',
        copies: 2,
        paper: 'A3',
        landscape: false,
      },
    ])
    expect((await call(core, 'print.listPrinters', { document: 'notice' })).lastPrinter).toBe('Canon-A3')

    await core.close()
    opened.splice(opened.indexOf(core), 1)
    const reopened = await open(dataDir, new FakePrinter())
    expect((await call(reopened, 'print.listPrinters', { document: 'notice' })).lastPrinter).toBe('Canon-A3')
  })
})

describe('savePdf', () => {
  it('answers NOT_FOUND for a missing notice before the port is asked', async () => {
    const printer = new FakePrinter()
    const core = await open(undefined, printer)
    const err = await apiErrorOf(() => call(core, 'print.savePdf', { target: target(999), suggestedName: '通知' }))
    expect(err.code).toBe('NOT_FOUND')
    expect(printer.pdfRequests).toEqual([])
  })

  it('passes a file name with no path or reserved characters in it', async () => {
    const printer = new FakePrinter()
    const core = await open(undefined, printer)
    const id = await withNotice(core)
    const result = await call(core, 'print.savePdf', {
      target: target(id),
      suggestedName: '../迎春社区〔2026〕1号 a\\b:c*d?e"f<g>h|i',
    })
    expect(result).toEqual({ saved: true, file: '/home/clerk/通知.pdf' })
    expect(printer.pdfRequests).toHaveLength(1)
    const name = printer.pdfRequests[0]?.suggestedName ?? ''
    expect(name).toBe('.._迎春社区〔2026〕1号 a_b_c_d_e_f_g_h_i')
    expect(name).not.toMatch(/[/\\:*?"<>|]/)
    expect(printer.pdfRequests[0]?.target).toEqual({ ...target(id), compoundIds: [] })
  })

  it('reports a cancelled save dialog as not saved', async () => {
    const printer = new FakePrinter()
    printer.pdfResult = null
    const core = await open(undefined, printer)
    const id = await withNotice(core)
    expect(await call(core, 'print.savePdf', { target: target(id), suggestedName: '通知' })).toEqual({
      saved: false,
      file: null,
    })
    expect(printer.pdfRequests).toHaveLength(1)
  })
})
