/**
 * The rows a batch of 诉求 becomes, in three steps, one file each:
 * complaintBatchCheck refuses what the forms and the workflow would refuse
 * before anything is written, complaintBatchWorkflow works out each row's
 * status, clocks and timeline as the one-by-one path would, and
 * complaintBatchInsert numbers and writes them. This module is the one
 * entry point the batch registration, the import's drafts and the tests
 * import from, so where a step lives can change without touching them.
 */
export {
  checkResolved,
  historyStatuses,
  loadComplaintRefs,
  type ComplaintHistory,
  type ComplaintRefs,
  type HistoryStatus,
  type ResolvedComplaint,
} from './complaintBatchCheck'
export { historyFollowUpCaller } from './complaintBatchWorkflow'
export { insertComplaints, type WrittenComplaints } from './complaintBatchInsert'
