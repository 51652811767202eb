/**
 * Filling the benchmark's database through the app's own doors:
 * 社区/小区 through places.*, residents through the 人员名单 import, 诉求
 * through the batch registration (timed: insert_rows_per_s), mediation
 * cases through the case service's own register steps, many per
 * transaction (see seedMediation for why).
 */
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import type { Core } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import { importService } from '../../electron/core/dataTransfer/importService'
import { importPreviewInput, importRunInput } from '../../shared/api/dataTransfer'
import { registerComplaintBatch, type ComplaintBatchDraft } from '../../electron/core/services/intake/complaintBatch'
import { caseContent } from '../../shared/api/mediation'
import { resolveParties } from '../../electron/core/services/mediation/caseParties'
import { registerCase } from '../../electron/core/services/mediation/caseRecords'
import { answerKinds, type ComplaintKind, type Satisfaction } from '../../shared/intake/labels'
import type { DisputeType } from '../../shared/mediation/labels'
import { createRng, type Rng } from './prng'
import { peopleCsv, personRow, type PersonRow } from './people'
import { complaintText, resultText } from './texts'

const COMMUNITIES = ['迎春社区', '桂花社区', '雄石社区', '建设社区', '信江社区', '东门社区']
const COMPOUND_FIRST = ['幸福', '阳光', '锦绣', '和平', '东方', '丽景', '翠苑', '金桥', '朝阳', '书香', '滨江', '龙泉']
const COMPOUND_LAST = ['小区', '花园', '家园', '新村', '公寓', '雅苑']
const DAY = 86_400_000

export interface Places {
  compounds: { id: number; name: string; communityId: number }[]
  communityIds: number[]
  categories: Map<string, number>
}

/** The top-level 诉求 categories by name (the texts name them). */
export async function topCategories(core: Core): Promise<Map<string, number>> {
  const rows = (await core.db('complaint_categories').whereNull('parent_id').select('id', 'name')) as {
    id: number
    name: string
  }[]
  return new Map(rows.map((r) => [r.name, r.id]))
}

export async function seedPlaces(core: Core, ctx: Ctx): Promise<Places> {
  const compounds: Places['compounds'] = []
  const communityIds: number[] = []
  let n = 0
  for (const name of COMMUNITIES) {
    const community = (await core.call(ctx, 'places.saveCommunity', { name })) as { id: number }
    communityIds.push(community.id)
    for (let k = 0; k < 12; k++, n++) {
      // 12 × 6 distinct names: the import finds a 小区 by its name alone.
      const unique = `${COMPOUND_FIRST[n % 12]}${COMPOUND_LAST[Math.floor(n / 12) % 6]}`
      const saved = (await core.call(ctx, 'places.saveCompound', {
        communityId: community.id,
        name: unique,
        kind: k % 3 === 0 ? 'old' : 'commercial',
        management: k % 3 === 0 ? 'community_property' : 'property_company',
        propertyCompany: k % 3 === 0 ? null : '贵溪市安居物业服务有限公司',
        households: 200 + k * 37,
        buildings: 6 + k,
      })) as { id: number }
      compounds.push({ id: saved.id, name: unique, communityId: community.id })
    }
  }
  const categories = await topCategories(core)
  return { compounds, communityIds, categories }
}

/** Rows per imported file: a 人员名单 a clerk would plausibly import at once (and under the upload limit). */
const FILE_ROWS = 20_000

