/**
 * Demo 居民公约 for the demo places: 西街社区's own convention in force (with
 * chapters, filed and posted), 商业局小区's convention in force with a revision
 * in 草案 and residents' opinions on it (one proposes a fine, so the reviewer's
 * hint shows), 迎春花园 in force, and 三合新村 still collecting opinions. The
 * 三无小区 (桂北小区, 东街老院子) have none, as on the coverage page.
 * Each step is taken through the real services on its own day, dated back from today.
 */
import type { Knex } from 'knex'
import { contract, type MethodInput } from '../../../shared/api/contract'
import type { ConventionActInput } from '../../../shared/api/conventions'
import type { Ctx } from '../context'
import { conventionService } from '../services/conventions'
import { localDate } from '../../../shared/calendar/workCalendar'

type Act = ConventionActInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'version'> : never) : never
type Opinion = Omit<MethodInput<'conventions.saveOpinion'>, 'conventionId' | 'version' | 'receivedOn'>
type Articles = MethodInput<'conventions.saveArticles'>['articles']

type Step = { opinion: Opinion } | { articles: Articles } | { act: Act }

interface DemoConvention {
  community: string
  compound: string | null
  title: string
  steps: { daysAgo: number; step: Step }[]
}

const xijieArticles: Articles = [
  {
    chapter: '总则',
    text: '为加强居民自我管理、自我服务、自我教育、自我监督，建设文明和谐社区，根据《中华人民共和国城市居民委员会组织法》，经居民代表会议讨论通过，制定本公约。',
  },
  { chapter: null, text: '本公约适用于西街社区全体居民；辖区内单位和商户参照执行。' },
  {
    chapter: '公共秩序',
    text: '遵守法律法规，自觉抵制黄赌毒，不信谣、不传谣，发现违法犯罪线索及时报告。',
    tags: ['公共秩序'],
  },
  { chapter: null, text: '车辆按线停放，不准乱停放，确保道路通畅；不占用消防通道和盲道。', tags: ['停车', '消防安全'] },
  {
    chapter: null,
    text: '爱护公共设施，不在楼道堆放杂物，不私拉电线给电动车充电，电动车不进楼道、不进家门。',
    tags: ['消防安全'],
  },
  {
    chapter: '环境卫生',
    text: '生活垃圾分类投放，不乱扔乱倒，严禁高空抛物。',
    tags: ['环境卫生', '垃圾分类'],
  },
  { chapter: null, text: '文明饲养宠物，出门牵绳，及时清理宠物粪便，不让宠物惊扰他人。', tags: ['宠物'] },
  {
    chapter: '邻里和睦',
    text: '邻里之间互谅互让、互帮互助，关心孤寡老人、留守儿童和困难家庭。',
    tags: ['邻里互助'],
  },
  {
    chapter: null,
    text: '发生矛盾纠纷先行协商；协商不成的，可申请社区人民调解委员会调解，不激化矛盾、不聚众闹事。',
    tags: ['矛盾调解'],
  },
  {
    chapter: '移风易俗',
    text: '婚事新办、丧事简办，不大操大办、不铺张攀比，不在居民区燃放烟花爆竹扰民。',
    tags: ['移风易俗'],
  },
  { chapter: null, text: '尊老爱幼，男女平等，反对家庭暴力。', tags: ['家庭美德'] },
  {
    chapter: '附则',
    text: '社区居民委员会负责本公约的宣传和监督实施；对遵守公约表现突出的家庭和个人予以表扬，对违反公约的进行劝导和批评教育。',
  },
  { chapter: null, text: '本公约自居民代表会议通过之日起施行。' },
]

const shangyeV1: Articles = [
  { chapter: null, text: '本小区居民应自觉遵守本公约，共同维护小区的安全、整洁与和睦。' },
  { chapter: null, text: '机动车、电动车在划定区域停放，不准乱停放，确保道路通畅。', tags: ['停车'] },
  { chapter: null, text: '楼道内不得堆放纸箱、旧家具等杂物，保持消防通道畅通。', tags: ['消防安全'] },
  { chapter: null, text: '生活垃圾按时投放到指定垃圾桶，不得乱扔乱倒。', tags: ['环境卫生'] },
  { chapter: null, text: '晚上十点以后不大声喧哗；装修施工避开中午和夜间休息时间。', tags: ['噪音'] },
  { chapter: null, text: '违反本公约的，由楼栋长上门劝导；劝导不改的，在小区公告栏通报批评。' },
]

