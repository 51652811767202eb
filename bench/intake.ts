/**
 * Intake speed at a busy center's scale: 20,000 residents and 50,000 诉求
 * (several years of a subdistrict). Rows are bulk-inserted for setup; the
 * timed calls go through the real API door. Figures are medians, with the
 * ratio to the target the desk needs (a lookup while typing must feel
 * instant; a list page must not make the clerk wait).
 */
import { performance } from 'node:perf_hooks'
import { openCore, type Core } from '../electron/core/app'
import { localContext } from '../electron/core/context'
import { tempDataDir } from '../tests/e2e/harness'
import { pinyinKeys } from '../electron/core/services/intake/personRows'

const PEOPLE = 20_000
const COMPLAINTS = 50_000
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = '秀英桂兰建国志强丽华德明春梅卫东国强玉珍文军海燕'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn() // warm-up
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    ms.push(performance.now() - started)
  }
  return median(ms)
}

async function seed(core: Core): Promise<void> {
  const now = new Date().toISOString()
  const stamp = { created_at: now, updated_at: now, created_by: 1, updated_by: 1 }
  const people = Array.from({ length: PEOPLE }, (_, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN.slice((i * 2) % GIVEN.length, ((i * 2) % GIVEN.length) + 2)}`
    return { name, ...pinyinKeys(name), phone: `139${String(i).padStart(8, '0')}`, ...stamp }
  })
  await core.db.batchInsert('persons', people, 500)
  const statuses = ['registered', 'accepted', 'assigned', 'in_progress', 'resolved', 'followed_up', 'archived']
  const complaints = Array.from({ length: COMPLAINTS }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10)
    const status = statuses[i % statuses.length]!
    return {
      number: `B${String(i + 1).padStart(7, '0')}`,
      year: 1900,
      seq: i + 1,
      person_id: (i % PEOPLE) + 1,
      kind: 'complaint',
      category_id: (i % 11) + 1,
      urgency: 'normal',
      request: `基准测试诉求 ${i + 1}：楼道照明与垃圾清运`,
      status,
      received_at: `${day}T02:00:00.000Z`,
      received_date: day,
      accept_due: day,
      due_date: ['registered', 'accepted', 'assigned', 'in_progress'].includes(status) ? day : null,
      owner_id: 1,
      ...stamp,
    }
  })
  await core.db.batchInsert('complaints', complaints, 300)
}

export async function runIntakeBench(): Promise<Record<string, number>> {
  const core = await openCore({ dataDir: tempDataDir('cd-bench-intake-'), mode: 'serve', appVersion: 'bench' })
  const ctx = localContext()
  try {
    await seed(core)
    const call = (method: string, input: unknown) => core.call(ctx, method, input)
    const searchPhone = await timed(20, () => call('people.search', { query: '1390001' }))
    const searchPinyin = await timed(20, () => call('people.search', { query: 'wxy' }))
    const searchName = await timed(20, () => call('people.search', { query: '秀英' }))
    const listFirst = await timed(10, () => call('complaints.list', {}))
    const listOverdue = await timed(10, () => call('complaints.list', { clock: 'overdue', sort: 'dueDate' }))
    const listText = await timed(10, () => call('complaints.list', { query: '照明' }))
    const dashboard = await timed(10, () => call('complaints.dashboard', {}))
    let n = 0
    const createVisit = await timed(10, () =>
      call('visits.create', {
        person: { name: '基准测试', phone: `1370000${String(n++).padStart(4, '0')}` },
        subject: '基准测试来访',
        outcome: 'complaints',
        complaints: [{ kind: 'complaint', categoryId: 1, request: '基准测试' }],
      }),
    )
    const exportMs = await timed(2, () => call('complaints.exportXlsx', { status: ['archived'] }))
    return {
      intake_people: PEOPLE,
      intake_complaints: COMPLAINTS,
      people_search_phone_ms: Math.round(searchPhone),
      people_search_pinyin_ms: Math.round(searchPinyin),
      people_search_name_ms: Math.round(searchName),
      complaints_list_page_ms: Math.round(listFirst),
      complaints_list_overdue_ms: Math.round(listOverdue),
      complaints_list_text_ms: Math.round(listText),
      dashboard_ms: Math.round(dashboard),
      visit_create_ms: Math.round(createVisit),
      export_7000_rows_ms: Math.round(exportMs),
    }
  } finally {
    await core.close()
  }
}
