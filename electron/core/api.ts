/**
 * The one door into core. Each contract method maps to a service handler;
 * every call goes: validate input with the schema → authorize with ctx →
 * call the service → validate output. Both transports (IPC and HTTP) call
 * `callMethod` and nothing else, so there is no second implementation.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../shared/api/errors'
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '../../shared/api/contract'
import { authorize } from './auth/permissions'
import { validationError } from './validation'
import type { Ctx } from './context'
import { communityService } from './services/communities'
import { compoundService } from './services/compounds'
import { systemService, type SystemEnvironment } from './services/system'
import { noticeService } from './services/notices'
import { noticeTemplateService } from './services/noticeTemplates'
import { printService } from './services/print'
import type { PrinterPort } from './print/port'
import { peopleService } from './services/intake/people'
import { visitService } from './services/intake/visits'
import { complaintService } from './services/intake/complaints'
import { complaintActionService } from './services/intake/complaintActions'
import { complaintExportService } from './services/intake/complaintExport'
import { intakeOptionsService } from './services/intake/options'
import { categoryService } from './services/intake/categories'
import { unitService } from './services/intake/units'
import { authService } from './services/auth'
import { accountService } from './services/accounts'
import { auditService } from './services/audit'
import { privacyService } from './services/privacy'
import { backupHandlers, type BackupPorts } from './backup/handlers'
import { caseService } from './services/mediation/cases'
import { caseActionService } from './services/mediation/caseActions'
import { sessionService } from './services/mediation/sessions'
import { followUpService } from './services/mediation/followUps'
import { fileItemService } from './services/mediation/fileItems'
import { listMediators } from './services/mediation/mediators'
import { dashboardService } from './services/mediation/dashboard'
import { mediationOptionsService } from './services/mediation/options'
import { conventionService } from './services/conventions'
import { dataTransferHandlers } from './dataTransfer/handlers'
import { searchHandlers } from './search/handlers'
import { statsHandlers } from './stats/handlers'

type Handler<M extends MethodName> = (ctx: Ctx, input: ParsedInput<M>) => Promise<MethodOutput<M>>
export type Handlers = { [M in MethodName]: Handler<M> }

export function createHandlers(
  db: Knex,
  env: SystemEnvironment,
  printer: PrinterPort | null,
  backup: BackupPorts,
): Handlers {
  const communities = communityService(db)
  const compounds = compoundService(db)
  const system = systemService(db, env)
  const notices = noticeService(db)
  const templates = noticeTemplateService(db, notices)
  const print = printService(db, printer)
  const people = peopleService(db)
  const visits = visitService(db)
  const complaints = complaintService(db)
  const complaintActions = complaintActionService(db)
  const complaintExport = complaintExportService(db)
  const intake = intakeOptionsService(db)
  const categories = categoryService(db)
  const units = unitService(db)
  const auth = authService(db)
  const accounts = accountService(db)
  const audit = auditService(db)
  const privacy = privacyService(db)
  const mediationCases = caseService(db)
  const mediationActions = caseActionService(db)
  const mediationSessions = sessionService(db)
  const mediationFollowUps = followUpService(db)
  const mediationFiles = fileItemService(db)
  const mediationDashboard = dashboardService(db)
  const mediationOptions = mediationOptionsService(db)
  const conventions = conventionService(db)
  return {
    'places.listCommunities': communities.list,
    'places.getCommunity': communities.get,
    'places.saveCommunity': communities.save,
    'places.archiveCommunity': communities.archive,
    'places.listCompounds': compounds.list,
    'places.getCompound': compounds.get,
    'places.saveCompound': compounds.save,
    'places.archiveCompound': compounds.archive,
    'system.info': system.info,
    'system.loadDemo': system.loadDemo,
    'notices.list': notices.list,
    'notices.get': notices.get,
    'notices.suggestDocNumber': notices.suggestDocNumber,
    'notices.save': notices.save,
    'notices.copy': notices.copy,
    'notices.publish': notices.publish,
    'notices.archive': notices.archive,
    'notices.listTemplates': templates.list,
    'notices.saveTemplate': templates.save,
    'notices.fromTemplate': templates.createNotice,
    'print.listPrinters': print.listPrinters,
    'print.savePdf': print.savePdf,
    'print.send': print.send,
    'people.search': people.search,
    'people.history': people.history,
    'people.save': people.save,
    'people.reveal': people.reveal,
    'visits.create': visits.create,
    'visits.get': visits.get,
    'visits.list': visits.list,
    'complaints.list': complaints.list,
    'complaints.exportXlsx': complaintExport.exportXlsx,
    'complaints.get': complaints.get,
    'complaints.update': complaints.update,
    'complaints.act': complaintActions.act,
    'complaints.link': complaints.link,
    'complaints.dashboard': complaints.dashboard,
    'intake.getOptions': intake.getOptions,
    'intake.saveOptions': intake.saveOptions,
    'intake.listCategories': categories.list,
    'intake.saveCategory': categories.save,
    'intake.archiveCategory': categories.archive,
    'intake.listUnits': units.list,
    'intake.saveUnit': units.save,
    'intake.archiveUnit': units.archive,
    'intake.listSchedules': intake.listSchedules,
    'intake.saveSchedule': intake.saveSchedule,
    'intake.deleteSchedule': intake.deleteSchedule,
    'auth.status': auth.status,
    'auth.setup': auth.setup,
    'auth.signIn': auth.signIn,
    'auth.signOut': auth.signOut,
    'auth.lock': auth.lock,
    'auth.unlock': auth.unlock,
    'auth.changePassword': auth.changePassword,
    'accounts.list': accounts.list,
    'accounts.save': accounts.save,
    'accounts.resetPassword': accounts.resetPassword,
    'accounts.setActive': accounts.setActive,
    'accounts.getSecurity': accounts.getSecurity,
    'accounts.saveSecurity': accounts.saveSecurity,
    'audit.list': audit.list,
    'audit.exportXlsx': audit.exportXlsx,
    'audit.verify': audit.verify,
    'privacy.getRetention': privacy.getRetention,
    'privacy.saveRetention': privacy.saveRetention,
    'privacy.listOverdue': privacy.listOverdue,
    'privacy.exportPerson': privacy.exportPerson,
    'privacy.anonymisePerson': privacy.anonymisePerson,
    'privacy.anonymiseMany': privacy.anonymiseMany,
    ...backupHandlers(db, backup),
    'mediation.list': mediationCases.list,
    'mediation.get': mediationCases.get,
    'mediation.register': mediationCases.register,
    'mediation.update': mediationCases.update,
    'mediation.act': mediationActions.act,
    'mediation.saveSession': mediationSessions.save,
    'mediation.recordFollowUp': mediationFollowUps.record,
    'mediation.saveFileItem': mediationFiles.save,
    'mediation.removeFileItem': mediationFiles.remove,
    'mediation.listMediators': () => listMediators(db),
    'mediation.dashboard': mediationDashboard.dashboard,
    'mediation.getOptions': mediationOptions.getOptions,
    'mediation.saveOptions': mediationOptions.saveOptions,
    'conventions.list': conventions.list,
    'conventions.get': conventions.get,
    'conventions.getVersion': conventions.getVersion,
    'conventions.create': conventions.create,
    'conventions.rename': conventions.rename,
    'conventions.saveArticles': conventions.saveArticles,
    'conventions.saveOpinion': conventions.saveOpinion,
    'conventions.act': conventions.act,
    'conventions.compare': conventions.compare,
    'conventions.coverage': conventions.coverage,
    'conventions.getPhoto': conventions.getPhoto,
    'conventions.getRules': conventions.getRules,
    'conventions.saveRules': conventions.saveRules,
    ...dataTransferHandlers(db, env.databaseFile),
    ...searchHandlers(db),
    ...statsHandlers(db),
  }
}

export type ApiCaller = (ctx: Ctx, method: string, rawInput: unknown) => Promise<unknown>

export function createApi(handlers: Handlers, log: (err: unknown) => void = console.error): ApiCaller {
  return async function callMethod(ctx, method, rawInput) {
    if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', `没有名为 ${method.slice(0, 60)} 的接口`)
    const spec = contract[method]
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) throw validationError(parsed.error)
    authorize(ctx, spec.permission)
    let result: unknown
    try {
      const handler = handlers[method] as (ctx: Ctx, input: unknown) => Promise<unknown>
      result = await handler(ctx, parsed.data)
    } catch (err) {
      if (err instanceof ApiError) throw err
      log(err)
      throw new ApiError('INTERNAL', '系统内部错误，操作未完成。请重试；如仍失败请联系管理员')
    }
    const checked = spec.output.safeParse(result)
    if (!checked.success) {
      log(checked.error)
      throw new ApiError('INTERNAL', '系统返回的数据不完整，操作可能已完成，请刷新后核对')
    }
    return checked.data
  }
}
