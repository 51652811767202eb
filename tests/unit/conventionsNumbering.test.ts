/** 第一条 … numbering of convention articles and chapters. */
import { describe, expect, it } from 'vitest'
import { articleNumberText, chapterNumberText, chineseNumber, numberArticles } from '../../shared/conventions/numbering'

describe('chineseNumber', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [200, '二百'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [9999, '九千九百九十九'],
  ])('%i → %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text)
  })

  it('refuses numbers it cannot write', () => {
    expect(() => chineseNumber(0)).toThrow(RangeError)
    expect(() => chineseNumber(1.5)).toThrow(RangeError)
    expect(() => chineseNumber(10000)).toThrow(RangeError)
  })
})

describe('articles and chapters', () => {
  it('numbers articles and chapters', () => {
    expect(articleNumberText(1)).toBe('第一条')
    expect(articleNumberText(21)).toBe('第二十一条')
    expect(articleNumberText(100)).toBe('第一百条')
    expect(chapterNumberText(3)).toBe('第三章')
  })

  it('follows the order: chapters count only where one starts', () => {
    const numbered = numberArticles([
      { chapter: '总则', text: 'a' },
      { chapter: null, text: 'b' },
      { chapter: '公共秩序', text: 'c' },
      { chapter: null, text: 'd' },
      { chapter: '附则', text: 'e' },
    ])
    expect(numbered.map((a) => a.numberText)).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条'])
    expect(numbered.map((a) => a.chapterNumberText)).toEqual(['第一章', null, '第二章', null, '第三章'])
  })
})
