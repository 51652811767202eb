/**
 * Importing registers on a real database, through the import service with
 * core's own database file (the commit writes on a connection of its own):
 * bad rows reported by row, column and reason with nothing written; good
 * imports of 小区, people (.csv in GBK) and visits (.xlsx); people matched,
 * never doubled; a cancelled commit leaving nothing; the column mapping
 * remembered per file layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import { importService } from '../../electron/core/dataTransfer/importService'
import type { ImportRunInput } from '../../shared/api/dataTransfer'
import { importRunInput, importPreviewInput } from '../../shared/api/dataTransfer'
import { apiErrorOf, call, countRows, ctx, openTestCore } from '../fixtures/core'
import { seedPlaces, type Places } from '../fixtures/notices'
import { csvText, fileOf, gbkBytes, idNumber, xlsxBytes, type TestFile } from '../fixtures/dataImport'

let core: Core
let places: Places
let service: ReturnType<typeof importService>

beforeAll(async () => {
  core = await openTestCore()
  places = await seedPlaces(core)
  service = importService(core.db, core.paths.databaseFile)
})
afterAll(async () => {
  await core.close()
})

/** Parsed as the API door would (defaults filled). */
function run(input: ImportRunInput) {
  return importRunInput.parse(input)
}

async function previewMapping(kind: ImportRunInput['kind'], file: TestFile) {
  const preview = await service.preview(ctx, importPreviewInput.parse({ kind, file }))
  return { preview, mapping: preview.suggested }
}

async function importEvents(): Promise<{ detail: string; entity: string }[]> {
  return (await core.db('audit_events').where({ action: 'import' }).select('detail', 'entity')) as {
    detail: string
    entity: string
  }[]
}

describe('a file with bad rows', () => {
  const rows = [
    ['幸福小区居民名单'],
    [],
    ['姓名', '性别', '联系电话', '身份证号', '小区名称', '楼栋', '房号'],
    ['张建国', '男', '13812345678', idNumber('1960-05-01', 11), '幸福小区', '3', '301'],
    ['李秀英', '女', '1381234', '', '幸福小区', '2', '202'],
    ['王强', '', '13900001111', '110105196005010120', '幸福小区', '', ''],
    ['赵丽华', '男', '13900002222', idNumber('1970-01-02', 22), '幸福小区', '1', '101'],
    ['', '', '13900003333', '', '', '', ''],
    ['孙志强', '', '13900004444', '', '不存在的小区', '', ''],
    ['周<b>', '', '', '', '', '', ''],
  ]
  const file = fileOf('名单.csv', csvText(rows))

  it('reports each problem with its spreadsheet row, the column heading and a Chinese message', async () => {
    const { preview, mapping } = await previewMapping('people', file)
    expect(preview.headerRow).toBe(3)
    expect(preview.headers).toEqual(['姓名', '性别', '联系电话', '身份证号', '小区名称', '楼栋', '房号'])
    expect(mapping).toMatchObject({ name: 0, sex: 1, phone: 2, idNumber: 3, compound: 4, building: 5, room: 6 })

    const report = await service.dryRun(ctx, run({ kind: 'people', file, mapping }))
    expect(report.rowCount).toBe(7)
    expect(report.okCount).toBe(1)
    expect(report.problemRows).toBe(6)
    const byRow = Object.fromEntries(report.problems.map((p) => [p.row, p]))
    expect(byRow[5]).toMatchObject({ column: '联系电话' })
    expect(byRow[5]!.message).toContain('联系电话格式不正确')
    expect(byRow[6]).toMatchObject({ column: '身份证号', message: '身份证号校验位不正确，请核对号码' })
    expect(byRow[7]).toMatchObject({ column: '性别' })
    expect(byRow[7]!.message).toContain('性别与身份证号不一致')
    expect(byRow[8]).toMatchObject({ column: '姓名', message: '请填写姓名' })
    expect(byRow[9]).toMatchObject({ column: '小区名称' })
    expect(byRow[9]!.message).toContain('找不到小区“不存在的小区”')
    expect(byRow[10]!.column).toBe('姓名')
    expect(byRow[10]!.message).toContain('只能包含汉字')
    expect(report.problems.map((p) => p.row)).toEqual([5, 6, 7, 8, 9, 10])
  })

  it('refuses the commit and writes nothing at all', async () => {
    const people = await countRows(core, 'persons')
    const { mapping } = await previewMapping('people', file)
    const err = await apiErrorOf(() => service.commit(ctx, run({ kind: 'people', file, mapping })))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('文件中还有6处问题')
    expect(await countRows(core, 'persons')).toBe(people)
    expect(await importEvents()).toEqual([])
    const remembered = await service.preview(ctx, importPreviewInput.parse({ kind: 'people', file }))
    expect(remembered.remembered).toBeNull()
  })

  it('refuses a mapping without a required field, naming the field', async () => {
    const err = await apiErrorOf(() => service.dryRun(ctx, run({ kind: 'people', file, mapping: { phone: 2 } })))
    expect(err.field).toBe('mapping.name')
    expect(err.message).toContain('姓名')
    const twice = await apiErrorOf(() =>
      service.dryRun(ctx, run({ kind: 'people', file, mapping: { name: 0, notes: 0 } })),
    )
    expect(twice.message).toContain('一列只能对应一项')
  })

  it('says what is wrong with a file it cannot read', async () => {
    const xls = fileOf(
      '旧表.xls'.replace('.xls', '.xlsx'),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    )
    const err = await apiErrorOf(() => service.preview(ctx, importPreviewInput.parse({ kind: 'people', file: xls })))
    expect(err.message).toContain('另存为')
    const notZip = fileOf('坏.xlsx', 'not a workbook')
    expect(
      (await apiErrorOf(() => service.preview(ctx, importPreviewInput.parse({ kind: 'people', file: notZip }))))
        .message,
    ).toContain('不是有效的 .xlsx')
  })
})

