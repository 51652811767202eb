/** 导出个人信息: asks core for the file (core records the export) and saves it. */
import { ElMessage } from 'element-plus'
import { api, errorMessage } from '../../api/client'
import { downloadBase64 } from '../Complaints/downloadFile'

export async function exportPerson(id: number, format: 'json' | 'xlsx'): Promise<void> {
  try {
    const file = await api.privacy.exportPerson({ id, format })
    downloadBase64(file.fileName, file.base64, file.mime)
    ElMessage.success(`已导出 ${file.fileName}`)
  } catch (err) {
    ElMessage.error(errorMessage(err))
  }
}
