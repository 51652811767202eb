/** The 卷内目录 and the list of what closing still needs, from plain case facts. */
import { describe, expect, it } from 'vitest'
import { fileIndexOf, missingForClose, type FileSources } from '../../electron/core/services/mediation/caseFile'

function sources(extra: Partial<FileSources> = {}): FileSources {
  return {
    source: 'court',
    registeredOn: '2026-02-01',
    rightsNoticeOn: '2026-02-03',
    parties: [
      { id: 11, name: '张三', identityNote: '居民身份证', authorization: null, isAgent: false },
      { id: 12, name: '李四', identityNote: '户口簿', authorization: null, isAgent: false },
    ],
    sessions: [
      { id: 5, seq: 1, date: '2026-02-05' },
      { id: 9, seq: 2, date: '2026-02-10' },
    ],
    outcome: 'oral_agreement',
    concludedOn: '2026-02-10',
    followUps: [{ id: 3, calledOn: '2026-02-20' }],
    judicialApplied: false,
    judicialAppliedOn: null,
    manual: [],
    filedOn: '2026-02-25',
    pages: {},
    ...extra,
  }
}

describe('the 卷内目录', () => {
  it('lists items in the fixed order, titled by source and outcome, one page each by default', () => {
    const index = fileIndexOf(sources())
    expect(index.map((i) => [i.key, i.title, i.date, i.pageRange])).toEqual([
      ['registration', '人民调解受理登记表', '2026-02-01', '1'],
      ['rights_notice', '人民调解权利义务告知书', '2026-02-03', '2'],
      ['identity:11', '当事人身份证明（张三）', null, '3'],
      ['identity:12', '当事人身份证明（李四）', null, '4'],
      ['session:5', '调解笔录（第1次）', '2026-02-05', '5'],
      ['session:9', '调解笔录（第2次）', '2026-02-10', '6'],
      ['outcome', '口头协议登记表', '2026-02-10', '7'],
      ['follow_up:3', '回访记录（第1次）', '2026-02-20', '8'],
      ['back_cover', '封底', '2026-02-25', '9'],
    ])
    expect(index.filter((i) => i.required).map((i) => i.kind)).toEqual([
      'registration',
      'rights_notice',
      'identity',
      'identity',
      'session',
      'session',
      'outcome',
      'back_cover',
    ])
  })

  it('numbers pages cumulatively with overrides and manual items in their kind’s place, by date', () => {
    const index = fileIndexOf(
      sources({
        source: 'application',
        outcome: 'written_agreement',
        judicialApplied: true,
        judicialAppliedOn: '2026-02-15',
        manual: [
          { id: 2, kind: 'evidence', title: '现场照片', date: '2026-02-04', pages: 4 },
          { id: 1, kind: 'evidence', title: '医疗费票据', date: null, pages: 2 },
          { id: 3, kind: 'investigation', title: '走访邻居记录', date: '2026-02-04', pages: 1 },
          { id: 4, kind: 'explanation', title: '卷宗情况说明', date: '2026-02-25', pages: 1 },
        ],
        pages: { 'session:5': 3, outcome: 2, 'manual:2': 5 },
      }),
    )
    expect(index.map((i) => [i.title, i.pages, i.pageRange])).toEqual([
      ['人民调解申请书', 1, '1'],
      ['人民调解权利义务告知书', 1, '2'],
      ['当事人身份证明（张三）', 1, '3'],
      ['当事人身份证明（李四）', 1, '4'],
      ['走访邻居记录', 1, '5'],
      ['现场照片', 5, '6-10'],
      ['医疗费票据', 2, '11-12'],
      ['调解笔录（第1次）', 3, '13-15'],
      ['调解笔录（第2次）', 1, '16'],
      ['调解协议书', 2, '17-18'],
      ['回访记录（第1次）', 1, '19'],
      ['司法确认申请材料', 1, '20'],
      ['卷宗情况说明', 1, '21'],
      ['封底', 1, '22'],
    ])
    expect(index.find((i) => i.title === '现场照片')).toMatchObject({ key: 'manual:2', manualId: 2, kind: 'evidence' })
  })

  it('leaves out what does not exist yet and lists agents’ authorization', () => {
    const index = fileIndexOf(
      sources({
        rightsNoticeOn: null,
        sessions: [],
        outcome: null,
        followUps: [],
        parties: [
          { id: 11, name: '张三', identityNote: null, authorization: null, isAgent: false },
          { id: 13, name: '张小明', identityNote: '居民身份证', authorization: '一般授权', isAgent: true },
        ],
      }),
    )
    expect(index.map((i) => i.title)).toEqual([
      '人民调解受理登记表',
      '代理人身份证明（张小明）',
      '授权委托书（张小明）',
      '封底',
    ])
  })
})

describe('what closing needs', () => {
  it('is nothing for a complete case', () => {
    expect(missingForClose(sources())).toEqual([])
  })

  it('names each missing piece, each party by name', () => {
    expect(
      missingForClose(
        sources({
          rightsNoticeOn: null,
          sessions: [],
          outcome: null,
          parties: [
            { id: 11, name: '张三', identityNote: null, authorization: null, isAgent: false },
            { id: 12, name: '李四', identityNote: '户口簿', authorization: null, isAgent: false },
            { id: 13, name: '张小明', identityNote: null, authorization: '一般授权', isAgent: true },
          ],
        }),
      ),
    ).toEqual([
      '权利义务告知书（权利义务告知记录）',
      '当事人张三的身份证明',
      '代理人张小明的身份证明',
      '调解笔录（至少一次）',
      '调解结果记录（调解协议书、口头协议登记表、调解不成或终止调解记录）',
    ])
  })
})
