/**
 * Article text that reads as an abusive penalty. A convention is residents'
 * self-discipline: it may praise and criticise, but only the law may fine,
 * seize property, cut off water or power, or restrict a person (2018 guidance
 * on 村规民约和居民公约). Flags are hints for the reviewer, who may dismiss one
 * with a reason; they never block a save.
 */

const rule = '公约可以表扬和批评，不得设定罚款、扣押财物、限制人身自由等处罚'

interface PenaltyWord {
  /** What the reviewer sees as the trigger, e.g. 罚款. */
  phrase: string
  pattern: RegExp
  why: string
}

// Lookbehinds/lookaheads keep ordinary wording out: 遇停水时 is a notice, not a punishment.
const words: readonly PenaltyWord[] = [
  {
    phrase: '罚款',
    pattern: /罚款|罚\s*[0-9０-９一二三四五六七八九十百千万两]+\s*元/,
    why: '罚款是行政处罚，只能由法律、法规授权的机关依法作出',
  },
  { phrase: '罚金', pattern: /罚金/, why: '罚金是刑罚，只能由人民法院判处' },
  { phrase: '违约金', pattern: /违约金|滞纳金/, why: '公约不是合同，不能向居民收取违约金、滞纳金' },
  { phrase: '扣押', pattern: /扣押|扣留|查封/, why: '扣押、查封财物须由法定机关依法定程序进行' },
  { phrase: '没收', pattern: /没收/, why: '没收财物是行政处罚或刑罚，居民委员会无权作出' },
  {
    phrase: '停水停电',
    pattern: /(?<!遇|遇到|发生|计划|临时|因)(停水|停电|断水|断电|停止供水|停止供电|停气)(?!时|期间|通知|的时候|检修)/,
    why: '供水、供电、供气是居民的基本生活保障，不能作为惩罚手段',
  },
  {
    phrase: '不得享受',
    pattern: /不得享受|不能享受|不予享受|停止享受/,
    why: '居民依法享有的权利和待遇不能因违反公约被剥夺',
  },
  {
    phrase: '取消待遇',
    pattern: /取消[^，。；,;]{0,10}(待遇|福利|补贴|补助|低保|救助|分红)/,
    why: '居民依法享有的待遇、福利和社会救助不能因违反公约被取消',
  },
  { phrase: '驱逐', pattern: /驱逐|赶出|逐出|清除出/, why: '居民的居住权受法律保护，公约不能把人赶出小区' },
  { phrase: '游街示众', pattern: /游街|示众/, why: '游街示众侵犯人格尊严，为法律所禁止' },
  {
    phrase: '曝光隐私',
    pattern: /(曝光|公开|张贴)[^，。；,;]{0,8}(隐私|身份证|住址|门牌|照片|电话)/,
    why: '公开个人隐私、住址和照片侵犯个人信息权益，批评教育不能以此方式进行',
  },
  {
    phrase: '限制人身自由',
    pattern: /限制[^，。；,;]{0,4}人身自由|关押|拘禁|禁闭|关起来/,
    why: '限制人身自由只能由法律规定，任何组织不得擅自为之',
  },
  { phrase: '体罚', pattern: /体罚|殴打|打骂/, why: '体罚、打骂侵犯人身权利，为法律所禁止' },
]

export interface PenaltyFinding {
  phrase: string
  /** The words as they stand in the article, e.g. 罚50元. */
  matched: string
  /** Why a convention may not impose it, for the reviewer. */
  hint: string
}

/** Each kind of abusive penalty the text reads as, once per kind, in list order. */
export function penaltyFindings(text: string): PenaltyFinding[] {
  const found: PenaltyFinding[] = []
  for (const w of words) {
    const m = w.pattern.exec(text)
    if (m) found.push({ phrase: w.phrase, matched: m[0], hint: `${w.why}。${rule}。` })
  }
  return found
}

/** The phrases the checker knows, for a dismissal to name one of them. */
export const penaltyPhrases: readonly string[] = words.map((w) => w.phrase)
