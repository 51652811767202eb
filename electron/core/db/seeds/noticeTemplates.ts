/**
 * The notice templates the product ships with (migration 002 seeds them;
 * staff then copy and edit). {{小区名称}}, {{社区名称}} and {{发文单位}} are
 * filled per copy. Frozen once landed: change templates through the app.
 */
import type { BodyBlock } from '../../../../shared/api/notices'

export interface SeedTemplate {
  name: string
  title: string
  body: BodyBlock[]
  attachmentsNote: string | null
}

const p = (text: string, bold = false): BodyBlock => ({ type: 'paragraph', text, bold })
const li = (text: string, bold = false): BodyBlock => ({ type: 'item', text, bold })

export const seedTemplates: SeedTemplate[] = [
  {
    name: '停水停电通知',
    title: '关于{{小区名称}}临时停水停电的通知',
    body: [
      p('因供水（供电）设施检修，{{小区名称}}将临时停水停电，具体安排如下：'),
      li('停水停电时间：　月　日　时至　月　日　时。', true),
      li('影响范围：{{小区名称}}　栋至　栋。'),
      li('请各位居民提前储水，关闭家中水龙头和电器开关，避免恢复供应时发生意外。'),
      li('如遇施工延期，将另行通知。'),
      p('由此给大家带来的不便，敬请谅解。如有特殊困难（如家中有行动不便的老人、病人），请及时联系社区。'),
    ],
    attachmentsNote: null,
  },
  {
    name: '消防安全提示',
    title: '关于加强{{小区名称}}消防安全的提示',
    body: [
      p('冬春季节天干物燥，火灾易发多发。为保障居民生命财产安全，现提示如下：'),
      li('严禁在楼道、安全出口堆放杂物，严禁占用、堵塞消防车通道。', true),
      li('电动自行车不得进楼入户，不得私拉电线“飞线”充电。', true),
      li('外出和睡前检查燃气阀门、电源开关，不要让儿童玩火。'),
      li('发现火情立即拨打119，并通知邻居有序疏散，切勿乘坐电梯。'),
      p('{{社区名称}}将联合物业开展消防安全检查，请居民予以配合。'),
    ],
    attachmentsNote: null,
  },
  {
    name: '防范电信诈骗',
    title: '关于防范电信网络诈骗的提醒',
    body: [
      p('近期电信网络诈骗案件多发，诈骗手段不断翻新，请广大居民提高警惕，牢记“三不一多”：'),
      li('未知链接不点击；陌生来电不轻信；个人信息不透露；转账汇款多核实。', true),
      li('凡是自称“公检法”要求转账到“安全账户”的，都是诈骗。'),
      li('凡是网上刷单返利、“高收益”投资理财的，都是诈骗。'),
      li('请下载安装“国家反诈中心”APP，遇到可疑情况拨打96110咨询。'),
      p('请家中有老人的居民多提醒、多关心，共同守好“钱袋子”。'),
    ],
    attachmentsNote: null,
  },
  {
    name: '居民会议通知',
    title: '关于召开{{小区名称}}居民会议的通知',
    body: [
      p('为商议小区公共事务，经研究，定于近期召开居民会议。现将有关事项通知如下：'),
      li('会议时间：　年　月　日（星期　）　午　时。', true),
      li('会议地点：'),
      li('参会人员：{{小区名称}}各户居民代表（每户一人）。'),
      li('会议议题：'),
      p('请各户准时参加。因故不能参加的，可书面委托其他成年家庭成员参加。'),
    ],
    attachmentsNote: null,
  },
  {
    name: '环境整治通知',
    title: '关于开展{{小区名称}}环境卫生集中整治的通知',
    body: [
      p('为营造整洁、有序、文明的居住环境，{{社区名称}}将开展环境卫生集中整治行动。现将有关事项通知如下：'),
      li('整治时间：　月　日至　月　日。', true),
      li('整治内容：清理楼道堆放物、屋顶及绿地杂物、废弃车辆，规范垃圾分类投放。'),
      li('请居民在　月　日前自行清理个人物品，逾期未清理的，将按无主物品统一处理。'),
      p('欢迎居民志愿者积极参与，共建美好家园。'),
    ],
    attachmentsNote: null,
  },
  {
    name: '公约公示',
    title: '关于《{{小区名称}}居民公约》的公示',
    body: [
      p('《{{小区名称}}居民公约》经征集意见、拟定草案、审核及居民会议表决通过，现予以公示。'),
      li('公示期：自　月　日至　月　日。', true),
      li('公示期内，居民如有意见建议，可向{{社区名称}}书面或当面反映。'),
      p('公约全文见附件。'),
    ],
    attachmentsNote: '《{{小区名称}}居民公约》',
  },
]
