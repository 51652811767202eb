/**
 * Cells as forms want them: dates in the ways registers write them (and
 * Excel's day numbers), phone numbers stored as numbers, and ID numbers
 * Excel has already cut to 15 digits refused with the reason.
 */
import { describe, expect, it } from 'vitest'
import {
  CellProblem,
  idNumberOf,
  integerOf,
  isoDateOf,
  phoneOf,
  textOf,
  wallTimeOf,
} from '../../electron/core/dataTransfer/cells'

function wall(cell: string | number) {
  const t = wallTimeOf(cell, '来访时间')!
  return `${isoDateOf(t)} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}${t.hasTime ? '' : ' (date)'}`
}

describe('dates', () => {
  it('reads the ways registers write a date and time', () => {
    expect(wall('2025-03-01')).toBe('2025-03-01 00:00 (date)')
    expect(wall('2025/3/1 9:05')).toBe('2025-03-01 09:05')
    expect(wall('2025.3.1')).toBe('2025-03-01 00:00 (date)')
    expect(wall('2025年3月1日')).toBe('2025-03-01 00:00 (date)')
    expect(wall('2025年3月1日 下午3:30')).toBe('2025-03-01 15:30')
    expect(wall('2025-03-01 14时20分')).toBe('2025-03-01 14:20')
    expect(wall('20250301')).toBe('2025-03-01 00:00 (date)')
    expect(wall(20250301)).toBe('2025-03-01 00:00 (date)')
  })

  it('reads Excel day numbers (with a time as the fraction)', () => {
    expect(wall(45717)).toBe('2025-03-01 00:00 (date)')
    expect(wall(45717.5625)).toBe('2025-03-01 13:30')
  })

  it('refuses what is not a date, in Chinese', () => {
    for (const bad of ['2025-02-30', '三月一日', '2025-13-01', '2025-03-01 25:00', -5]) {
      expect(() => wallTimeOf(bad, '来访时间')).toThrow(CellProblem)
    }
    expect(() => wallTimeOf('下周', '来访时间')).toThrow('来访时间“下周”不是有效的日期')
    expect(wallTimeOf('', '来访时间')).toBeNull()
    expect(wallTimeOf(null, '来访时间')).toBeNull()
  })
})

describe('numbers kept as text', () => {
  it('turns number cells into the digits shown', () => {
    expect(textOf(13812345678)).toBe('13812345678')
    expect(textOf(3)).toBe('3')
    expect(textOf(2.5)).toBe('2.5')
    expect(textOf('="0851-8123456"')).toBe('0851-8123456')
    expect(phoneOf(13812345678)).toBe('13812345678')
  })

  it('refuses an ID number Excel stored as a number (its last digits are gone)', () => {
    expect(() => idNumberOf(110105194912310000)).toThrow('身份证号在 Excel 中被存成了数字')
    expect(() => idNumberOf('1.10105E+17')).toThrow(CellProblem)
    expect(idNumberOf(' 11010519491231002x ')).toBe('11010519491231002x')
    expect(() => phoneOf('1.38123E+10')).toThrow('科学计数法')
  })

  it('reads counts with units and thousands separators', () => {
    expect(integerOf('1,200户', '户数')).toBe(1200)
    expect(integerOf(12, '楼栋数')).toBe(12)
    expect(integerOf('', '户数')).toBeNull()
    expect(() => integerOf('很多', '户数')).toThrow('户数应为整数，文件中为“很多”')
  })
})
