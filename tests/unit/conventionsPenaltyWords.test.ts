/** 条文提示: wording that reads as an abusive penalty is flagged; ordinary rules are not. */
import { describe, expect, it } from 'vitest'
import { penaltyFindings } from '../../shared/conventions/penaltyWords'

const phrases = (text: string) => penaltyFindings(text).map((f) => f.phrase)

describe('penaltyFindings', () => {
  it.each([
    ['违者罚款200元。', '罚款'],
    ['不清理宠物粪便的，罚50元。', '罚款'],
    ['情节严重的处以罚金。', '罚金'],
    ['拖欠物业费的，按日收取滞纳金。', '违约金'],
    ['乱停车辆由居委会扣押。', '扣押'],
    ['在楼道堆放的杂物一律没收。', '没收'],
    ['拒不整改的，对其停水停电。', '停水停电'],
    ['拒不清理的，予以断水断电处理。', '停水停电'],
    ['违反本公约的，不得享受社区各项福利。', '不得享受'],
    ['屡教不改的，取消其年终慰问待遇。', '取消待遇'],
    ['屡教不改的，取消低保资格。', '取消待遇'],
    ['聚众闹事者驱逐出小区。', '驱逐'],
    ['偷盗者游街示众。', '游街示众'],
    ['在公告栏公开其身份证号和住址。', '曝光隐私'],
    ['对违约者曝光其家庭住址和照片。', '曝光隐私'],
    ['酗酒闹事者由保安关押一晚。', '限制人身自由'],
  ])('flags %s as %s', (text, phrase) => {
    expect(phrases(text)).toContain(phrase)
  })

  it.each([
    '不得在楼道堆放杂物，保持消防通道畅通。',
    '车辆按线停放，不准乱停放，确保道路通畅。',
    '遇停水停电时，邻里之间互相帮助，照顾好独居老人。',
    '计划停水的，物业应提前一天张贴通知。',
    '对违反公约的进行劝导和批评教育，在公告栏通报批评。',
    '对遵守公约表现突出的家庭予以表扬。',
    '居民享有对社区事务的知情权、参与权和监督权。',
    '不得高空抛物，不得私拉电线给电动车充电。',
  ])('does not flag %s', (text) => {
    expect(phrases(text)).toEqual([])
  })

  it('explains to the reviewer why, with the rule for conventions', () => {
    const [finding] = penaltyFindings('违者罚款50元。')
    expect(finding?.matched).toBe('罚款')
    expect(finding?.hint).toContain('公约可以表扬和批评，不得设定罚款、扣押财物、限制人身自由等处罚')
    expect(finding?.hint).toContain('行政处罚')
  })

  it('names each kind once, even when it appears twice', () => {
    expect(phrases('罚款50元；再犯罚款100元，并没收工具。')).toEqual(['罚款', '没收'])
  })
})
