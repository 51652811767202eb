/**
 * 人民调解权利义务告知书: what the parties are told before mediation starts
 * (人民调解法 第二十一条 and 人民调解工作若干规定 第三十条): the nature of
 * people's mediation (第二条、第四条、第七条), its principles (第三条), the
 * effect of an agreement (第二十九条 to 第三十三条), and the parties' rights
 * (第二十三条) and duties (第二十四条) in the law's own words; then when and
 * how they were told, a signature line per party and the committee's seal.
 */
import type { MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import { noticeWayLabels } from '../../shared/mediation/labels'
import { printedDate } from './printDates'
import {
  caseName,
  chineseNumber,
  printedParties,
  principalNames,
  requireAccepted,
  requireAccess,
} from './mediationCommon'

export interface RightsSection {
  heading: string
  paragraphs: string[]
}

export interface PrintedRights {
  title: string
  reference: string
  addressee: string
  intro: string
  sections: RightsSection[]
  /** 告知日期 and 告知方式, or blanks when not yet recorded. */
  notified: string
  acknowledgement: string
  /** 申请人张三 — one signature line per party. */
  signers: string[]
  committee: string
  date: string
}

/** The law's articles; `days` is the 司法确认 period from the settings (the law says thirty). */
export function rightsSections(days: number): RightsSection[] {
  return [
    {
      heading: '一、人民调解的性质',
      paragraphs: [
        '人民调解委员会是依法设立的调解民间纠纷的群众性组织。人民调解是指人民调解委员会通过说服、疏导等方法，促使当事人在平等协商基础上自愿达成调解协议，解决民间纠纷的活动。人民调解委员会调解民间纠纷，不收取任何费用。',
      ],
    },
    {
      heading: '二、人民调解的原则',
      paragraphs: [
        '人民调解委员会调解民间纠纷，应当遵循下列原则：',
        '（一）在当事人自愿、平等的基础上进行调解；',
        '（二）不违背法律、法规和国家政策；',
        '（三）尊重当事人的权利，不得因调解而阻止当事人依法通过仲裁、行政、司法等途径维护自己的权利。',
      ],
    },
    {
      heading: '三、人民调解的效力',
      paragraphs: [
        '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
        '调解协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效；口头调解协议自各方当事人达成协议之日起生效。',
        `经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起${chineseNumber(days)}日内共同向人民法院申请司法确认。人民法院依法确认调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。`,
        '调解不成的，人民调解员应当终止调解，当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。',
      ],
    },
    {
      heading: '四、当事人在人民调解活动中享有下列权利',
      paragraphs: [
        '（一）选择或者接受人民调解员；',
        '（二）接受调解、拒绝调解或者要求终止调解；',
        '（三）要求调解公开进行或者不公开进行；',
        '（四）自主表达意愿、自愿达成调解协议。',
      ],
    },
    {
      heading: '五、当事人在人民调解活动中履行下列义务',
      paragraphs: [
        '（一）如实陈述纠纷事实；',
        '（二）遵守调解现场秩序，尊重人民调解员；',
        '（三）尊重对方当事人行使权利。',
      ],
    },
  ]
}

function notifiedLine(d: MediationCaseDetail): string {
  if (!d.rightsNotice) return '告知日期：　　年　　月　　日　　告知方式：□书面告知　□口头告知'
  return `告知日期：${printedDate(d.rightsNotice.date)}${'　　'}告知方式：${noticeWayLabels[d.rightsNotice.way]}告知`
}

export function printedRights(d: MediationCaseDetail, options: MediationOptions): PrintedRights {
  requireAccess(d, 'mediation-rights')
  const number = requireAccepted(d, 'mediation-rights')
  const parties = printedParties(d)
  return {
    title: '人民调解权利义务告知书',
    reference: `编号：${number}`,
    addressee: `${principalNames(d)}：`,
    intro: `你们之间的${caseName(d)}，本委员会已经受理。根据《中华人民共和国人民调解法》的规定，在调解前，现将人民调解的性质、原则和效力，以及当事人在调解活动中享有的权利和承担的义务告知如下：`,
    sections: rightsSections(options.judicialConfirmDays),
    notified: notifiedLine(d),
    acknowledgement: '以上内容我已知悉。',
    signers: parties.map((p) => `${p.role}${p.name}`),
    committee: options.committeeName,
    date: printedDate(d.rightsNotice?.date ?? d.acceptedOn ?? d.registeredOn),
  }
}