/** The revision: article 2 sharpened, a pets article added (as proposed, with a fine the reviewer will see). */
const shangyeV2: Articles = [
  shangyeV1[0]!,
  {
    chapter: null,
    text: '机动车、电动车在划定区域停放，不准乱停放，确保道路通畅；电动车不得推进楼道或家中充电。',
    tags: ['停车', '消防安全'],
  },
  shangyeV1[2]!,
  shangyeV1[3]!,
  shangyeV1[4]!,
  { chapter: null, text: '遛狗须牵绳，及时清理宠物粪便；不清理的，每次罚款50元。', tags: ['宠物'] },
  shangyeV1[5]!,
]

const yingchunArticles: Articles = [
  { chapter: null, text: '爱护小区绿化，不在绿地里种菜、晾晒衣物。', tags: ['环境卫生'] },
  { chapter: null, text: '车辆进出小区减速慢行，按位停车，不准乱停放，确保道路通畅。', tags: ['停车'] },
  { chapter: null, text: '垃圾分类投放，大件垃圾和装修垃圾放到指定地点。', tags: ['垃圾分类'] },
  { chapter: null, text: '邻里有事好商量，遇到困难互相帮一把。', tags: ['邻里互助'] },
  { chapter: null, text: '本公约由业主委员会和楼栋长共同监督实施。' },
]

const adopted = (authority: string, reference: string, place: string) => ({ authority, reference, place })

function lifeCycle(
  from: number,
  meeting: Omit<Extract<Act, { action: 'vote' }>, 'action' | 'heldOn'>,
  filing: { authority: string; reference: string; place: string },
): DemoConvention['steps'] {
  return [
    { daysAgo: from - 20, step: { act: { action: 'start_draft', note: '意见征集结束，整理形成草案' } } },
    { daysAgo: from - 30, step: { act: { action: 'submit_review', note: '报桂溪街道审核' } } },
    {
      daysAgo: from - 40,
      step: {
        act: {
          action: 'review',
          unit: '桂溪街道办事处',
          reviewedOn: '',
          opinion: '内容符合法律法规和公序良俗，同意提交表决。',
          legalOpinion: '经审查，条文未设定罚款等处罚内容，合法有效。',
          result: 'passed',
        },
      },
    },
    { daysAgo: from - 50, step: { act: { action: 'vote', heldOn: '', ...meeting } } },
    {
      daysAgo: from - 57,
      step: { act: { action: 'file', authority: filing.authority, filedOn: '', reference: filing.reference } },
    },
    { daysAgo: from - 60, step: { act: { action: 'post', place: filing.place, postedOn: '', photos: [] } } },
  ]
}

