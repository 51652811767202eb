import { describe, expect, it } from 'vitest'
import {
  findSensitive,
  scrubSensitive,
  scrubbedMark,
  sensitiveKinds,
  sensitiveTextWarning,
} from '../../shared/validation/sensitiveText'

const kindsIn = (text: string) => findSensitive(text).map((m) => [m.kind, m.text])

describe('sensitive text detector', () => {
  it('finds ID numbers with a valid check character, alone or inside a sentence', () => {
    expect(kindsIn('11010519491231002X')).toEqual([['idNumber', '11010519491231002X']])
    expect(kindsIn('身份证号11010519491231002x，住3栋')).toEqual([['idNumber', '11010519491231002x']])
    expect(kindsIn('证件 440524188001010014。')).toEqual([['idNumber', '440524188001010014']])
    expect(kindsIn('号码是110105 19491231 002X')).toEqual([['idNumber', '110105 19491231 002X']])
  })

  it('ignores 18-character numbers whose check character or birth date is wrong', () => {
    expect(findSensitive('110105194912310021')).toEqual([])
    expect(findSensitive('110105194913310024')).toEqual([])
  })

  it('finds 15-digit first-generation ID numbers with a valid date', () => {
    expect(kindsIn('老身份证110105491231002')).toEqual([['idNumber', '110105491231002']])
    expect(findSensitive('110105491331002')).toEqual([])
  })

  it('finds mobiles, typed whole, grouped or with +86', () => {
    expect(kindsIn('电话13812345678')).toEqual([['mobile', '13812345678']])
    expect(kindsIn('打138 1234 5678或者139-1234-5678')).toEqual([
      ['mobile', '138 1234 5678'],
      ['mobile', '139-1234-5678'],
    ])
    expect(kindsIn('+86 13812345678')).toEqual([['mobile', '+86 13812345678']])
  })

  it('finds landlines with an area code', () => {
    expect(kindsIn('座机0851-8123456')).toEqual([['landline', '0851-8123456']])
    expect(kindsIn('（0851）8123456转12')).toEqual([['landline', '（0851）8123456转12']])
    expect(kindsIn('010 12345678')).toEqual([['landline', '010 12345678']])
    expect(kindsIn('08518123456')).toEqual([['landline', '08518123456']])
  })

  it('leaves dates, record numbers and amounts alone', () => {
    for (const text of [
      '2026-03-01来访',
      '2026年3月1日',
      '20260301',
      '诉求编号2026-000123，来访编号LF2026-000045',
      '维修费1500元，押金12,345.67元',
      '共计138123456.78元',
      '面积89.5平方米，3栋2单元1201室',
      '2026-000123',
      '12812345678',
      '1381234567',
    ]) {
      expect(findSensitive(text), text).toEqual([])
    }
  })

  it('does not read a mobile out of the middle of a longer number', () => {
    expect(findSensitive('6222021381234567890')).toEqual([])
    expect(findSensitive('11010519491231002X')).toHaveLength(1)
  })

  it('words the warning by what it found, and says nothing for clean text', () => {
    expect(sensitiveTextWarning('楼下垃圾两周没人清理')).toBeNull()
    expect(sensitiveTextWarning('')).toBeNull()
    expect(sensitiveTextWarning('联系13812345678')).toBe('内容中似乎包含手机号，非必要请勿在此填写')
    expect(sensitiveTextWarning('13812345678，身份证11010519491231002X')).toBe(
      '内容中似乎包含身份证号、手机号，非必要请勿在此填写',
    )
    expect(sensitiveKinds('0851-8123456')).toEqual(['landline'])
  })

  it('scrubs every match and keeps the rest of the text', () => {
    expect(scrubSensitive('张三，电话13812345678，身份证11010519491231002X，2026-03-01来访')).toBe(
      `张三，电话${scrubbedMark}，身份证${scrubbedMark}，2026-03-01来访`,
    )
    expect(scrubSensitive('无号码')).toBe('无号码')
  })
})
