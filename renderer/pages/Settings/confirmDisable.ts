/**
 * The question asked before 停用 a category or unit. Nothing is deleted:
 * matters already filed keep showing the name, only pickers stop offering it.
 */
import { ElMessageBox } from 'element-plus'

export async function confirmDisable(kind: string, name: string, detail = ''): Promise<boolean> {
  try {
    await ElMessageBox.confirm(
      `停用后新登记的诉求不能再选择“${name}”，已登记的诉求不受影响，可随时恢复。${detail}确定停用吗？`,
      `停用${kind}`,
      { confirmButtonText: '停用', cancelButtonText: '取消', type: 'warning' },
    )
    return true
  } catch {
    return false
  }
}
