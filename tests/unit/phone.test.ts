import { describe, expect, it } from 'vitest'
import { isValidPhone, maskPhone, normalizePhone, phoneKind } from '../../shared/validation/phone'

describe('Chinese phone numbers', () => {
  it('accepts mobiles, with +86, 0086 and typed spaces', () => {
    expect(phoneKind('13812345678')).toBe('mobile')
    expect(phoneKind('+86 138 1234 5678')).toBe('mobile')
    expect(phoneKind('+86-13812345678')).toBe('mobile')
    expect(phoneKind('008619912345678')).toBe('mobile')
  })

  it('refuses 12x numbers and wrong lengths', () => {
    expect(isValidPhone('12812345678')).toBe(false)
    expect(isValidPhone('1381234567')).toBe(false)
    expect(isValidPhone('138123456789')).toBe(false)
    expect(isValidPhone('')).toBe(false)
    expect(isValidPhone('abc')).toBe(false)
  })

  it('accepts landlines with area code, optionally with an extension', () => {
    expect(phoneKind('010-12345678')).toBe('landline')
    expect(phoneKind('0851-8123456')).toBe('landline')
    expect(phoneKind('08518123456')).toBe('landline')
    expect(phoneKind('010-12345678-123')).toBe('landline')
    expect(phoneKind('(010) 12345678')).toBe('landline')
    expect(isValidPhone('12345678')).toBe(false)
    expect(isValidPhone('010-123456')).toBe(false)
    expect(isValidPhone('0101-2345678')).toBe(false)
  })

  it('normalises to the stored form', () => {
    expect(normalizePhone(' +86 138 1234 5678 ')).toBe('13812345678')
    expect(normalizePhone('010 12345678')).toBe('010-12345678')
    expect(normalizePhone('01012345678')).toBe('010-12345678')
    expect(normalizePhone('023 45678101')).toBe('023-45678101')
    expect(normalizePhone('0851-8123456')).toBe('0851-8123456')
    expect(normalizePhone('08518123456')).toBe('0851-8123456')
    expect(normalizePhone('010-12345678-123')).toBe('010-12345678-123')
    expect(normalizePhone(' not a phone ')).toBe('not a phone')
  })

  it('masks the middle', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678')
    expect(maskPhone('010-12345678')).toBe('010-****5678')
    expect(maskPhone('0851-8123456')).toBe('0851-***3456')
  })
})

describe('mobiles typed in groups', () => {
  it('accepts and normalises dashes between digit groups', () => {
    expect(isValidPhone('138-1234-5678')).toBe(true)
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678')
  })
})

describe('numbers as residents give them', () => {
  it('accepts every mobile prefix 13x–19x and refuses 10x–12x', () => {
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) {
      expect(isValidPhone(`${prefix}912345678`), prefix).toBe(true)
    }
    for (const prefix of ['10', '11', '12']) expect(isValidPhone(`${prefix}912345678`), prefix).toBe(false)
  })

  it('accepts big-city landlines with 8 digits and provincial ones with 7', () => {
    expect(normalizePhone('0755 8600 1234')).toBe('0755-86001234')
    expect(normalizePhone('(020)83331234')).toBe('020-83331234')
    expect(maskPhone('020-83331234')).toBe('020-****1234')
    expect(isValidPhone('0851-812345')).toBe(false)
  })

  it('refuses a 12-digit mobile however it is grouped', () => {
    expect(isValidPhone('138123456789')).toBe(false)
    expect(isValidPhone('138-1234-56789')).toBe(false)
    expect(isValidPhone('+86 138123456789')).toBe(false)
  })
})