/** Residents through the 人员名单 import (its checks, matching and bulk writer). Returns the people count. */
export async function seedPeople(core: Core, ctx: Ctx, count: number, places: Places, seed: number): Promise<number> {
  const rng = createRng(seed)
  const names = places.compounds.map((c) => c.name)
  const usedIds = new Set<string>()
  const service = importService(core.db, core.paths.databaseFile)
  for (let done = 0; done < count; done += FILE_ROWS) {
    const rows: PersonRow[] = []
    for (let i = done; i < Math.min(count, done + FILE_ROWS); i++) rows.push(personRow(rng, names, usedIds))
    const file = { name: '人员名单.csv', base64: gzipSync(peopleCsv(rows)).toString('base64'), gzip: true }
    const preview = await service.preview(ctx, importPreviewInput.parse({ kind: 'people', file }))
    await service.commit(ctx, importRunInput.parse({ kind: 'people', file, mapping: preview.suggested }))
  }
  const n = (await core.db('persons').count({ n: '*' }).first()) as { n: number }
  return Number(n.n)
}

export interface PeopleRange {
  minId: number
  maxId: number
}

export async function peopleRange(core: Core): Promise<PeopleRange> {
  const r = (await core.db('persons').min({ minId: 'id' }).max({ maxId: 'id' }).first()) as PeopleRange
  return r
}

/** 诉求 per registerComplaintBatch call: one transaction, like one imported file's batch. */
export const COMPLAINT_BATCH = 2_000

function satisfactionOf(rng: Rng): Satisfaction | null {
  const r = rng.next()
  return r < 0.68 ? 'satisfied' : r < 0.88 ? 'basically_satisfied' : r < 0.95 ? 'unsatisfied' : null
}

function kindOf(rng: Rng, category: string): ComplaintKind {
  if (category === '政策咨询') return 'inquiry'
  if (category === '其他') return 'suggestion'
  return rng.chance(0.7) ? 'complaint' : 'help'
}

export interface ComplaintSeedResult {
  rows: number
  /** Time inside registerComplaintBatch only (not generating the drafts). */
  serviceMs: number
  firstId: number
  lastId: number
}

/**
 * N 诉求 over the ~5 years before `now`, in order of receipt (as a register
 * fills up), 80% from a registered resident. Older matters are mostly
 * 办结 with a result and a 回访; recent ones are still open.
 */
export async function seedComplaints(
  core: Core,
  ctx: Ctx,
  count: number,
  places: Places,
  people: PeopleRange,
  seed: number,
  now: Date,
): Promise<ComplaintSeedResult> {
  const rng = createRng(seed)
  const start = now.getTime() - 5 * 365 * DAY
  const step = (now.getTime() - DAY - start) / count
  let serviceMs = 0
  let firstId = 0
  let lastId = 0
  for (let done = 0; done < count; done += COMPLAINT_BATCH) {
    const drafts: ComplaintBatchDraft[] = []
    for (let i = done; i < Math.min(count, done + COMPLAINT_BATCH); i++) {
      const compound = rng.pick(places.compounds)
      const text = complaintText(rng, compound.name)
      // Office hours, China time (UTC+8): 08:30–17:30.
      const day = Math.floor((start + i * step) / DAY) * DAY
      const received = new Date(day + (0.5 + rng.next() * 9) * 3_600_000)
      const ageDays = (now.getTime() - received.getTime()) / DAY
      const resolvedAfter = 1 + rng.int(rng.chance(0.85) ? 15 : 40)
      const resolvedAt = new Date(received.getTime() + resolvedAfter * DAY)
      const done = ageDays > 45 ? rng.chance(0.93) : ageDays > resolvedAfter && rng.chance(0.5)
      drafts.push({
        person: rng.chance(0.8) ? { id: people.minId + rng.int(people.maxId - people.minId + 1) } : null,
        content: {
          kind: kindOf(rng, text.category),
          categoryId: places.categories.get(text.category)!,
          urgency: rng.chance(0.05) ? 'urgent' : 'normal',
          compoundId: rng.chance(0.9) ? compound.id : null,
          locationDetail: text.locationDetail,
          request: text.request,
          facts: text.facts,
          reasons: null,
        },
        receivedAt: received.toISOString(),
        history: done
          ? {
              status: 'resolved',
              resolvedAt: resolvedAt.toISOString(),
              result: resultText(rng),
              answer: rng.pick(answerKinds),
              satisfaction: satisfactionOf(rng),
            }
          : { status: ageDays > 3 && rng.chance(0.7) ? 'accepted' : 'registered' },
      })
    }
    const started = performance.now()
    const result = await registerComplaintBatch(core.db, ctx, drafts)
    serviceMs += performance.now() - started
    // Ids follow the time of receipt, not the draft order: keep the lowest and highest.
    for (const id of result.ids) {
      if (!firstId || id < firstId) firstId = id
      if (id > lastId) lastId = id
    }
  }
  return { rows: count, serviceMs, firstId, lastId }
}