const demoConventions: DemoConvention[] = [
  {
    community: '西街社区',
    compound: null,
    title: '西街社区居民公约',
    steps: [
      {
        daysAgo: 300,
        step: {
          opinion: {
            source: 'group',
            fromName: '第三居民小组',
            content: '建议把电动车进楼道充电写进公约，去年冬天隔壁小区就出过事。',
            adopted: true,
            reply: '已采纳，写入第五条。',
          },
        },
      },
      {
        daysAgo: 296,
        step: {
          opinion: {
            source: 'person',
            fromName: '周德明',
            content: '红白喜事在院子里放鞭炮太吵，希望有个说法。',
            adopted: true,
            reply: '已采纳，写入第十条。',
          },
        },
      },
      { daysAgo: 285, step: { articles: xijieArticles } },
      ...lifeCycle(
        300,
        {
          meetingKind: 'representatives',
          place: '西街社区党群服务中心二楼会议室',
          entitled: 86,
          present: 71,
          womenPresent: 38,
          inFavour: 66,
          against: 2,
          abstain: 3,
        },
        adopted('桂溪街道办事处', '桂街居约备〔{year}〕5号', '社区党群服务中心公示栏'),
      ),
      {
        daysAgo: 238,
        step: { act: { action: 'post', place: '西街菜市场入口宣传栏', postedOn: '', photos: [] } },
      },
    ],
  },
  {
    community: '西街社区',
    compound: '商业局小区',
    title: '商业局小区居民公约',
    steps: [
      { daysAgo: 420, step: { articles: shangyeV1 } },
      ...lifeCycle(
        420,
        {
          meetingKind: 'households',
          place: '商业局小区2栋前空坝',
          entitled: 96,
          present: 78,
          womenPresent: 41,
          inFavour: 70,
          against: 3,
          abstain: 5,
        },
        adopted('桂溪街道办事处', '桂街居约备〔{year}〕1号', '小区大门公告栏'),
      ),
      { daysAgo: 25, step: { act: { action: 'revise', note: '电动车充电和遛狗问题多，楼栋长提议修订' } } },
      {
        daysAgo: 22,
        step: {
          opinion: {
            source: 'household',
            fromName: '2栋2单元402户',
            content: '建议明确电动车不准推进楼道和家里充电。',
            adopted: true,
            reply: '已采纳，并入第二条。',
          },
        },
      },
      {
        daysAgo: 20,
        step: {
          opinion: {
            source: 'person',
            fromName: '陈桂芳',
            content: '有人遛狗不牵绳、不捡粪便，建议不清理的罚款。',
            adopted: null,
            reply: null,
          },
        },
      },
      { daysAgo: 15, step: { act: { action: 'start_draft', note: '整理意见，形成修订草案' } } },
      { daysAgo: 14, step: { articles: shangyeV2 } },
    ],
  },
  {
    community: '迎春社区',
    compound: '迎春花园',
    title: '迎春花园小区公约',
    steps: [
      { daysAgo: 200, step: { articles: yingchunArticles } },
      ...lifeCycle(
        200,
        {
          meetingKind: 'households',
          place: '迎春花园会所',
          entitled: 210,
          present: 132,
          womenPresent: 70,
          inFavour: 121,
          against: 4,
          abstain: 7,
        },
        adopted('桂溪街道办事处', '桂街居约备〔{year}〕3号', '迎春花园各单元门厅'),
      ),
    ],
  },
  {
    community: '三合社区',
    compound: '三合新村',
    title: '三合新村居民公约',
    steps: [
      {
        daysAgo: 6,
        step: {
          opinion: {
            source: 'group',
            fromName: '三合新村楼栋长会议',
            content: '安置房老人多，希望写上邻里互相照应、定期探望独居老人。',
          },
        },
      },
      {
        daysAgo: 4,
        step: {
          opinion: {
            source: 'household',
            fromName: '5栋1单元203户',
            content: '楼下空地被私家车占满，消防车进不来，公约里要写清楚。',
          },
        },
      },
      {
        daysAgo: 2,
        step: {
          opinion: {
            source: 'person',
            fromName: '杨秀兰',
            content: '坝坝宴太多，影响通行，建议提倡简办。',
          },
        },
      },
    ],
  },
]

function dayShift(ctx: Ctx, days: number): Ctx {
  const at = new Date(ctx.clock.now().getTime() - days * 86_400_000)
  return { ...ctx, clock: { now: () => at } }
}

const dateFields = ['reviewedOn', 'heldOn', 'filedOn', 'postedOn', 'repealedOn'] as const

export async function loadDemoConventions(db: Knex, ctx: Ctx): Promise<{ conventions: number }> {
  const service = conventionService(db)
  for (const d of demoConventions) {
    const community = (await db('communities').where({ name: d.community }).first('id')) as { id: number }
    const compound = d.compound
      ? ((await db('compounds').where({ community_id: community.id, name: d.compound }).first('id')) as { id: number })
      : null
    const [first] = d.steps
    const created = await service.create(
      dayShift(ctx, (first?.daysAgo ?? 0) + 5),
      contract['conventions.create'].input.parse({
        scope: compound ? 'compound' : 'community',
        communityId: community.id,
        compoundId: compound?.id ?? null,
        title: d.title,
      }),
    )
    let version = created.version
    for (const { daysAgo, step } of d.steps) {
      const on = dayShift(ctx, daysAgo)
      const today = localDate(on.clock.now())
      const target = { id: created.id, version }
      if ('opinion' in step) {
        const input = { ...step.opinion, conventionId: created.id, version, receivedOn: today }
        version = (await service.saveOpinion(on, contract['conventions.saveOpinion'].input.parse(input))).version
      } else if ('articles' in step) {
        const input = { ...target, articles: step.articles }
        version = (await service.saveArticles(on, contract['conventions.saveArticles'].input.parse(input))).version
      } else {
        const raw: Record<string, unknown> = { ...step.act, ...target }
        for (const f of dateFields) if (raw[f] === '') raw[f] = today
        // A filing number carries the year it was filed in, which moves with the day the demo is loaded.
        if (typeof raw.reference === 'string') raw.reference = raw.reference.replace('{year}', today.slice(0, 4))
        version = (await service.act(on, contract['conventions.act'].input.parse(raw))).version
      }
    }
  }
  return { conventions: demoConventions.length }
}
