/**
 * What an imported spreadsheet can fill, per kind of register: each target
 * field with its Chinese label, whether a row needs it, and the column
 * headings old registers use for it (so the mapping step can preselect the
 * right column). The renderer shows the same list in the mapping table.
 */

export const importKinds = ['compounds', 'people', 'visits', 'complaints'] as const
export type ImportKind = (typeof importKinds)[number]

export const importKindLabels: Record<ImportKind, string> = {
  compounds: '小区名单',
  people: '人员名单',
  visits: '来访登记历史',
  complaints: '诉求登记历史',
}

export interface ImportField {
  key: string
  label: string
  required: boolean
  /** Headings that mean this field, compared after `normaliseHeader`. */
  aliases: readonly string[]
  /** How to fill the column, shown beside the field in the mapping step. */
  hint?: string
}

const phone: ImportField = {
  key: 'phone',
  label: '联系电话',
  required: false,
  aliases: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '联系人电话'],
  hint: '11位手机号或带区号的固定电话',
}
const idNumber: ImportField = {
  key: 'idNumber',
  label: '身份证号',
  required: false,
  aliases: ['身份证号', '身份证', '身份证号码', '公民身份号码', '证件号码', '身份证件号码'],
  hint: '18位；Excel 中请设为文本格式，否则后几位会丢失',
}
const community: ImportField = {
  key: 'community',
  label: '所属社区',
  required: false,
  aliases: ['所属社区', '社区', '社区名称'],
  hint: '社区名称，须已在基础信息中登记',
}
const compound: ImportField = {
  key: 'compound',
  label: '小区',
  required: false,
  aliases: ['小区', '小区名称', '所在小区', '所属小区', '居住小区'],
  hint: '小区名称，须已在基础信息中登记',
}
const notes: ImportField = { key: 'notes', label: '备注', required: false, aliases: ['备注', '说明'] }

export const importFields: Record<ImportKind, readonly ImportField[]> = {
  compounds: [
    { ...community, hint: '社区名称；不填时用下方选择的默认社区' },
    { key: 'name', label: '小区名称', required: true, aliases: ['小区名称', '小区', '名称', '小区名'] },
    { key: 'address', label: '小区地址', required: false, aliases: ['小区地址', '地址', '位置'] },
    {
      key: 'kind',
      label: '小区类型',
      required: false,
      aliases: ['小区类型', '类型', '房屋类型'],
      hint: '商品房、老旧小区、三无小区、单位宿舍、安置房、其他；不填为“其他”',
    },
    {
      key: 'management',
      label: '管理方式',
      required: false,
      aliases: ['管理方式', '物业管理方式', '管理模式'],
      hint: '物业公司、社区物业、居民自治小组、无；不填时有物业公司名称即为“物业公司”，否则为“无”',
    },
    {
      key: 'propertyCompany',
      label: '物业公司名称',
      required: false,
      aliases: ['物业公司名称', '物业公司', '物业服务企业', '物业'],
    },
    { key: 'households', label: '户数', required: false, aliases: ['户数', '总户数', '住户数'] },
    { key: 'buildings', label: '楼栋数', required: false, aliases: ['楼栋数', '栋数', '楼栋总数', '楼数'] },
    notes,
  ],
  people: [
    {
      key: 'name',
      label: '姓名',
      required: true,
      aliases: ['姓名', '名字', '来访人', '来访人姓名', '居民姓名', '户主姓名', '户主', '人员姓名'],
    },
    { key: 'sex', label: '性别', required: false, aliases: ['性别'], hint: '男或女' },
    {
      key: 'birthDate',
      label: '出生日期',
      required: false,
      aliases: ['出生日期', '出生年月', '出生年月日', '生日'],
    },
    { key: 'age', label: '年龄', required: false, aliases: ['年龄', '岁数'] },
    { key: 'ethnicity', label: '民族', required: false, aliases: ['民族'] },
    phone,
    idNumber,
    community,
    compound,
    { key: 'building', label: '楼栋', required: false, aliases: ['楼栋', '楼栋号', '楼号', '栋', '幢', '栋号'] },
    { key: 'unit', label: '单元', required: false, aliases: ['单元', '单元号'] },
    { key: 'room', label: '房号', required: false, aliases: ['房号', '门牌号', '室', '房间号', '户号'] },
    {
      key: 'address',
      label: '住址',
      required: false,
      aliases: ['住址', '地址', '家庭住址', '现住址', '居住地址', '详细地址'],
    },
    notes,
  ],
  visits: [
    {
      key: 'visitedAt',
      label: '来访时间',
      required: true,
      aliases: ['来访时间', '来访日期', '日期', '时间', '登记时间', '登记日期', '来电时间', '接待时间', '接待日期'],
      hint: '如 2025-03-01 09:30；只有日期也可以',
    },
    {
      key: 'channel',
      label: '来访方式',
      required: false,
      aliases: ['来访方式', '方式', '渠道', '来源', '来访形式', '反映方式'],
      hint: '来访、来电、网格员上报、12345转办、其他；不填为“来访”',
    },
    {
      key: 'name',
      label: '姓名',
      required: true,
      aliases: ['姓名', '来访人', '来访人姓名', '来访人员', '来电人', '反映人', '名字'],
    },
    phone,
    idNumber,
    community,
    compound,
    { key: 'address', label: '住址', required: false, aliases: ['住址', '地址', '家庭住址', '现住址', '居住地址'] },
    { key: 'visitorCount', label: '来访人数', required: false, aliases: ['来访人数', '人数'], hint: '不填为1' },
    {
      key: 'subject',
      label: '事由',
      required: true,
      aliases: ['事由', '来访事由', '诉求内容', '反映问题', '主要问题', '内容', '来访内容', '反映内容', '问题'],
    },
    {
      key: 'answer',
      label: '答复内容',
      required: true,
      aliases: ['答复内容', '答复', '处理结果', '处理情况', '办理结果', '答复意见', '处理意见', '办理情况'],
      hint: '历史来访按“当场办结”登记，须有答复内容',
    },
    notes,
  ],
  complaints: [
    {
      key: 'receivedAt',
      label: '登记日期',
      required: true,
      aliases: ['登记日期', '登记时间', '受理日期', '反映日期', '反映时间', '来访日期', '来访时间', '日期', '时间'],
      hint: '如 2025-03-01 或 2025-03-01 09:30；不能晚于今天',
    },
    {
      key: 'name',
      label: '姓名',
      required: false,
      aliases: ['姓名', '反映人', '诉求人', '来访人', '来访人姓名', '来电人', '当事人', '名字'],
      hint: '不填（也无电话、身份证号）时登记为无来访人的诉求，如网格员上报',
    },
    phone,
    idNumber,
    {
      key: 'kind',
      label: '类型',
      required: true,
      aliases: ['类型', '诉求类型', '问题类型', '事项类型'],
      hint: '投诉、求助、建议、咨询',
    },
    {
      key: 'category',
      label: '分类',
      required: true,
      aliases: ['分类', '诉求分类', '问题分类', '诉求类别', '类别', '事项分类'],
      hint: '系统设置中的诉求类别，如“环境卫生”；子类别写作“物业服务/电梯”',
    },
    {
      key: 'urgency',
      label: '紧急程度',
      required: false,
      aliases: ['紧急程度', '是否紧急', '紧急'],
      hint: '一般或紧急；不填为一般',
    },
    community,
    compound,
    {
      key: 'locationDetail',
      label: '具体位置',
      required: false,
      aliases: ['具体位置', '位置', '地点', '发生地点', '问题位置', '具体地点'],
    },
    {
      key: 'request',
      label: '诉求内容',
      required: true,
      aliases: ['诉求内容', '诉求', '请求事项', '主要诉求', '反映问题', '反映内容', '问题描述', '内容'],
      hint: '要求解决什么',
    },
    { key: 'facts', label: '事实', required: false, aliases: ['事实', '事实经过', '事实和经过', '情况说明'] },
    { key: 'reasons', label: '理由', required: false, aliases: ['理由', '诉求理由'] },
    {
      key: 'status',
      label: '办理状态',
      required: false,
      aliases: ['办理状态', '状态', '处理状态', '办理进度'],
      hint: '登记、受理、办结；不填为登记。受理按登记当天受理计算办理时限',
    },
    {
      key: 'result',
      label: '办理结果',
      required: false,
      aliases: ['办理结果', '处理结果', '办理情况', '处理情况', '答复内容'],
      hint: '办结的必填',
    },
    {
      key: 'answer',
      label: '答复类型',
      required: false,
      aliases: ['答复类型', '答复意见', '答复'],
      hint: '支持、解释、不予支持；办结的必填',
    },
    {
      key: 'resolvedDate',
      label: '办结日期',
      required: false,
      aliases: ['办结日期', '办结时间', '完成日期', '结案日期'],
      hint: '办结的必填，不早于登记日期',
    },
    {
      key: 'satisfaction',
      label: '满意度',
      required: false,
      aliases: ['满意度', '回访满意度', '回访结果', '满意情况', '是否满意'],
      hint: '满意、基本满意、不满意；不填为未回访。不满意的按回访不满意重新办理',
    },
  ],
}

