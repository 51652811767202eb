/**
 * What 全部导出 writes: one sheet per record type, with its record numbers
 * (编号) and those of the records it points to, so a successor system can
 * rebuild the links. Codes are written as their Chinese labels. Columns of
 * kind 'phone' and 'idNumber' hold personal numbers and are masked unless
 * the administrator asked for them in full. Password hashes, sign-in
 * sessions, internal settings and photo bytes are not data to hand over.
 */
import type { Knex } from 'knex'
import {
  compoundKindLabels,
  managementKindLabels,
  noticeAudienceLabels,
  noticeStatusLabels,
  staffRoleLabels,
} from '../../../shared/labels'
import {
  answerKindLabels,
  complaintKindLabels,
  complaintStatusLabels,
  satisfactionLabels,
  sexLabels,
  unitKindLabels,
  urgencyLabels,
  visitChannelLabels,
  visitOutcomeLabels,
} from '../../../shared/intake/labels'
import { complaintEventLabels } from '../../../shared/complaints/workflow'
import {
  disputeTypeLabels,
  judicialResultLabels,
  mediationOutcomeLabels,
  mediationSourceLabels,
  mediationStatusLabels,
  mediatorRoleLabels,
  partyRoleLabels,
  performanceStateLabels,
} from '../../../shared/mediation/labels'
import { conventionScopeLabels, conventionStatusLabels, versionStageLabels } from '../../../shared/conventions/labels'
import { auditActionLabel, auditEntityLabel } from '../../../shared/api/audit'

export type ColumnKind =
  | 'text'
  | 'when'
  | 'phone'
  | 'idNumber'
  | 'bool'
  /** A JSON array (诉求 requests, article tags): its items, one per line. */
  | 'list'
  /** A notice body (JSON blocks): its paragraphs, one per line. */
  | 'body'
  | 'auditAction'
  | 'auditEntity'
  | 'auditDetail'
  | Record<string, string>

export interface HandoverColumn {
  header: string
  key: string
  width: number
  kind?: ColumnKind
}

export interface HandoverSheet {
  name: string
  columns: HandoverColumn[]
  rows(db: Knex.Transaction): Promise<Record<string, unknown>[]>
}

function c(header: string, key: string, width: number, kind?: ColumnKind): HandoverColumn {
  return kind === undefined ? { header, key, width } : { header, key, width, kind }
}

const staffName = (db: Knex.Transaction, column: string, alias: string) =>
  db.raw(`(SELECT name FROM staff WHERE staff.id = ${column}) AS ${alias}`)

