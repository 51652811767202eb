/**
 * ECharts options for the statistics: horizontal bars for breakdowns (long
 * Chinese names read best on the left, first row on top), vertical bars for
 * the trend. Colours follow Element Plus so the charts sit with the page.
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export interface ChartSeries {
  name: string
  data: number[]
  color: string
}

export const seriesColors = { primary: '#409eff', success: '#67c23a', warning: '#e6a23c' } as const

const font = "'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"

function base(series: ChartSeries[]): Pick<ChartOption, 'tooltip' | 'legend' | 'textStyle'> {
  return {
    textStyle: { fontFamily: font },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: series.map((s) => s.name) },
  }
}

function bars(series: ChartSeries[], clickable: boolean): BarSeriesOption[] {
  return series.map((s) => ({
    type: 'bar',
    name: s.name,
    data: s.data,
    itemStyle: { color: s.color },
    barMaxWidth: 22,
    cursor: clickable ? 'pointer' : 'default',
    // A zero bar has no length to label; its number is in the table below.
    label: { show: true, position: 'right', color: '#606266', formatter: (p) => (p.value ? String(p.value) : '') },
  }))
}

/** One row per category, top to bottom in the given order. */
export function horizontalBars(categories: string[], series: ChartSeries[], clickable = true): ChartOption {
  return {
    ...base(series),
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: categories,
      inverse: true,
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: bars(series, clickable),
  }
}

/** Days or months along the bottom. */
export function verticalBars(categories: string[], series: ChartSeries[]): ChartOption {
  return {
    ...base(series),
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      itemStyle: { color: s.color },
      barMaxWidth: 18,
      cursor: 'pointer',
    })),
  }
}

/** Height for a horizontal bar chart of n rows: enough for two bars a row, never a sliver. */
export function barsHeight(rows: number): number {
  return Math.max(160, 48 + rows * 44)
}