const DISPUTES: { type: DisputeType; facts: string[] }[] = [
  { type: 'neighbour', facts: ['双方因楼上漏水损坏楼下吊顶发生纠纷', '双方因公共楼道堆放杂物多次争吵'] },
  { type: 'marriage_family', facts: ['子女之间因老人赡养费用分担产生争议', '夫妻双方因家庭琐事长期不和'] },
  { type: 'property_management', facts: ['业主以服务不到位为由拒交物业费', '业主车辆在小区内被刮擦要求物业赔偿'] },
  { type: 'damages', facts: ['双方因电动车碰撞致人受伤协商赔偿未果', '宠物犬咬伤邻居小孩就医费用有争议'] },
  { type: 'housing_land', facts: ['双方因院墙界址不清发生争执', '租客退租时房屋押金退还产生纠纷'] },
  { type: 'contract', facts: ['装修工程款结算双方意见不一', '房屋租赁合同到期续租条件谈不拢'] },
  { type: 'labour', facts: ['保洁员被拖欠两个月工资', '装修工人因工受伤要求雇主赔偿'] },
]

/** Cases per transaction: the service's own register steps, committed together. */
export const MEDIATION_BATCH = 500

export interface MediationSeedResult {
  cases: number
  ms: number
}

/**
 * N/20 mediation cases (待受理), two residents each. Through the register
 * steps mediation.register runs (input schema, parties, the case row, its
 * audit event) but MEDIATION_BATCH to a transaction: one transaction per
 * case would spend the run waiting for 50,000 fsyncs.
 */
export async function seedMediation(
  core: Core,
  ctx: Ctx,
  count: number,
  people: PeopleRange,
  seed: number,
  now: Date,
): Promise<MediationSeedResult> {
  const rng = createRng(seed)
  const start = now.getTime() - 5 * 365 * DAY
  const started = performance.now()
  for (let done = 0; done < count; done += MEDIATION_BATCH) {
    const end = Math.min(count, done + MEDIATION_BATCH)
    await core.db.transaction(async (trx) => {
      for (let i = done; i < end; i++) {
        const dispute = rng.pick(DISPUTES)
        const a = people.minId + rng.int(people.maxId - people.minId + 1)
        let b = people.minId + rng.int(people.maxId - people.minId + 1)
        if (b === a) b = a === people.maxId ? people.minId : a + 1
        const names = (await trx('persons').whereIn('id', [a, b]).select('id', 'name')) as {
          id: number
          name: string
        }[]
        const nameOf = (id: number) => names.find((p) => p.id === id)!.name
        const input = caseContent.parse({
          source: rng.chance(0.8) ? 'application' : 'own_initiative',
          disputeType: dispute.type,
          registeredOn: new Date(start + ((now.getTime() - DAY - start) * (i + 0.5)) / count)
            .toISOString()
            .slice(0, 10),
          parties: [
            { person: { id: a, name: nameOf(a) }, role: 'applicant' },
            { person: { id: b, name: nameOf(b) }, role: 'respondent' },
          ],
          facts: rng.pick(dispute.facts),
          requests: ['请求调解委员会主持调解'],
        })
        const parties = await resolveParties(trx, ctx, input.parties)
        await registerCase(trx, ctx, { ...input, parties })
      }
    })
  }
  return { cases: count, ms: performance.now() - started }
}
