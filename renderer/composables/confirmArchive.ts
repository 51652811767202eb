/** The one question asked before archiving anything: archived records hide but are never deleted. */
import { ElMessageBox } from 'element-plus'

export async function confirmArchive(kind: string, name: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(
      `归档后“${name}”将不再出现在选择列表和默认列表中，历史记录保留，可随时恢复。确定归档吗？`,
      `归档${kind}`,
      { confirmButtonText: '归档', cancelButtonText: '取消', type: 'warning' },
    )
    return true
  } catch {
    return false
  }
}
