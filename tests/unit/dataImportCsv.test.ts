/**
 * .csv as Chinese offices save it: RFC 4180 quoting (commas, quotes and line
 * breaks inside fields), record numbers as Excel shows them, UTF-8 with or
 * without BOM, GBK from Excel's 另存为, UTF-16 tab-separated “Unicode 文本”.
 */
import { describe, expect, it } from 'vitest'
import { decodeText, parseCsv } from '../../electron/core/dataTransfer/csv'
import { gbkBytes } from '../fixtures/dataImport'

function records(text: string): [number, string[]][] {
  const out: [number, string[]][] = []
  parseCsv(text, (fields, n) => {
    out.push([n, fields])
  })
  return out
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(records('姓名,备注\r\n张三,"住""幸福""小区,3栋"\r\n李四,"第一行\n第二行"\r\n')).toEqual([
      [1, ['姓名', '备注']],
      [2, ['张三', '住"幸福"小区,3栋']],
      [3, ['李四', '第一行\n第二行']],
    ])
  })

  it('numbers records as Excel shows rows: blank lines count, a final line break does not', () => {
    expect(records('a,b\n\n1,2\n,\n3,')).toEqual([
      [1, ['a', 'b']],
      [2, ['']],
      [3, ['1', '2']],
      [4, ['', '']],
      [5, ['3', '']],
    ])
    expect(records('a\n')).toEqual([[1, ['a']]])
    expect(records('')).toEqual([])
  })

  it('reads tab-separated text (Excel “Unicode 文本” renamed to .csv)', () => {
    expect(records('姓名\t电话\n张三\t138')).toEqual([
      [1, ['姓名', '电话']],
      [2, ['张三', '138']],
    ])
  })

  it('stops when told to', () => {
    const seen: number[] = []
    parseCsv('1\n2\n3\n', (_f, n) => {
      seen.push(n)
      return n < 2
    })
    expect(seen).toEqual([1, 2])
  })
})

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from('\ufeff姓名,电话', 'utf8'))).toEqual({ text: '姓名,电话', encoding: 'UTF-8' })
    expect(decodeText(Buffer.from('姓名,电话', 'utf8'))).toEqual({ text: '姓名,电话', encoding: 'UTF-8' })
  })

  it('reads GBK from Chinese Excel, including rarer characters of names', () => {
    const text = '姓名,住址\r\n欧阳娜娜,迎春社区幸福小区3栋\r\n曾祥燚,镕基路\r\n'
    const bytes = gbkBytes(text)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    expect(decodeText(bytes)).toEqual({ text, encoding: 'GB18030' })
  })

  it('reads UTF-16 with its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t电话', 'utf16le')])
    expect(decodeText(bytes)).toEqual({ text: '姓名\t电话', encoding: 'UTF-16' })
  })
})