export function fieldOf(kind: ImportKind, key: string): ImportField | undefined {
  return importFields[kind].find((f) => f.key === key)
}

/**
 * A heading as compared: no spaces, no required-field stars or colons, no
 * bracketed remarks (“联系电话（手机）” → 联系电话), letters lower-cased.
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s\u3000*＊:：]/g, '')
    .toLowerCase()
}

/** Which file column each target field reads (0-based), or null for none. */
export type ColumnMapping = Record<string, number | null>

/**
 * The mapping the headings suggest: an exact alias first, then a heading
 * that contains an alias (“来访人联系电话”), each column used once, the
 * fields earlier in the list choosing first.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normal = headers.map(normaliseHeader)
  const used = new Set<number>()
  const result: ColumnMapping = {}
  const fields = importFields[kind]
  const pick = (f: ImportField, test: (h: string, alias: string) => boolean): number | null => {
    for (const alias of f.aliases.map(normaliseHeader)) {
      const i = normal.findIndex((h, col) => !used.has(col) && h !== '' && test(h, alias))
      if (i >= 0) return i
    }
    return null
  }
  for (const f of fields) {
    const exact = pick(f, (h, a) => h === a)
    if (exact !== null) {
      used.add(exact)
      result[f.key] = exact
    }
  }
  for (const f of fields) {
    if (result[f.key] !== undefined) continue
    const loose = pick(f, (h, a) => a.length >= 2 && h.includes(a))
    if (loose !== null) used.add(loose)
    result[f.key] = loose
  }
  return result
}

/** How many headings name some field of the kind: picks the heading row under a title row. */
export function headerScore(kind: ImportKind, cells: readonly string[]): number {
  const aliases = new Set(importFields[kind].flatMap((f) => f.aliases.map(normaliseHeader)))
  return cells.filter((c) => aliases.has(normaliseHeader(c))).length
}

/** The lists that export to .xlsx with their filters (诉求 and 审计日志 have their own exports). */
export const exportLists = ['communities', 'compounds', 'people', 'visits', 'notices'] as const
export type ExportList = (typeof exportLists)[number]

export const exportListLabels: Record<ExportList, string> = {
  communities: '社区名单',
  compounds: '小区名单',
  people: '来访人名单',
  visits: '来访记录',
  notices: '通知公告',
}