describe('a good import', () => {
  it('brings in a 小区名单 from .xlsx (title row, labels, default community) and never doubles a 小区', async () => {
    const bytes = await xlsxBytes({
      小区: [
        ['2025年小区台账'],
        ['小区名称', '所属社区', '小区类型', '管理方式', '物业公司', '户数', '楼栋数', '地址'],
        ['阳光花园', '', '商品房', '物业公司', '阳光物业', 320, 12, '建设路8号'],
        ['红光新村', '红光社区', '老旧小区', '', '', '150', '6', ''],
        ['幸福小区', '迎春社区', '老旧小区', '', '', '', '', ''],
        ['电厂宿舍', '', '单位宿舍', '无', '', 80, 4, ''],
      ],
    })
    const file = fileOf('小区台账.xlsx', bytes)
    const { preview, mapping } = await previewMapping('compounds', file)
    expect(preview.sheetName).toBe('小区')
    expect(preview.headerRow).toBe(2)
    const input = run({ kind: 'compounds', file, mapping, communityId: places.yingchun })
    const report = await service.dryRun(ctx, input)
    expect(report.problems).toEqual([])
    expect(report).toMatchObject({ rowCount: 4, okCount: 4, created: 3, matched: 1 })

    const result = await service.commit(ctx, input)
    expect(result).toMatchObject({ kind: 'compounds', created: 3, matched: 1 })
    const sunshine = await core.db('compounds').where({ name: '阳光花园' }).first()
    expect(sunshine).toMatchObject({
      community_id: places.yingchun,
      kind: 'commercial',
      management: 'property_company',
      property_company: '阳光物业',
      households: 320,
      buildings: 12,
      address: '建设路8号',
      version: 1,
    })
    const hong = await core.db('compounds').where({ name: '红光新村' }).first()
    expect(hong).toMatchObject({ community_id: places.hongguang, kind: 'old', management: 'none', households: 150 })
    const again = await service.dryRun(ctx, input)
    expect(again).toMatchObject({ created: 0, matched: 4 })
    const events = await importEvents()
    expect(events.at(-1)!.entity).toBe('compound')
    expect(JSON.parse(events.at(-1)!.detail)).toMatchObject({
      importKind: 'compounds',
      rows: 4,
      created: 3,
      matched: 1,
    })
  })

  it('brings in people from a GBK .csv: pinyin, birth date and sex from the ID, the 小区 by name', async () => {
    const zhangId = idNumber('1958-03-12', 31)
    const liId = idNumber('1975-11-30', 42)
    const text = csvText([
      ['姓名', '身份证号', '手机', '民族', '所在小区', '楼栋', '单元', '门牌号', '备注'],
      ['曾国藩', zhangId, '13800138000', '汉', '幸福小区', '5', '2', '502', '独居老人，需定期走访'],
      ['单田芳', liId, '0851-8123456', '回族', '商业局小区', '', '', '', ''],
      ['欧阳娜娜', '', '13700137000', '', '', '', '', '', '家住"河边"，电话常打不通'],
    ])
    const bytes = gbkBytes(text)
    expect(Buffer.from(bytes).toString('utf8')).not.toContain('曾国藩') // really GBK, not UTF-8
    const file = fileOf('居民名单.csv', bytes)
    const { preview, mapping } = await previewMapping('people', file)
    expect(preview.encoding).toBe('GB18030')
    expect(preview.sampleRows[0]!.cells[0]).toBe('曾国藩')
    const result = await service.commit(ctx, run({ kind: 'people', file, mapping }))
    expect(result).toMatchObject({ rowCount: 3, created: 3, newPeople: 3, matchedPeople: 0 })

    const zeng = await core.db('persons').where({ id_number: zhangId }).first()
    expect(zeng).toMatchObject({
      name: '曾国藩',
      name_pinyin: 'zengguofan',
      name_initials: 'zgf',
      sex: 'male',
      birth_date: '1958-03-12',
      ethnicity: '汉族',
      phone: '13800138000',
      compound_id: places.xingfu,
      building: '5',
      unit: '2',
      room: '502',
      notes: '独居老人，需定期走访',
    })
    const shan = await core.db('persons').where({ id_number: liId }).first()
    expect(shan).toMatchObject({ name_pinyin: 'shantianfang', sex: 'female', phone: '0851-8123456', ethnicity: '回族' })
    const ouyang = await core.db('persons').where({ name: '欧阳娜娜' }).first()
    expect(ouyang.notes).toBe('家住"河边"，电话常打不通')
    // Found by the desk's own search, as if typed in at the counter.
    const found = await call(core, 'people.search', { query: 'zgf' })
    expect(found.map((p) => p.name)).toContain('曾国藩')

    const event = (await importEvents()).at(-1)!
    expect(event.entity).toBe('person')
    // Counts only: no names, numbers or file name in the audit trail.
    expect(event.detail).not.toMatch(/曾国藩|13800138000|居民名单|1958/)
    expect(JSON.parse(event.detail)).toMatchObject({ importKind: 'people', fileType: 'csv', rows: 3, newPeople: 3 })
  })

  it('brings in 来访登记 history from .xlsx: Excel dates and text times, channel labels, numbers and 查询码', async () => {
    const bytes = await xlsxBytes({
      来访登记: [
        ['来访日期', '来访人', '联系电话', '方式', '反映问题', '处理结果', '人数'],
        [new Date(Date.UTC(2025, 2, 3, 9, 30)), '曾国藩', '13800138000', '来访', '咨询高龄补贴', '已告知申请材料', 1],
        ['2025/3/4 14:05', '钱学森', '13600136000', '来电', '楼道灯坏了', '已联系物业维修', ''],
        ['2024年12月30日', '钱学森', '13600136000', '12345', '噪音扰民', '已协调', 2],
      ],
    })
    const file = fileOf('来访登记.xlsx', bytes)
    const { mapping } = await previewMapping('visits', file)
    expect(mapping).toMatchObject({
      visitedAt: 0,
      name: 1,
      phone: 2,
      channel: 3,
      subject: 4,
      answer: 5,
      visitorCount: 6,
    })
    const people = await countRows(core, 'persons')
    const result = await service.commit(ctx, run({ kind: 'visits', file, mapping }))
    expect(result).toMatchObject({ created: 3, matched: 0, newPeople: 1, matchedPeople: 1 })
    expect(await countRows(core, 'persons')).toBe(people + 1)

    const visits = (await core
      .db('visits')
      .join('persons', 'persons.id', 'visits.person_id')
      .orderBy('visits.visited_at')
      .select('visits.*', 'persons.name')) as Record<string, unknown>[]
    expect(visits.map((v) => [v.name, v.channel, v.subject, v.outcome, v.visitor_count])).toEqual([
      ['钱学森', 'hotline_12345', '噪音扰民', 'on_spot', 2],
      ['曾国藩', 'walk_in', '咨询高龄补贴', 'on_spot', 1],
      ['钱学森', 'phone', '楼道灯坏了', 'on_spot', 1],
    ])
    expect(visits[0]!.number).toBe('LF2024-000001')
    expect(visits.slice(1).map((v) => v.number)).toEqual(['LF2025-000001', 'LF2025-000002'])
    expect(visits.every((v) => /^[A-HJ-NP-Z2-9]{6}$/.test(String(v.lookup_code)))).toBe(true)
    const at = new Date(String(visits[2]!.visited_at))
    expect([at.getFullYear(), at.getMonth() + 1, at.getDate(), at.getHours(), at.getMinutes()]).toEqual([
      2025, 3, 4, 14, 5,
    ])
    // The desk's own numbering carries on after the imported ones.
    const next = await call(core, 'visits.create', {
      person: { name: '新来访' },
      visitedAt: '2025-06-01T02:00:00.000Z',
      subject: '咨询',
      outcome: 'on_spot',
      answer: '已答复',
    })
    expect(next.number).toBe('LF2025-000003')

    // The same register again: every visit is already there.
    const again = await service.dryRun(ctx, run({ kind: 'visits', file, mapping }))
    expect(again).toMatchObject({ created: 0, matched: 3, newPeople: 0 })
  })
})

