/**
 * Synthetic residents: Chinese names drawn like real ones (common surnames
 * far more often than rare ones; one- or two-character given names), mobile
 * numbers, and for some an ID number with a correct GB 11643 check character.
 */
import { checkCharOf } from '../../shared/validation/idNumber'
import type { Rng } from './prng'

/** Roughly in order of frequency (第七次人口普查): drawn with a skew towards the front. */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文',
  '欧阳',
  '司马',
  '诸葛',
]

const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯健俊帆帅旭宁晨阳欣怡佳琪子涵梓萱一诺雨轩思远嘉豪晓婷雪梅春燕海燕秋菊冬梅德福永庆树林金凤玉珍淑珍桂芝秀兰凤英福生长青有才振华卫东红梅丽娟美玲慧敏婉清若曦',
]

export interface PersonRow {
  name: string
  sex: '男' | '女'
  phone: string
  idNumber: string
  compound: string
  building: string
  unit: string
  room: string
}

/** Real prefixes of the three carriers' mobile ranges. */
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153']
  .concat(['155', '156', '157', '158', '159', '166', '170', '173', '176', '177', '178', '180', '181', '182'])
  .concat(['183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'])

/** Area codes of 贵溪市 and its neighbours (鹰潭、南昌、上饶): where a center's residents were born. */
const AREA_CODES = ['360681', '360602', '360603', '360622', '360102', '360111', '361102', '361121', '360502']

export function personName(rng: Rng): string {
  const surname = SURNAMES[Math.floor(SURNAMES.length * rng.next() ** 2.2)]!
  const one = rng.pick(GIVEN)
  return rng.chance(0.7) ? surname + one + rng.pick(GIVEN) : surname + one
}

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(100_000_000)).padStart(8, '0')
}

/** A valid 18-digit ID number for someone born between 1935 and 2008; odd sequence digit = male. */
export function idNumber(rng: Rng, male: boolean): string {
  const born = new Date(Date.UTC(1935, 0, 1) + rng.int(26_600) * 86_400_000)
  const date = born.toISOString().slice(0, 10).replace(/-/g, '')
  const sequence = rng.int(100) * 10 + rng.int(5) * 2 + (male ? 1 : 0)
  const first17 = rng.pick(AREA_CODES) + date + String(sequence).padStart(3, '0')
  return first17 + checkCharOf(first17)
}

/**
 * The i-th resident. `usedIds` keeps ID numbers unique (the registry
 * refuses a second person with the same number); it holds only the numbers,
 * a few MB at 200,000 people.
 */
export function personRow(rng: Rng, compounds: readonly string[], usedIds: Set<string>): PersonRow {
  const male = rng.chance(0.49)
  let id = ''
  if (rng.chance(0.45)) {
    do id = idNumber(rng, male)
    while (usedIds.has(id))
    usedIds.add(id)
  }
  return {
    name: personName(rng),
    sex: male ? '男' : '女',
    phone: rng.chance(0.92) ? mobile(rng) : '',
    idNumber: id,
    compound: rng.pick(compounds),
    building: String(1 + rng.int(24)),
    unit: String(1 + rng.int(4)),
    room: String((1 + rng.int(18)) * 100 + 1 + rng.int(4)),
  }
}

const HEADER = ['姓名', '性别', '联系电话', '身份证号', '小区名称', '楼栋', '单元', '房号']

/** One 人员名单 as the import takes it (.csv, UTF-8). */
export function peopleCsv(rows: readonly PersonRow[]): Buffer {
  const lines = [HEADER.join(',')]
  for (const p of rows)
    lines.push([p.name, p.sex, p.phone, p.idNumber, p.compound, p.building, p.unit, p.room].join(','))
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')
}
