/**
 * 诉求 text the way a clerk writes it: where (小区, 楼栋, a spot), what is
 * wrong (per category), since when, and what is asked. Templates × places ×
 * details give some hundred thousand distinct sentences with the skew real
 * registers have, so a 2-character query hits a few percent of the rows and
 * a 6-character phrase well under one percent — the selectivity search
 * has to cope with.
 */
import type { Rng } from './prng'

/** Problems by category (names as seeded in 004_intake). */
export const PROBLEMS: Record<string, readonly string[]> = {
  环境卫生: [
    '垃圾清运不及时，夏天气味很大',
    '楼道堆放杂物影响通行',
    '宠物粪便无人清理',
    '绿化带杂草丛生蚊虫多',
    '下水道堵塞污水外溢',
    '垃圾桶破损没人更换',
  ],
  占道经营: ['流动摊贩占道摆摊', '商铺把货物摆到人行道上', '夜市烧烤油烟扰民', '早餐摊占用盲道', '有人在路边修车占道'],
  物业服务: [
    '物业费收取标准不透明',
    '门岗值守不到位外来人员随意进出',
    '公共区域保洁不及时',
    '物业对报修推诿拖延',
    '小区监控长期损坏',
  ],
  设施维修: [
    '路灯损坏夜间照明不足',
    '楼顶漏水导致墙面发霉',
    '自来水管破裂漏水',
    '单元门禁损坏无法关闭',
    '健身器材松动存在危险',
  ],
  邻里纠纷: [
    '楼上住户夜间噪音扰民',
    '邻居空调外机滴水到阳台',
    '邻居在公共区域搭建杂物间',
    '楼上装修噪音影响休息',
    '邻居饲养犬只夜间吠叫',
  ],
  家庭矛盾: [
    '子女不履行赡养义务',
    '夫妻因家务琐事经常争吵',
    '兄弟之间因房产分割产生矛盾',
    '独居老人生活无人照料',
    '家庭成员对遗产分配有分歧',
  ],
  安全隐患: [
    '电动车在楼道充电存在火灾隐患',
    '消防通道被车辆堵塞',
    '高空抛物威胁行人安全',
    '外墙瓷砖脱落砸到车辆',
    '燃气管道老化有异味',
  ],
  停车充电: [
    '停车位不足车辆乱停乱放',
    '充电桩数量不够排队充电',
    '外来车辆长期占用车位',
    '充电桩收费过高',
    '废旧车辆长期占用车位',
  ],
  加装电梯: [
    '申请加装电梯低层住户不同意',
    '想了解加装电梯补贴政策',
    '加装电梯施工影响通行',
    '加装电梯费用分摊有争议',
    '加装电梯后维保责任不清',
  ],
  政策咨询: [
    '咨询高龄津贴申领条件',
    '咨询医保缴费办理流程',
    '咨询居住证办理材料',
    '咨询低保申请条件',
    '咨询公租房申请流程',
  ],
  其他: ['快递柜超时收费', '建议增设休闲座椅', '希望开设老年食堂', '建议增加公交班次', '室内手机信号差'],
}

export const SPOTS = [
  '东门',
  '南门',
  '北门口',
  '地下车库',
  '小吃街',
  '农贸市场门口',
  '幼儿园门口',
  '健身广场',
  '垃圾中转站旁',
  '公交站台',
  '老年活动中心',
  '快递驿站旁',
  '篮球场',
  '消防通道',
  '绿化带',
  '人行道',
  '卫生服务站',
  '自行车棚',
  '沿街商铺',
  '物业办公室',
  '楼顶天台',
  '围墙外',
  '河道边',
  '菜市场',
  '学校后门',
]

const SINCE = [
  '已持续一周',
  '近一个月以来',
  '每天晚上十点以后',
  '多次向物业反映未解决',
  '周末尤其严重',
  '今年入夏以来',
  '自上个月起',
  '已影响老人休息',
  '雨天更加严重',
  '去年就反映过',
  '最近半个月',
  '上周末发现',
]

const ASKS = [
  '请社区尽快协调处理',
  '希望相关部门到现场查看',
  '要求物业限期整改',
  '请给予书面答复',
  '希望加强日常管理',
  '请帮助联系有关单位',
  '希望尽快解决',
  '请网格员上门了解情况',
]

const FACTS = [
  '来访人称该问题反复出现，附近住户意见较大',
  '据反映已向物业口头反映三次',
  '来访人提供了现场照片',
  '同楼栋多户居民联名反映',
  '来访人情绪较为激动，经解释后平稳',
  '网格员巡查时也发现类似情况',
]

const RESULTS = ['已协调物业整改完毕', '已联系城管到场处理', '已向来访人解释相关政策', '已督促责任单位维修']

export interface ComplaintText {
  category: string
  request: string
  facts: string | null
  locationDetail: string | null
}

/** One 诉求's text, in the compound `compound`. */
export function complaintText(rng: Rng, compound: string): ComplaintText {
  const categories = Object.keys(PROBLEMS)
  // Environment, street vendors and property complaints dominate real registers.
  const category = categories[Math.floor(categories.length * rng.next() ** 1.6)]!
  const problem = rng.pick(PROBLEMS[category]!)
  const building = `${1 + rng.int(24)}号楼`
  const where = rng.chance(0.5) ? `${building}${1 + rng.int(4)}单元` : rng.pick(SPOTS)
  const request = `${compound}${where}${problem}，${rng.pick(SINCE)}，${rng.pick(ASKS)}。`
  const facts = rng.chance(0.4) ? `${rng.pick(FACTS)}；${rng.pick(SINCE)}。` : null
  return { category, request, facts, locationDetail: rng.chance(0.6) ? where : null }
}

export function resultText(rng: Rng): string {
  return rng.pick(RESULTS)
}

/**
 * The benchmark's queries: each is in the generated text (the CI test checks
 * search finds exactly the rows a LIKE scan finds). By class, several per
 * class so the percentiles are not one query's luck.
 */
export const QUERIES = {
  zh2: ['噪音', '漏水', '路灯', '油烟', '车位'],
  zh3: ['小吃街', '充电桩', '健身器', '门禁损', '公交站'],
  zh6: ['楼道堆放杂物', '夜间照明不足', '高空抛物威胁', '楼上装修噪音', '流动摊贩占道'],
} as const
