import { describe, expect, it } from 'vitest'
import {
  birthDateOf,
  checkCharOf,
  idNumberMessages,
  idNumberProblem,
  maskIdNumber,
  sexOf,
} from '../../shared/validation/idNumber'

describe('GB 11643 resident ID numbers', () => {
  it('accepts numbers whose check character is right', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull()
    expect(idNumberProblem('440524198001010013')).toBeNull()
    expect(checkCharOf('11010519491231002')).toBe('X')
    expect(checkCharOf('44052418800101001')).toBe('4')
  })

  it('accepts the textbook example born in 1880 but refuses years before 1800', () => {
    // DOMAIN.md lists 440524188001010014 as valid; old records of the deceased exist.
    expect(idNumberProblem('440524188001010014')).toBeNull()
    const first17 = '44052417990101001'
    expect(idNumberProblem(first17 + checkCharOf(first17))).toBe('birthDate')
  })

  it('accepts a lowercase x and surrounding spaces', () => {
    expect(idNumberProblem('11010519491231002x')).toBeNull()
    expect(idNumberProblem('  11010519491231002X ')).toBeNull()
  })

  it('refuses a wrong check character', () => {
    expect(idNumberProblem('110105194912310021')).toBe('checkDigit')
    expect(idNumberProblem('440524198001010014')).toBe('checkDigit')
  })

  it('refuses an impossible birth date even with a matching check character', () => {
    const first17 = '11010519490230002'
    expect(idNumberProblem(first17 + checkCharOf(first17))).toBe('birthDate')
    const month13 = '11010519491331002'
    expect(idNumberProblem(month13 + checkCharOf(month13))).toBe('birthDate')
  })

  it('refuses the wrong shape', () => {
    expect(idNumberProblem('')).toBe('format')
    expect(idNumberProblem('11010519491231002')).toBe('format')
    expect(idNumberProblem('1101051949123100XX')).toBe('format')
    expect(idNumberProblem('11010519491231002XX')).toBe('format')
  })

  it('has a Chinese message for every problem', () => {
    for (const message of Object.values(idNumberMessages)) expect(message).toMatch(/身份证号/)
  })

  it('reads birth date and sex, and masks the middle', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31')
    expect(sexOf('11010519491231002X')).toBe('female')
    expect(sexOf('440524198001010013')).toBe('male')
    expect(birthDateOf('440524198001010013')).toBe('1980-01-01')
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X')
    expect(maskIdNumber('12345')).toBe('12345')
  })
})

describe('ID numbers at the front desk', () => {
  it('handle leap days by the Gregorian rule', () => {
    const leap2000 = '11010520000229001'
    expect(idNumberProblem(leap2000 + checkCharOf(leap2000))).toBeNull()
    expect(birthDateOf(leap2000 + checkCharOf(leap2000))).toBe('2000-02-29')
    const notLeap1900 = '11010519000229001'
    expect(idNumberProblem(notLeap1900 + checkCharOf(notLeap1900))).toBe('birthDate')
  })

  it('read sex from the 17th digit, odd for men', () => {
    expect(sexOf('440524198001010021')).toBe('female')
    expect(sexOf('440524198001010056')).toBe('male')
    expect(idNumberProblem('440524198001010021')).toBeNull()
    expect(idNumberProblem('440524198001010056')).toBeNull()
  })

  it('catch a single mistyped or swapped digit through the check character', () => {
    // One wrong digit, and two neighbours swapped, in 11010519491231002X.
    expect(idNumberProblem('11010519491231003X')).toBe('checkDigit')
    expect(idNumberProblem('11010519491231020X')).toBe('checkDigit')
  })

  it('leave a future birth date to the form, which compares it with today', () => {
    const first17 = '11010520990101001'
    expect(idNumberProblem(first17 + checkCharOf(first17))).toBeNull()
    expect(birthDateOf(first17 + checkCharOf(first17))).toBe('2099-01-01')
  })
})
