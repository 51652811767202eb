/**
 * The mapping step's suggestion and the bulk pinyin: headings old registers
 * use find their fields; the fast pinyin keys are exactly the ones a person
 * saved through the form gets.
 */
import { describe, expect, it } from 'vitest'
import { headerScore, normaliseHeader, suggestMapping } from '../../shared/dataTransfer/fields'
import { checkedMapping, findLayout, layoutKey } from '../../electron/core/dataTransfer/mapping'
import { createPinyinCache } from '../../electron/core/dataTransfer/pinyinBulk'
import { pinyinKeys } from '../../electron/core/services/intake/personRows'

describe('suggestMapping', () => {
  it('preselects columns by the headings registers use', () => {
    expect(suggestMapping('people', ['序号', '姓 名', '联系电话（手机）', '公民身份号码', '现住址', '*性别'])).toEqual({
      name: 1,
      sex: 5,
      birthDate: null,
      age: null,
      ethnicity: null,
      phone: 2,
      idNumber: 3,
      community: null,
      compound: null,
      building: null,
      unit: null,
      room: null,
      address: 4,
      notes: null,
    })
    const visits = suggestMapping('visits', ['登记日期', '来访人', '来访人联系电话', '反映问题', '处理情况'])
    expect(visits).toMatchObject({ visitedAt: 0, name: 1, phone: 2, subject: 3, answer: 4 })
  })

  it('uses each column once', () => {
    const m = suggestMapping('people', ['电话', '电话'])
    expect(m.phone).toBe(0)
    expect(Object.values(m).filter((v) => v === 1)).toEqual([])
  })

  it('normalises headings the way the layout key compares them', () => {
    expect(normaliseHeader(' 联系电话（必填）*：')).toBe('联系电话')
    expect(layoutKey('people', ['姓名', ' 电话 '])).toBe(layoutKey('people', ['姓名', '电话']))
    expect(layoutKey('people', ['姓名', '电话'])).not.toBe(layoutKey('visits', ['姓名', '电话']))
  })

  it('finds the heading row under a title', () => {
    const rows = [
      { row: 1, cells: ['迎春社区来访登记表'] },
      { row: 3, cells: ['日期', '来访人', '事由', '处理结果'] },
      { row: 4, cells: ['2025-01-01', '张三', '咨询', '已答复'] },
    ]
    expect(findLayout(rows, (c) => headerScore('visits', c))).toMatchObject({ index: 1, row: 3 })
  })

  it('checks the mapping against the fields and the file', () => {
    expect(() => checkedMapping('people', { name: 0, nosuch: 1 }, ['姓名', '电话'])).toThrow('不是可导入的项目')
    expect(() => checkedMapping('people', { name: 5 }, ['姓名'])).toThrow('在文件中不存在')
    expect(() => checkedMapping('visits', { name: 0, subject: 1, answer: 2 }, ['a', 'b', 'c'])).toThrow('来访时间')
    expect([...checkedMapping('people', { name: 0, phone: null }, ['姓名']).entries()]).toEqual([['name', 0]])
  })
})

describe('bulk pinyin', () => {
  it('gives exactly the keys a saved person gets, surnames and compound surnames included', () => {
    const surnames = [...'王李张刘陈曾单解仇朴查区乐覃盖尉万'].concat(['欧阳', '司马', '诸葛', '尉迟', '单于', '长孙'])
    const given = [...'秀英建国强长乐重行朝薄翟一不思涵']
    const names: string[] = []
    for (const s of surnames) for (const a of given) for (const b of given.slice(0, 8)) names.push(s + a + b, s + a)
    names.push('阿卜杜拉·买买提', '李', 'Tom')
    const keys = createPinyinCache()
    const wrong = names.filter((n) => {
      const fast = keys(n)
      const slow = pinyinKeys(n)
      return fast.name_pinyin !== slow.name_pinyin || fast.name_initials !== slow.name_initials
    })
    expect(wrong).toEqual([])
    expect(keys('曾国藩')).toEqual({ name_pinyin: 'zengguofan', name_initials: 'zgf' })
  })
})