describe('people already registered', () => {
  it('are matched by ID number or by phone and name, their empty fields filled, never doubled', async () => {
    const withId = idNumber('1980-06-15', 51)
    const visit = await call(core, 'visits.create', {
      person: { name: '冯小刚', phone: '13511112222' },
      subject: '咨询',
      outcome: 'on_spot',
      answer: '已答复',
    })
    await call(core, 'visits.create', {
      person: { name: '韩梅梅', idNumber: withId, phone: '13533334444', notes: '原有备注' },
      subject: '咨询',
      outcome: 'on_spot',
      answer: '已答复',
    })
    const before = await countRows(core, 'persons')
    const fengId = idNumber('1958-04-18', 71)
    const file = fileOf(
      '名单.csv',
      csvText([
        ['姓名', '联系电话', '身份证号', '备注', '小区'],
        ['冯小刚', '135-1111-2222', fengId, '来自文件', '幸福小区'],
        ['韩梅梅', '', withId, '文件备注', ''],
        ['韩梅梅', '13599990000', '', '', ''],
        ['新居民', '13700001234', '', '', ''],
        ['新居民', '13700001234', '', '第二行同一人', '红光苑'],
      ]),
    )
    const { mapping } = await previewMapping('people', file)
    const report = await service.dryRun(ctx, run({ kind: 'people', file, mapping }))
    expect(report).toMatchObject({ problemCount: 0, newPeople: 2, matchedPeople: 2, updatedPeople: 1, created: 2 })
    await service.commit(ctx, run({ kind: 'people', file, mapping }))
    // 韩梅梅 with another phone and no ID number is someone else (a new record); 新居民 twice is one person.
    expect(await countRows(core, 'persons')).toBe(before + 2)

    const feng = await core.db('persons').where({ id: visit.person.id }).first()
    expect(feng).toMatchObject({
      id_number: fengId,
      birth_date: '1958-04-18',
      sex: 'male',
      compound_id: places.xingfu,
      version: 2,
    })
    const han = await core.db('persons').where({ id_number: withId }).first()
    expect(han).toMatchObject({ phone: '13533334444', notes: '原有备注', version: 1 })
    const fresh = (await core.db('persons').where({ name: '新居民' })) as Record<string, unknown>[]
    expect(fresh).toHaveLength(1)
    // The later row fills what the first one left empty.
    expect(fresh[0]).toMatchObject({ compound_id: places.hongguangYuan, notes: '第二行同一人' })
  })

  it('refuses an ID number registered under another name, and one whose birth date contradicts the record', async () => {
    const holder = idNumber('1966-08-08', 81)
    await call(core, 'visits.create', {
      person: { name: '陈佩斯', idNumber: holder },
      subject: '咨询',
      outcome: 'on_spot',
      answer: '已答复',
    })
    await call(core, 'visits.create', {
      person: { name: '朱时茂', phone: '13122223333', birthDate: '1950-01-01' },
      subject: '咨询',
      outcome: 'on_spot',
      answer: '已答复',
    })
    const file = fileOf(
      '名单.csv',
      csvText([
        ['姓名', '身份证号', '电话'],
        ['陈佩', holder, ''],
        ['朱时茂', idNumber('1952-02-02', 91), '13122223333'],
        ['甲某', idNumber('1990-01-01', 11), ''],
        ['乙某', idNumber('1990-01-01', 11), ''],
      ]),
    )
    const { mapping } = await previewMapping('people', file)
    const report = await service.dryRun(ctx, run({ kind: 'people', file, mapping }))
    expect(report.problems).toEqual([
      { row: 2, column: '身份证号', message: '该身份证号已登记在来访人“陈*”名下，与本行姓名不一致，请核对' },
      {
        row: 3,
        column: '身份证号',
        message: '身份证号中的出生日期（1952-02-02）与已登记的出生日期（1950-01-01）不一致，请核对',
      },
      { row: 5, column: '身份证号', message: '与第4行的身份证号相同但姓名不同，请核对' },
    ])
  })
})

