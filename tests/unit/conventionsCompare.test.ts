/** Version comparison: articles aligned so an edit is 'changed' with the edited characters marked. */
import { describe, expect, it } from 'vitest'
import { compareArticles, similarity } from '../../shared/conventions/compare'
import { articleNumberText } from '../../shared/conventions/numbering'

const articles = (...texts: string[]) => texts.map((text, i) => ({ numberText: articleNumberText(i + 1), text }))

const parking = '机动车在划定区域停放，不准乱停放，确保道路通畅。'
const stairs = '楼道内不得堆放杂物，保持消防通道畅通。'
const rubbish = '生活垃圾按时投放到指定垃圾桶。'
const pets = '遛狗须牵绳，及时清理宠物粪便。'

describe('compareArticles', () => {
  it('reports identical versions as all the same', () => {
    const out = compareArticles(articles(parking, stairs), articles(parking, stairs))
    expect(out.map((a) => a.kind)).toEqual(['same', 'same'])
  })

  it('marks an edited article as changed, with the inserted words', () => {
    const edited = '机动车、电动车在划定区域停放，不准乱停放，确保道路通畅。'
    const out = compareArticles(articles(parking, stairs), articles(edited, stairs))
    expect(out[0]).toMatchObject({ kind: 'changed', fromNumberText: '第一条', toNumberText: '第一条' })
    expect(out[0]?.parts.filter((p) => p.change === 'added').map((p) => p.text)).toEqual(['、电动车'])
    expect(out[0]?.parts.filter((p) => p.change === 'removed')).toEqual([])
    expect(out[0]?.parts.map((p) => (p.change === 'removed' ? '' : p.text)).join('')).toBe(edited)
  })

  it('marks deleted words inside a changed article', () => {
    const shorter = '机动车在划定区域停放，确保道路通畅。'
    const [d] = compareArticles(articles(parking), articles(shorter))
    expect(d?.kind).toBe('changed')
    expect(d?.parts.filter((p) => p.change === 'removed').map((p) => p.text)).toEqual(['不准乱停放，'])
  })

  it('finds an added article in the middle and renumbers what follows', () => {
    const out = compareArticles(articles(parking, rubbish), articles(parking, pets, rubbish))
    expect(out.map((a) => [a.kind, a.fromNumberText, a.toNumberText])).toEqual([
      ['same', '第一条', '第一条'],
      ['added', null, '第二条'],
      ['same', '第二条', '第三条'],
    ])
  })

  it('finds a removed article', () => {
    const out = compareArticles(articles(parking, stairs, rubbish), articles(parking, rubbish))
    expect(out.map((a) => [a.kind, a.fromNumberText, a.toNumberText])).toEqual([
      ['same', '第一条', '第一条'],
      ['removed', '第二条', null],
      ['same', '第三条', '第二条'],
    ])
    expect(out[1]?.parts).toEqual([{ text: stairs, change: 'removed' }])
  })

  it('treats an unrelated replacement as removed and added, not changed', () => {
    const out = compareArticles(articles(stairs), articles(pets))
    expect(out.map((a) => a.kind)).toEqual(['removed', 'added'])
  })

  it('handles empty versions', () => {
    expect(compareArticles([], articles(parking)).map((a) => a.kind)).toEqual(['added'])
    expect(compareArticles(articles(parking), []).map((a) => a.kind)).toEqual(['removed'])
    expect(compareArticles([], [])).toEqual([])
  })
})

describe('similarity', () => {
  it('is 1 for equal texts and low for unrelated ones', () => {
    expect(similarity(parking, parking)).toBe(1)
    expect(similarity(stairs, pets)).toBeLessThan(0.2)
    expect(similarity(parking, '机动车、电动车在划定区域停放，不准乱停放，确保道路通畅。')).toBeGreaterThan(0.8)
  })
})
