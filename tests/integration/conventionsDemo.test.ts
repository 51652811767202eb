/** The demo 居民公约 loaded with system.loadDemo: each shows a different part of the registry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { call, ctx, openTestCore } from '../fixtures/core'

let core: Core

beforeAll(async () => {
  core = await openTestCore()
  await call(core, 'system.loadDemo', {})
})
afterAll(async () => {
  await core.close()
})

async function byTitle(title: string) {
  const [item] = (await call(core, 'conventions.list', { query: title })).items
  return call(core, 'conventions.get', { id: item!.id })
}

describe('demo conventions', () => {
  it('has 西街社区居民公约 in force with chapters, filed and posted in two places', async () => {
    const d = await byTitle('西街社区居民公约')
    expect(d).toMatchObject({ scope: 'community', status: 'in_force', workingVersion: null })
    expect(d.current!.stage).toBe('posted')
    expect(d.current!.articles.filter((a) => a.chapterNumberText).map((a) => a.chapterNumberText)).toEqual([
      '第一章',
      '第二章',
      '第三章',
      '第四章',
      '第五章',
      '第六章',
    ])
    expect(d.current!.articles.some((a) => a.text.includes('不准乱停放，确保道路通畅'))).toBe(true)
    expect(d.current!.filing?.reference).toMatch(/^桂街居约备〔\d{4}〕\d+号$/)
    // Filed in the year its number says, whichever day the demo was loaded on.
    expect(d.current!.filing!.reference).toContain(`〔${d.current!.filing!.filedOn.slice(0, 4)}〕`)
    expect(d.current!.postings).toHaveLength(2)
    expect(d.current!.votes[0]).toMatchObject({ meetingKind: 'representatives', quorumMet: true, passed: true })
    expect(d.current!.flags).toEqual([])
  })

  it('has 商业局小区 under revision: v1 in force, v2 in 草案 with opinions and a 罚款 hint', async () => {
    const d = await byTitle('商业局小区居民公约')
    expect(d.status).toBe('in_force')
    expect(d.currentVersion).toMatchObject({ number: 1, stage: 'posted' })
    expect(d.workingVersion).toMatchObject({ number: 2, stage: 'drafting' })
    expect(d.working!.opinions.map((o) => o.adopted)).toEqual([true, null])
    expect(d.working!.flags).toEqual([expect.objectContaining({ phrase: '罚款', dismissed: null })])
    const cmp = await call(core, 'conventions.compare', { fromVersionId: d.current!.id, toVersionId: d.working!.id })
    expect(cmp.articles.map((a) => a.kind)).toEqual(['same', 'changed', 'same', 'same', 'same', 'added', 'same'])
  })

  it('has 三合新村 collecting opinions, and leaves the 三无小区 uncovered', async () => {
    const d = await byTitle('三合新村居民公约')
    expect(d.workingVersion).toMatchObject({ stage: 'collecting', articleCount: 0 })
    expect(d.working!.opinions).toHaveLength(3)
    const coverage = await call(core, 'conventions.coverage', {})
    const threeNo = coverage.flatMap((r) => r.uncovered).filter((u) => u.kind === 'three_no')
    expect(threeNo.map((u) => u.name).sort()).toEqual(['东街老院子', '桂北小区'].sort())
    expect(coverage.find((r) => r.communityName === '西街社区')).toMatchObject({
      communityConvention: true,
      percent: 100,
    })
    expect(coverage.find((r) => r.communityName === '迎春社区')).toMatchObject({
      covered: 1,
      compounds: 2,
      percent: 50,
    })
  })

  it('dates its filing numbers by the year they were filed in, whenever the demo is loaded', async () => {
    const later = await openTestCore()
    try {
      const inNov2024 = { ...ctx, clock: { now: () => new Date('2024-11-01T02:00:00Z') } }
      await call(later, 'system.loadDemo', {}, inNov2024)
      const { items } = await call(later, 'conventions.list', {}, inNov2024)
      const filings = []
      for (const item of items) {
        const d = await call(later, 'conventions.get', { id: item.id }, inNov2024)
        if (d.current?.filing) filings.push(d.current.filing)
      }
      expect(filings.length).toBeGreaterThan(0)
      for (const f of filings) expect(f.reference).toContain(`〔${f.filedOn.slice(0, 4)}〕`)
    } finally {
      await later.close()
    }
  })
})