describe('between the dry run and the commit', () => {
  it('the commit matches people registered meanwhile, and re-checks rows when a 小区 changed', async () => {
    const meanwhile = idNumber('1988-08-08', 61)
    const file = fileOf(
      '名单.csv',
      csvText([
        ['姓名', '身份证号', '小区'],
        ['林则徐', meanwhile, '商业局小区'],
        ['邓世昌', idNumber('1949-10-01', 71), ''],
      ]),
    )
    const { mapping } = await previewMapping('people', file)
    expect(await service.dryRun(ctx, run({ kind: 'people', file, mapping }))).toMatchObject({
      problemCount: 0,
      newPeople: 2,
    })
    // Registered at the desk after the dry run: the commit must match, not double (nor fail on the unique ID).
    await call(core, 'visits.create', {
      person: { name: '林则徐', idNumber: meanwhile },
      subject: '咨询',
      outcome: 'on_spot',
      answer: '已答复',
    })
    const result = await service.commit(ctx, run({ kind: 'people', file, mapping }))
    expect(result).toMatchObject({ newPeople: 1, matchedPeople: 1, updatedPeople: 1 })
    const lin = (await core.db('persons').where({ id_number: meanwhile })) as Record<string, unknown>[]
    expect(lin).toHaveLength(1)
    expect(lin[0]!.compound_id).toBe(places.shangyeju)

    const second = fileOf(
      '名单二.csv',
      csvText([
        ['姓名', '小区'],
        ['左宗棠', '红光苑'],
      ]),
    )
    const m2 = (await previewMapping('people', second)).mapping
    expect((await service.dryRun(ctx, run({ kind: 'people', file: second, mapping: m2 }))).problemCount).toBe(0)
    const compound = await call(core, 'places.getCompound', { id: places.hongguangYuan })
    await call(core, 'places.saveCompound', {
      id: compound.id,
      version: compound.version,
      communityId: compound.communityId,
      name: '红光家园',
      kind: compound.kind,
      management: compound.management,
    })
    const err = await apiErrorOf(() => service.commit(ctx, run({ kind: 'people', file: second, mapping: m2 })))
    expect(err.message).toContain('文件中还有1处问题')
    expect(await core.db('persons').where({ name: '左宗棠' })).toEqual([])
  })
})

