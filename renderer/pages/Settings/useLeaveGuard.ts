/**
 * Asks before leaving the page with unsaved edits: an administrator who
 * marked twenty holiday dates should not lose them to a stray menu click.
 * Switching tabs inside 系统设置 only changes the query and keeps the tab alive.
 */
import type { Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { ElMessageBox } from 'element-plus'

export function useLeaveGuard(dirty: Readonly<Ref<boolean>>, message: string | (() => string)): void {
  onBeforeRouteLeave(async () => {
    if (!dirty.value) return true
    try {
      await ElMessageBox.confirm(typeof message === 'function' ? message() : message, '有未保存的修改', {
        confirmButtonText: '放弃修改并离开',
        cancelButtonText: '留在本页',
        type: 'warning',
      })
      return true
    } catch {
      return false
    }
  })
}
