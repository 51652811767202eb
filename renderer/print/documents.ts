/**
 * The printable documents: for each kind and layout, its component and page
 * geometry. A new printout is one entry here plus its component.
 */
import type { Component } from 'vue'
import { officialA4, wallA3, type PageLayout } from '../../shared/print/geometry'
import type { PrintLayoutKind } from '../../shared/labels'
import NoticeOfficial from './NoticeOfficial.vue'
import NoticeWall from './NoticeWall.vue'

export interface LayoutSpec {
  component: Component
  geometry: PageLayout
}

export const noticeLayouts: Record<PrintLayoutKind, LayoutSpec> = {
  official: { component: NoticeOfficial, geometry: officialA4 },
  wall: { component: NoticeWall, geometry: wallA3 },
}