describe('a conflict found by the dry run', () => {
  it('is checked again at the commit: corrected in the registry meanwhile, the file goes in', async () => {
    const shared = idNumber('1971-07-07', 33)
    const visit = await call(core, 'visits.create', {
      person: { name: '岳飞', idNumber: shared },
      subject: '咨询',
      outcome: 'on_spot',
      answer: '已答复',
    })
    const file = fileOf(
      '名单.csv',
      csvText([
        ['姓名', '身份证号'],
        ['岳云', shared],
      ]),
    )
    const { mapping } = await previewMapping('people', file)
    const report = await service.dryRun(ctx, run({ kind: 'people', file, mapping }))
    expect(report.problems).toEqual([
      { row: 2, column: '身份证号', message: '该身份证号已登记在来访人“岳*”名下，与本行姓名不一致，请核对' },
    ])
    // The desk finds the registry had the name wrong and corrects it.
    const person = await call(core, 'people.history', { id: visit.person.id })
    await call(core, 'people.save', { id: person.person.id, version: person.person.version, name: '岳云' })
    const result = await service.commit(ctx, run({ kind: 'people', file, mapping }))
    expect(result).toMatchObject({ problemCount: 0, newPeople: 0, matchedPeople: 1 })
  })
})

describe('progress and cancel', () => {
  function bigFile(n: number, from = 0): TestFile {
    const rows: (string | number)[][] = [['姓名', '手机号码', '身份证号码']]
    for (let i = from; i < from + n; i++) {
      const born = new Date(Date.UTC(1940, 0, 1) + (i % 20000) * 86_400_000).toISOString().slice(0, 10)
      rows.push([
        `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]}`,
        `139${String(i).padStart(8, '0')}`,
        idNumber(born, 100 + Math.floor(i / 20000)),
      ])
    }
    return fileOf('大名单.csv', csvText(rows))
  }

  it('a cancelled commit rolls everything back; status and the shared connection answer meanwhile', async () => {
    const file = bigFile(20000)
    const { mapping } = await previewMapping('people', file)
    const before = await countRows(core, 'persons')
    const events = (await importEvents()).length
    const commit = service.commit(ctx, run({ kind: 'people', file, mapping }))
    const outcome = commit.then(
      () => 'done',
      (err: Error) => err.message,
    )
    let writing = false
    for (let i = 0; i < 100_000 && !writing; i++) {
      const status = await service.status()
      writing = status.running?.phase === 'write' && status.running.rowsDone > 0
      if (!writing) await new Promise((r) => setImmediate(r))
    }
    expect(writing).toBe(true)
    // The shared connection is free while the import writes on its own one.
    expect(await countRows(core, 'persons')).toBe(before)
    const second = await apiErrorOf(() => service.dryRun(ctx, run({ kind: 'people', file, mapping })))
    expect(second.code).toBe('CONFLICT')
    const cancel = await service.cancel()
    expect(cancel.cancelled).toBe(true)
    expect(await outcome).toBe('导入已取消，没有写入任何数据')
    expect(await countRows(core, 'persons')).toBe(before)
    expect((await importEvents()).length).toBe(events)
    const status = await service.status()
    expect(status.running).toBeNull()
    expect(status.last).toMatchObject({ step: 'commit', outcome: 'cancelled' })
    expect((await service.preview(ctx, importPreviewInput.parse({ kind: 'people', file }))).remembered).toBeNull()
  })

  it('reports progress through the phases up to 100%', async () => {
    const file = bigFile(3000, 50000)
    const { mapping } = await previewMapping('people', file)
    const seen = new Set<string>()
    const commit = service.commit(ctx, run({ kind: 'people', file, mapping }))
    let done = false
    void commit.finally(() => (done = true))
    let lastPercent = 0
    while (!done) {
      const running = (await service.status()).running
      if (running) {
        seen.add(running.phase)
        expect(running.percent).toBeGreaterThanOrEqual(lastPercent)
        lastPercent = running.percent
        expect(running.startedBy).toBe(ctx.staff!.name)
      }
      await new Promise((r) => setImmediate(r))
    }
    const result = await commit
    expect(result.created).toBe(3000)
    expect([...seen]).toEqual(expect.arrayContaining(['check', 'write']))
    expect((await service.status()).last).toMatchObject({ outcome: 'done', step: 'commit' })
  })
})

