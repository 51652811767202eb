/** zh-CN labels for the intake domain: people, visits and 诉求. Codes stay English. */
export const sexes = ['male', 'female'] as const
export type Sex = (typeof sexes)[number]
export const sexLabels: Record<Sex, string> = { male: '男', female: '女' }

/** The 56 nationalities in the order of GB/T 3304, plus the two catch-alls forms use. */
export const ethnicities = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
  '穿青人',
  '其他',
] as const

export const visitChannels = ['walk_in', 'phone', 'grid_report', 'hotline_12345', 'other'] as const
export type VisitChannel = (typeof visitChannels)[number]
export const visitChannelLabels: Record<VisitChannel, string> = {
  walk_in: '来访',
  phone: '来电',
  grid_report: '网格员上报',
  hotline_12345: '12345转办',
  other: '其他',
}

export const visitOutcomes = ['on_spot', 'complaints'] as const
export type VisitOutcome = (typeof visitOutcomes)[number]
export const visitOutcomeLabels: Record<VisitOutcome, string> = {
  on_spot: '当场办结',
  complaints: '转为诉求',
}

export const complaintKinds = ['complaint', 'help', 'suggestion', 'inquiry'] as const
export type ComplaintKind = (typeof complaintKinds)[number]
export const complaintKindLabels: Record<ComplaintKind, string> = {
  complaint: '投诉',
  help: '求助',
  suggestion: '建议',
  inquiry: '咨询',
}

export const urgencies = ['normal', 'urgent'] as const
export type Urgency = (typeof urgencies)[number]
export const urgencyLabels: Record<Urgency, string> = { normal: '一般', urgent: '紧急' }

export const complaintStatuses = [
  'registered',
  'accepted',
  'rejected',
  'assigned',
  'in_progress',
  'resolved',
  'followed_up',
  'archived',
  'merged',
] as const
export type ComplaintStatus = (typeof complaintStatuses)[number]
export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  registered: '登记',
  accepted: '已受理',
  rejected: '不予受理',
  assigned: '已交办',
  in_progress: '办理中',
  resolved: '已办结',
  followed_up: '已回访',
  archived: '已归档',
  merged: '已合并',
}

export const answerKinds = ['support', 'explain', 'not_support'] as const
export type AnswerKind = (typeof answerKinds)[number]
export const answerKindLabels: Record<AnswerKind, string> = {
  support: '支持',
  explain: '解释',
  not_support: '不予支持',
}

export const satisfactions = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type Satisfaction = (typeof satisfactions)[number]
export const satisfactionLabels: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
}

export const unitKinds = [
  'community',
  'community_property',
  'property_company',
  'grid_worker',
  'subdistrict_office',
  'mediation_committee',
  'cppcc_home',
  'other',
] as const
export type UnitKind = (typeof unitKinds)[number]
export const unitKindLabels: Record<UnitKind, string> = {
  community: '社区',
  community_property: '社区物业',
  property_company: '物业公司',
  grid_worker: '网格员',
  subdistrict_office: '街道科室',
  mediation_committee: '调委会',
  cppcc_home: '政协委员之家',
  other: '其他',
}

export const clockModes = ['statutory', 'workdays'] as const
export type ClockMode = (typeof clockModes)[number]
export const clockModeLabels: Record<ClockMode, string> = {
  statutory: '按《信访工作条例》（自然日）',
  workdays: '按诉求类别（工作日）',
}

export const clockStates = ['ok', 'due_soon', 'overdue'] as const
export type ClockState = (typeof clockStates)[number]
export const clockStateLabels: Record<ClockState, string> = { ok: '正常', due_soon: '即将到期', overdue: '已超期' }