export const handoverSheets: HandoverSheet[] = [
  {
    name: '社区',
    columns: [
      c('编号', 'id', 6),
      c('社区名称', 'name', 16),
      c('社区代码', 'code', 12),
      c('办公地址', 'address', 30),
      c('联系电话', 'phone', 16),
      c('归档时间', 'archived_at', 18, 'when'),
      c('登记时间', 'created_at', 18, 'when'),
    ],
    rows: (db) => db('communities').orderBy('id').select('*'),
  },
  {
    name: '小区',
    columns: [
      c('编号', 'id', 6),
      c('社区编号', 'community_id', 8),
      c('所属社区', 'community', 14),
      c('小区名称', 'name', 18),
      c('小区地址', 'address', 28),
      c('小区类型', 'kind', 10, compoundKindLabels),
      c('管理方式', 'management', 12, managementKindLabels),
      c('物业公司名称', 'property_company', 20),
      c('户数', 'households', 8),
      c('楼栋数', 'buildings', 8),
      c('备注', 'notes', 24),
      c('归档时间', 'archived_at', 18, 'when'),
      c('登记时间', 'created_at', 18, 'when'),
    ],
    rows: (db) =>
      db('compounds')
        .leftJoin('communities', 'communities.id', 'compounds.community_id')
        .orderBy('compounds.id')
        .select('compounds.*', 'communities.name as community'),
  },
  {
    name: '楼栋长',
    columns: [
      c('小区编号', 'compound_id', 8),
      c('小区', 'compound', 16),
      c('楼栋', 'building', 8),
      c('姓名', 'name', 10),
      c('电话', 'phone', 14, 'phone'),
    ],
    rows: (db) =>
      db('building_leaders')
        .leftJoin('compounds', 'compounds.id', 'building_leaders.compound_id')
        .orderBy(['building_leaders.compound_id', 'building_leaders.position'])
        .select('building_leaders.*', 'compounds.name as compound'),
  },
  {
    name: '来访人',
    columns: [
      c('编号', 'id', 8),
      c('姓名', 'name', 10),
      c('性别', 'sex', 6, sexLabels),
      c('出生日期', 'birth_date', 12),
      c('年龄（登记时）', 'age', 8),
      c('年龄登记日期', 'age_recorded_on', 12),
      c('民族', 'ethnicity', 8),
      c('联系电话', 'phone', 14, 'phone'),
      c('身份证号', 'id_number', 20, 'idNumber'),
      c('小区编号', 'compound_id', 8),
      c('小区', 'compound', 16),
      c('楼栋', 'building', 8),
      c('单元', 'unit', 8),
      c('房号', 'room', 8),
      c('住址', 'address_text', 28),
      c('备注', 'notes', 24),
      c('登记时间', 'created_at', 18, 'when'),
      c('匿名化时间', 'anonymised_at', 18, 'when'),
    ],
    rows: (db) =>
      db('persons')
        .leftJoin('compounds', 'compounds.id', 'persons.compound_id')
        .orderBy('persons.id')
        .select('persons.*', 'compounds.name as compound'),
  },
  {
    name: '来访登记',
    columns: [
      c('编号', 'id', 8),
      c('来访编号', 'number', 16),
      c('查询码', 'lookup_code', 9),
      c('来访人编号', 'person_id', 8),
      c('来访人', 'person', 10),
      c('来访时间', 'visited_at', 18, 'when'),
      c('来访方式', 'channel', 10, visitChannelLabels),
      c('来访人数', 'visitor_count', 8),
      c('涉及人数', 'involved_count', 8),
      c('事由', 'subject', 40),
      c('处理方式', 'outcome', 10, visitOutcomeLabels),
      c('答复内容', 'answer', 40),
      c('备注', 'notes', 24),
      c('接待人', 'received_by', 10),
    ],
    rows: (db) =>
      db('visits')
        .leftJoin('persons', 'persons.id', 'visits.person_id')
        .orderBy('visits.id')
        .select('visits.*', 'persons.name as person', staffName(db, 'visits.created_by', 'received_by')),
  },
  {
    name: '来访代表',
    columns: [
      c('来访登记编号', 'visit_id', 10),
      c('来访编号', 'number', 16),
      c('序号', 'position', 6),
      c('姓名', 'name', 10),
      c('电话', 'phone', 14, 'phone'),
    ],
    rows: (db) =>
      db('visit_representatives')
        .leftJoin('visits', 'visits.id', 'visit_representatives.visit_id')
        .orderBy(['visit_representatives.visit_id', 'visit_representatives.position'])
        .select('visit_representatives.*', 'visits.number'),
  },
  {
    name: '诉求',
    columns: [
      c('编号', 'id', 8),
      c('诉求编号', 'number', 18),
      c('来访登记编号', 'visit_id', 10),
      c('来访人编号', 'person_id', 8),
      c('来访人', 'person', 10),
      c('类型', 'kind', 8, complaintKindLabels),
      c('类别', 'category', 14),
      c('紧急程度', 'urgency', 8, urgencyLabels),
      c('小区', 'compound', 14),
      c('具体位置', 'location_detail', 18),
      c('诉求请求', 'request', 40),
      c('事实', 'facts', 40),
      c('理由', 'reasons', 30),
      c('状态', 'status', 10, complaintStatusLabels),
      c('承办单位', 'unit', 14),
      c('承办人', 'assignee', 10),
      c('登记时间', 'received_at', 18, 'when'),
      c('受理期限', 'accept_due', 12),
      c('受理时间', 'accepted_at', 18, 'when'),
      c('办理期限', 'due_date', 12),
      c('延期天数', 'extension_days', 8),
      c('延期理由', 'extension_reason', 24),
      c('延期批准人', 'extension_approver', 10),
      c('办结时间', 'resolved_at', 18, 'when'),
      c('按期办结', 'resolved_on_time', 8, 'bool'),
      c('办理结果', 'result', 40),
      c('答复意见', 'answer', 10, answerKindLabels),
      c('不予受理理由', 'reject_reason', 24),
      c('合并到（编号）', 'merged_into', 10),
      c('满意度', 'satisfaction', 10, satisfactionLabels),
      c('登记人', 'owner', 10),
    ],
    rows: (db) =>
      db('complaints')
        .leftJoin('persons', 'persons.id', 'complaints.person_id')
        .leftJoin('complaint_categories', 'complaint_categories.id', 'complaints.category_id')
        .leftJoin('compounds', 'compounds.id', 'complaints.compound_id')
        .leftJoin('units', 'units.id', 'complaints.unit_id')
        .orderBy('complaints.id')
        .select(
          'complaints.*',
          'persons.name as person',
          'complaint_categories.name as category',
          'compounds.name as compound',
          'units.name as unit',
          staffName(db, 'complaints.owner_id', 'owner'),
        ),
  },
  {
    name: '诉求办理过程',
    columns: [
      c('诉求编号', 'number', 18),
      c('时间', 'at', 18, 'when'),
      c('办理人', 'staff', 10),
      c('操作', 'action', 12, complaintEventLabels),
      c('原状态', 'from_status', 10, complaintStatusLabels),
      c('新状态', 'to_status', 10, complaintStatusLabels),
      c('说明', 'note', 40),
    ],
    rows: (db) =>
      db('complaint_events')
        .leftJoin('complaints', 'complaints.id', 'complaint_events.complaint_id')
        .orderBy('complaint_events.id')
        .select('complaint_events.*', 'complaints.number', staffName(db, 'complaint_events.staff_id', 'staff')),
  },
  {
    name: '诉求回访',
    columns: [
      c('诉求编号', 'number', 18),
      c('回访日期', 'date', 12),
      c('回访人', 'caller', 10),
      c('满意度', 'satisfaction', 10, satisfactionLabels),
      c('回访意见', 'comment', 40),
    ],
    rows: (db) =>
      db('complaint_followups')
        .leftJoin('complaints', 'complaints.id', 'complaint_followups.complaint_id')
        .orderBy('complaint_followups.id')
        .select('complaint_followups.*', 'complaints.number'),
  },
  {
    name: '诉求类别',
    columns: [
      c('编号', 'id', 6),
      c('上级编号', 'parent_id', 8),
      c('名称', 'name', 16),
      c('归档时间', 'archived_at', 18, 'when'),
    ],
    rows: (db) => db('complaint_categories').orderBy('id').select('*'),
  },
  {
    name: '承办单位',
    columns: [
      c('编号', 'id', 6),
      c('名称', 'name', 20),
      c('类型', 'kind', 12, unitKindLabels),
      c('联系人', 'contact', 10),
      c('联系电话', 'phone', 14),
      c('归档时间', 'archived_at', 18, 'when'),
    ],
    rows: (db) => db('units').orderBy('id').select('*'),
  },
  {
    name: '通知公告',
    columns: [
      c('编号', 'id', 6),
      c('文号', 'doc_number', 22),
      c('标题', 'title', 36),
      c('发文社区', 'community', 14),
      c('通知对象', 'audience', 10, noticeAudienceLabels),
      c('指定小区', 'compounds', 24),
      c('正文', 'body', 60, 'body'),
      c('附件说明', 'attachments_note', 20),
      c('发文单位', 'issuer_name', 20),
      c('成文日期', 'issued_on', 12),
      c('联系人及电话', 'contact', 20),
      c('张贴位置', 'posting_location', 20),
      c('状态', 'status', 8, noticeStatusLabels),
      c('发布时间', 'published_at', 18, 'when'),
    ],
    rows: (db) =>
      db('notices')
        .leftJoin('communities', 'communities.id', 'notices.community_id')
        .orderBy('notices.id')
        .select(
          'notices.*',
          'communities.name as community',
          db.raw(
            `(SELECT group_concat(compounds.name, '、') FROM notice_compounds JOIN compounds ON compounds.id = notice_compounds.compound_id WHERE notice_compounds.notice_id = notices.id) AS compounds`,
          ),
        ),
  },
  {
    name: '调解案件',
    columns: [
      c('编号', 'id', 6),
      c('案件编号', 'number', 24),
      c('案件来源', 'source', 10, mediationSourceLabels),
      c('纠纷类型', 'dispute_type', 12, disputeTypeLabels),
      c('状态', 'status', 10, mediationStatusLabels),
      c('调解结果', 'outcome', 12, mediationOutcomeLabels),
      c('关联诉求编号', 'complaint_id', 10),
      c('关联来访编号', 'visit_id', 10),
      c('登记日期', 'registered_on', 12),
      c('受理日期', 'accepted_on', 12),
      c('不予受理日期', 'rejected_on', 12),
      c('不予受理理由', 'reject_reason', 24),
      c('调解期限', 'due_date', 12),
      c('纠纷事实', 'facts', 40),
      c('当事人请求', 'requests', 40, 'list'),
      c('争议焦点', 'dispute_points', 30),
      c('调解结束日期', 'concluded_on', 12),
      c('协议日期', 'agreed_on', 12),
      c('口头协议内容', 'oral_content', 30),
      c('履行期限', 'perform_by', 12),
      c('终止理由', 'terminate_reason', 24),
      c('司法确认结果', 'judicial_result', 12, judicialResultLabels),
      c('立卷人', 'filer', 10),
      c('立卷日期', 'filed_on', 12),
      c('结案日期', 'closed_on', 12),
    ],
    rows: (db) => db('mediation_cases').orderBy('id').select('*'),
  },
  {
    name: '调解当事人',
    columns: [
      c('案件编号', 'case_id', 8),
      c('序号', 'position', 6),
      c('身份', 'role', 10, partyRoleLabels),
      c('来访人编号', 'person_id', 8),
      c('姓名', 'name', 10),
      c('职业', 'occupation', 10),
      c('授权委托情况', 'authorization', 24),
      c('身份证明', 'identity_note', 16),
    ],
    rows: (db) =>
      db('mediation_parties')
        .leftJoin('persons', 'persons.id', 'mediation_parties.person_id')
        .orderBy(['mediation_parties.case_id', 'mediation_parties.position'])
        .select('mediation_parties.*', 'persons.name'),
  },
  {
    name: '调解员',
    columns: [c('案件编号', 'case_id', 8), c('调解员', 'staff', 10), c('分工', 'role', 12, mediatorRoleLabels)],
    rows: (db) =>
      db('mediation_mediators')
        .orderBy(['case_id', 'position'])
        .select('mediation_mediators.*', staffName(db, 'mediation_mediators.staff_id', 'staff')),
  },
  {
    name: '调解笔录',
    columns: [
      c('案件编号', 'case_id', 8),
      c('次序', 'seq', 6),
      c('时间', 'held_at', 18, 'when'),
      c('地点', 'place', 16),
      c('主持人', 'presiding', 10),
      c('记录人', 'recorder', 10),
      c('笔录', 'record', 60),
      c('下一步', 'next_steps', 30),
    ],
    rows: (db) =>
      db('mediation_sessions')
        .orderBy('id')
        .select('mediation_sessions.*', staffName(db, 'mediation_sessions.presiding_staff_id', 'presiding')),
  },
  {
    name: '调解协议条款',
    columns: [
      c('案件编号', 'case_id', 8),
      c('序号', 'position', 6),
      c('内容', 'content', 40),
      c('履行方式', 'way', 16),
      c('履行地点', 'place', 16),
      c('履行期限', 'deadline', 12),
    ],
    rows: (db) => db('mediation_agreement_terms').orderBy(['case_id', 'position']).select('*'),
  },
  {
    name: '调解回访',
    columns: [
      c('案件编号', 'case_id', 8),
      c('应回访日期', 'due_on', 12),
      c('回访日期', 'called_on', 12),
      c('回访人', 'caller', 10),
      c('履行情况', 'performance', 10, performanceStateLabels),
      c('满意度', 'satisfaction', 10, satisfactionLabels),
      c('是否起诉', 'lawsuit', 8, 'bool'),
      c('风险', 'risk', 24),
      c('措施', 'measures', 24),
    ],
    rows: (db) => db('mediation_followups').orderBy('id').select('*'),
  },
  {
    name: '居民公约',
    columns: [
      c('编号', 'id', 6),
      c('范围', 'scope', 8, conventionScopeLabels),
      c('社区', 'community', 14),
      c('小区', 'compound', 14),
      c('名称', 'title', 30),
      c('状态', 'status', 8, conventionStatusLabels),
      c('现行版本编号', 'current_version_id', 10),
      c('废止日期', 'repealed_on', 12),
      c('废止理由', 'repeal_reason', 24),
    ],
    rows: (db) =>
      db('conventions')
        .leftJoin('communities', 'communities.id', 'conventions.community_id')
        .leftJoin('compounds', 'compounds.id', 'conventions.compound_id')
        .orderBy('conventions.id')
        .select('conventions.*', 'communities.name as community', 'compounds.name as compound'),
  },
  {
    name: '公约版本',
    columns: [
      c('编号', 'id', 6),
      c('公约编号', 'convention_id', 8),
      c('版本', 'number', 6),
      c('阶段', 'stage', 10, versionStageLabels),
      c('通过日期', 'adopted_on', 12),
      c('备案机关', 'filing_authority', 16),
      c('备案日期', 'filed_on', 12),
      c('备案文号', 'filing_reference', 16),
    ],
    rows: (db) => db('convention_versions').orderBy('id').select('*'),
  },
  {
    name: '公约条款',
    columns: [
      c('版本编号', 'version_id', 8),
      c('序号', 'position', 6),
      c('章', 'chapter', 14),
      c('条款', 'text', 60),
      c('标签', 'tags', 16, 'list'),
    ],
    rows: (db) => db('convention_articles').orderBy(['version_id', 'position']).select('*'),
  },
  {
    name: '账号',
    columns: [
      c('编号', 'id', 6),
      c('姓名', 'name', 10),
      c('角色', 'role', 10, staffRoleLabels),
      c('登录名', 'login', 12),
      c('在用', 'active', 6, 'bool'),
      c('最近登录', 'last_sign_in_at', 18, 'when'),
    ],
    rows: (db) => db('staff').orderBy('id').select('id', 'name', 'role', 'login', 'active', 'last_sign_in_at'),
  },
  {
    name: '审计日志',
    columns: [
      c('编号', 'id', 8),
      c('时间', 'at', 18, 'when'),
      c('操作人', 'staff', 10),
      c('操作', 'action', 12, 'auditAction'),
      c('对象', 'entity', 12, 'auditEntity'),
      c('对象编号', 'entity_id', 8),
      c('详情', 'detail', 50, 'auditDetail'),
    ],
    rows: (db) =>
      db('audit_events')
        .orderBy('id')
        .select('id', 'at', 'action', 'entity', 'entity_id', 'detail', staffName(db, 'audit_events.staff_id', 'staff')),
  },
]

export { auditActionLabel, auditEntityLabel }
