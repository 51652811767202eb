/** What a printed notice says (renderer/print/noticeText.ts): numbering, placeholders, 主送 line, attachments, date. */
import { describe, expect, it } from 'vitest'
import type { BodyBlock, Notice } from '../../shared/api/notices'
import { addresseeOf, printedNotice } from '../../renderer/print/noticeText'

const p = (text: string, bold = false): BodyBlock => ({ type: 'paragraph', text, bold })
const li = (text: string, bold = false): BodyBlock => ({ type: 'item', text, bold })

function notice(extra: Partial<Notice> = {}): Notice {
  return {
    id: 1,
    communityId: 1,
    communityName: '迎春社区',
    title: '关于{{小区名称}}临时停水的通知',
    docNumber: '迎春社区〔2026〕1号',
    audience: 'community',
    compounds: [],
    body: [p('正文')],
    attachmentsNote: null,
    issuerName: '迎春社区居民委员会',
    issuedOn: '2026-03-01',
    contact: null,
    postingLocation: null,
    status: 'draft',
    publishedAt: null,
    archivedAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    version: 1,
    ...extra,
  }
}

const twoCompounds = {
  audience: 'compounds' as const,
  compounds: [
    { id: 3, name: '幸福小区' },
    { id: 4, name: '商业局小区' },
  ],
}

describe('numbered items', () => {
  it('count 1．2． and restart after a plain paragraph', () => {
    const printed = printedNotice(notice({ body: [p('一'), li('甲', true), li('乙'), p('二'), li('丙')] }), null)
    expect(printed.blocks.map((b) => [b.kind, b.label, b.text, b.bold])).toEqual([
      ['paragraph', '', '一', false],
      ['item', '1．', '甲', true],
      ['item', '2．', '乙', false],
      ['paragraph', '', '二', false],
      ['item', '1．', '丙', false],
    ])
  })

  it('drop empty and blank blocks without breaking the count', () => {
    const printed = printedNotice(notice({ body: [li('甲'), p(''), p('　 '), li(''), li('乙')] }), null)
    expect(printed.blocks.map((b) => `${b.label}${b.text}`)).toEqual(['1．甲', '2．乙'])
  })
})

describe('placeholders', () => {
  it('are filled with the copy’s compound name in title, body and attachments', () => {
    const printed = printedNotice(
      notice({
        ...twoCompounds,
        body: [p('{{小区名称}}将停水；{{ 社区名称 }}提示；{{发文单位}}'), li('{{unknown}}')],
        attachmentsNote: '{{小区名称}}停水范围图',
      }),
      '幸福小区',
    )
    expect(printed.title).toBe('关于幸福小区临时停水的通知')
    expect(printed.blocks[0]?.text).toBe('幸福小区将停水；迎春社区提示；迎春社区居民委员会')
    expect(printed.blocks[1]?.text).toBe('{{unknown}}')
    expect(printed.attachments).toEqual(['幸福小区停水范围图'])
  })

  it('name all listed compounds when no single copy is chosen', () => {
    expect(printedNotice(notice(twoCompounds), null).title).toBe('关于幸福小区、商业局小区临时停水的通知')
  })
})

describe('addressee (主送)', () => {
  it('is the whole community for a community-wide notice', () => {
    expect(addresseeOf(notice(), null)).toBe('迎春社区全体居民：')
    expect(printedNotice(notice(), null).addressee).toBe('迎春社区全体居民：')
  })

  it('lists the chosen compounds joined with 、', () => {
    expect(addresseeOf(notice(twoCompounds), null)).toBe('幸福小区、商业局小区全体居民：')
  })

  it('is the one compound a printed copy is for', () => {
    expect(addresseeOf(notice(twoCompounds), '商业局小区')).toBe('商业局小区全体居民：')
    expect(addresseeOf(notice(), '幸福小区')).toBe('幸福小区全体居民：')
  })
})

describe('the rest of the page', () => {
  it('splits attachments one per line, trimmed, blank lines dropped', () => {
    const printed = printedNotice(notice({ attachmentsNote: '  停水范围图 \r\n\n施工单位联系方式\n  ' }), null)
    expect(printed.attachments).toEqual(['停水范围图', '施工单位联系方式'])
    expect(printedNotice(notice({ attachmentsNote: null }), null).attachments).toEqual([])
  })

  it('dates the notice in official form and keeps 文号, issuer and contact', () => {
    const printed = printedNotice(notice({ issuedOn: '2026-10-08', contact: '王秀英 13800000001' }), null)
    expect(printed.date).toBe('2026年10月8日')
    expect(printed.docNumber).toBe('迎春社区〔2026〕1号')
    expect(printed.issuerName).toBe('迎春社区居民委员会')
    expect(printed.contact).toBe('王秀英 13800000001')
  })
})
