/** 通知公告 store: one page of the list with its filters, and the templates. */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { api } from '../api/client'
import type { NoticeSummary, NoticeTemplate } from '../../shared/api/notices'
import type { NoticeStatus } from '../../shared/labels'

export const useNoticesStore = defineStore('notices', () => {
  const items = ref<NoticeSummary[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const loading = ref(false)
  const filters = reactive({
    query: '',
    communityId: undefined as number | undefined,
    status: undefined as NoticeStatus | undefined,
  })
  const templates = ref<NoticeTemplate[]>([])

  async function load(): Promise<void> {
    loading.value = true
    try {
      const result = await api.notices.list({
        query: filters.query,
        communityId: filters.communityId,
        status: filters.status,
        page: page.value,
        pageSize: pageSize.value,
      })
      items.value = result.items
      total.value = result.total
    } finally {
      loading.value = false
    }
  }

  async function loadTemplates(): Promise<NoticeTemplate[]> {
    templates.value = await api.notices.listTemplates({})
    return templates.value
  }

  return { items, total, page, pageSize, loading, filters, templates, load, loadTemplates }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNoticesStore, import.meta.hot))
