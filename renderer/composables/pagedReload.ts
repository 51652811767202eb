/**
 * Reload one page of a server-paged list, from page 1 when the filters
 * changed (the page the clerk was on may no longer exist). A failed load is
 * told in a message; the list keeps what it showed.
 */
import { ElMessage } from 'element-plus'
import { errorMessage } from '../api/client'

export function pagedReload(
  load: () => Promise<unknown>,
  toFirstPage: () => void,
): (resetPage?: boolean) => Promise<void> {
  return async (resetPage = false) => {
    if (resetPage) toFirstPage()
    try {
      await load()
    } catch (err) {
      ElMessage.error(errorMessage(err))
    }
  }
}