describe('the column mapping', () => {
  it('is remembered per file layout (kind and headings) after a commit', async () => {
    const headings = ['序号', '居民', '电话', '身份证', '住址']
    const file = fileOf('一月.csv', csvText([headings, [1, '马东', '13344445555', '', '建设路1号']]))
    const { preview } = await previewMapping('people', file)
    expect(preview.remembered).toBeNull()
    // 居民 is not a heading the app knows: the clerk picks it.
    expect(preview.suggested.name).toBeNull()
    const mapping = { ...preview.suggested, name: 1 }
    await service.commit(ctx, run({ kind: 'people', file, mapping }))

    // Next month's register in the same layout (headings spaced differently) comes preselected.
    const february = fileOf(
      '二月.csv',
      csvText([
        ['序号', ' 居民 ', '电话', '身份证', '住址'],
        [1, '牛群', '13344446666', '', ''],
      ]),
    )
    const next = await service.preview(ctx, importPreviewInput.parse({ kind: 'people', file: february }))
    expect(next.remembered).toMatchObject({ name: 1, phone: 2, idNumber: 3, address: 4 })
    expect(next.rememberedAt).toBe(ctx.clock.now().toISOString())
    // Another kind, or another layout, has its own (none yet).
    const asVisits = await service.preview(ctx, importPreviewInput.parse({ kind: 'visits', file: february }))
    expect(asVisits.remembered).toBeNull()
    const other = fileOf(
      '三月.csv',
      csvText([
        ['居民', '电话'],
        ['牛群', '13344446666'],
      ]),
    )
    expect(
      (await service.preview(ctx, importPreviewInput.parse({ kind: 'people', file: other }))).remembered,
    ).toBeNull()
  })
})

describe('who imports', () => {
  it('stamps records with the administrator who imported them', async () => {
    const admin: Ctx = { ...ctx, staff: { id: 1, name: '本机管理员', role: 'admin' } }
    const file = fileOf('x.csv', csvText([['姓名'], ['黄渤']]))
    const { mapping } = await previewMapping('people', file)
    await service.commit(admin, run({ kind: 'people', file, mapping }))
    const row = await core.db('persons').where({ name: '黄渤' }).first()
    expect(row).toMatchObject({ created_by: 1, updated_by: 1, created_at: ctx.clock.now().toISOString() })
  })
})
