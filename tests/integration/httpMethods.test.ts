/** Every contract method over HTTP answers 200 or a 4xx JSON error: never a 500, never HTML. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, methodNames, type MethodInput, type MethodName } from '../../shared/api/contract'
import { isApiErrorBody } from '../../shared/api/errors'
import { startTestServer, type TestServer } from '../fixtures/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const minimal: { [M in MethodName]: MethodInput<M> } = {
  'places.listCommunities': {},
  'places.getCommunity': { id: 1 },
  'places.saveCommunity': { name: '迎春社区' },
  'places.archiveCommunity': { id: 1, archived: false },
  'places.listCompounds': { page: 1, pageSize: 5 },
  'places.getCompound': { id: 1 },
  'places.saveCompound': { communityId: 1, name: '迎春花园', kind: 'commercial', management: 'none' },
  'places.archiveCompound': { id: 1, archived: false },
  'system.info': {},
  'system.loadDemo': {},
  'notices.list': {},
  'notices.get': { id: 1 },
  'notices.suggestDocNumber': { communityId: 1, year: 2026 },
  'notices.save': {
    communityId: 1,
    title: '停水通知',
    audience: 'community',
    body: [{ type: 'paragraph', text: '明日停水。' }],
    issuerName: '迎春社区居民委员会',
    issuedOn: '2026-03-01',
  },
  'notices.copy': { id: 1 },
  'notices.publish': { id: 1, version: 1 },
  'notices.archive': { id: 1, archived: false },
  'notices.listTemplates': {},
  'notices.saveTemplate': { name: '测试模板', title: '标题', body: [{ type: 'paragraph', text: '正文' }] },
  'notices.fromTemplate': { templateId: 1, communityId: 1 },
  'print.listPrinters': { document: 'notice' },
  'print.savePdf': { target: { document: 'notice', id: 1, layout: 'official' }, suggestedName: '通知' },
  'print.send': {
    target: { document: 'notice', id: 1, layout: 'official' },
    printer: 'HP',
    copies: 1,
    paper: 'A4',
  },
  'people.search': { query: '138' },
  'people.history': { id: 1 },
  'people.save': { id: 1, version: 1, name: '张三' },
  'people.reveal': { id: 1, field: 'phone' },
  'visits.create': {
    person: { name: '张三', phone: '13812345678' },
    subject: '咨询养老补贴',
    outcome: 'on_spot',
    answer: '已告知办理条件',
  },
  'visits.get': { id: 1 },
  'visits.list': {},
  'complaints.list': {},
  'complaints.exportXlsx': {},
  'complaints.get': { id: 1 },
  'complaints.update': { id: 1, version: 1, kind: 'complaint', categoryId: 1, request: '请清理垃圾' },
  'complaints.act': { action: 'accept', id: 1, version: 1 },
  'complaints.link': { id: 1, otherId: 2 },
  'complaints.dashboard': {},
  'intake.getOptions': {},
  'intake.saveOptions': {
    officeName: '桂溪街道党群服务中心',
    numberPattern: '{year}-{seq:6}',
    clockMode: 'statutory',
    workdays: { complaint: 13, help: 3, suggestion: 13, inquiry: 3 },
  },
  'intake.listCategories': {},
  'intake.saveCategory': { name: '噪音扰民' },
  'intake.archiveCategory': { id: 1, archived: false },
  'intake.listUnits': {},
  'intake.saveUnit': { name: '街道城管科', kind: 'subdistrict_office' },
  'intake.archiveUnit': { id: 1, archived: false },
  'intake.listSchedules': {},
  'intake.saveSchedule': { year: 2027, holidays: ['2027-01-01'], workdays: [] },
  'intake.deleteSchedule': { year: 2027 },
}

async function post(method: string, body: unknown): Promise<{ status: number; type: string; json: unknown }> {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const type = res.headers.get('content-type') ?? ''
  const text = await res.text()
  expect(type, `${method} content-type`).toMatch(/^application\/json/)
  return { status: res.status, type, json: JSON.parse(text) as unknown }
}

function checkAnswer(method: MethodName, answer: { status: number; json: unknown }): void {
  if (answer.status === 200) {
    const parsed = contract[method].output.safeParse(answer.json)
    expect(parsed.success, `${method} output matches the contract`).toBe(true)
    return
  }
  expect(answer.status, `${method} status`).toBeGreaterThanOrEqual(400)
  expect(answer.status, `${method} status`).toBeLessThan(500)
  expect(isApiErrorBody(answer.json), `${method} error body`).toBe(true)
}

describe('every method over HTTP', () => {
  it('answers an empty object without a server error', async () => {
    const statuses: Record<string, number> = {}
    for (const method of methodNames) {
      const answer = await post(method, {})
      checkAnswer(method, answer)
      statuses[method] = answer.status
    }
    // Methods whose input needs fields must refuse {} as VALIDATION; the rest succeed.
    expect(statuses['places.saveCommunity']).toBe(400)
    expect(statuses['places.getCompound']).toBe(400)
    expect(statuses['places.listCommunities']).toBe(200)
    expect(statuses['system.info']).toBe(200)
  })

  it('answers a minimal valid payload without a server error', async () => {
    for (const method of methodNames) checkAnswer(method, await post(method, minimal[method]))
    expect(server.logged).toEqual([])
  })
})
