/**
 * Where a statistics bar leads (renderer/pages/Stats/drillDown.ts), and that
 * the lists read those addresses back into the filters the API gets: the
 * 未填/未交办 bars, 不含已合并, the 办结量 and 调解成功 series, the period's
 * dates for mediation. The totals themselves are checked against the
 * figures in tests/integration/statsDashboard.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { complaintListLocation, mediationListLocation } from '../../renderer/pages/Stats/drillDown'
import { filtersFromQuery, queryFromFilters } from '../../renderer/pages/Complaints/filterQuery'
import {
  filtersFromQuery as mediationFiltersFromQuery,
  queryFromFilters as mediationQueryFromFilters,
} from '../../renderer/pages/Mediation/filterQuery'
import { filterInput } from '../../renderer/stores/complaintFilters'
import { mediationFilterInput } from '../../renderer/stores/mediationFilters'

type Location = { path: string; query: Record<string, string> }
const november = { dateFrom: '2026-11-01', dateTo: '2026-11-30' }

function at(to: unknown): Location {
  expect(to).not.toBeNull()
  return to as Location
}

describe('a 诉求 bar', () => {
  it('always carries the period and leaves merged 诉求 out, as every figure does', () => {
    const to = at(complaintListLocation({ ...november, dimension: 'kind', key: 'complaint', communityId: undefined }))
    expect(to).toEqual({
      path: '/complaints',
      query: { from: '2026-11-01', to: '2026-11-30', merged: 'exclude', kind: 'complaint' },
    })
    expect(filterInput(filtersFromQuery(to.query).filters)).toMatchObject({
      dateFrom: '2026-11-01',
      dateTo: '2026-11-30',
      excludeMerged: true,
      kind: 'complaint',
      compoundMissing: undefined,
      unitMissing: undefined,
      resolved: undefined,
    })
  })

  it('opens 诉求 without a compound for the 未填 bar by compound or community, dropping the community', () => {
    for (const dimension of ['compound', 'community'] as const) {
      const to = at(complaintListLocation({ ...november, dimension, key: null, communityId: 5 }))
      expect(to.query).toEqual({ from: '2026-11-01', to: '2026-11-30', merged: 'exclude', compound: 'none' })
      const input = filterInput(filtersFromQuery(to.query).filters)
      expect(input).toMatchObject({ compoundMissing: true, communityId: undefined, compoundId: undefined })
    }
  })

  it('opens 诉求 not handed to a unit for the 未交办 bar, in the chosen community', () => {
    const to = at(complaintListLocation({ ...november, dimension: 'unit', key: null, communityId: 5 }))
    expect(to.query).toMatchObject({ community: '5', unit: 'none' })
    expect(filterInput(filtersFromQuery(to.query).filters)).toMatchObject({
      unitMissing: true,
      unitId: undefined,
      communityId: 5,
    })
  })

  it('opens only those with a result for a 办结量 bar, also in the trend', () => {
    const unit = at(
      complaintListLocation({ ...november, dimension: 'unit', key: 3, communityId: undefined, figure: 'resolved' }),
    )
    expect(unit.query).toMatchObject({ unit: '3', resolved: '1' })
    const day = at(
      complaintListLocation({
        dateFrom: '2026-11-05',
        dateTo: '2026-11-05',
        dimension: 'period',
        key: null,
        communityId: undefined,
        figure: 'resolved',
      }),
    )
    expect(day.query).toEqual({ from: '2026-11-05', to: '2026-11-05', merged: 'exclude', resolved: '1' })
    expect(filterInput(filtersFromQuery(day.query).filters)).toMatchObject({ resolved: true, excludeMerged: true })
  })

  it('opens the open 诉求 past their due date for the 超期 card', () => {
    const to = at(
      complaintListLocation({ ...november, dimension: 'period', key: null, communityId: undefined, figure: 'overdue' }),
    )
    expect(to.query).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      merged: 'exclude',
      status: 'registered,accepted,assigned,in_progress',
      clock: 'overdue',
    })
    expect(filterInput(filtersFromQuery(to.query).filters)).toMatchObject({
      status: ['registered', 'accepted', 'assigned', 'in_progress'],
      clock: 'overdue',
    })
  })

  it('files a compound under its community', () => {
    const to = at(
      complaintListLocation({
        ...november,
        dimension: 'compound',
        key: 12,
        communityId: undefined,
        compoundCommunityId: 4,
      }),
    )
    expect(to.query).toMatchObject({ community: '4', compound: '12' })
    expect(complaintListLocation({ ...november, dimension: 'compound', key: 12, communityId: undefined })).toBeNull()
  })

  it('writes back the address it read (so the list keeps it in the address bar)', () => {
    for (const query of <Record<string, string>[]>[
      { from: '2026-11-01', to: '2026-11-30', merged: 'exclude', compound: 'none', resolved: '1' },
      { from: '2026-11-01', to: '2026-11-30', merged: 'exclude', community: '2', unit: 'none' },
    ]) {
      expect(queryFromFilters(filtersFromQuery(query).filters, 1)).toEqual(query)
    }
  })

  it('drops what contradicts itself rather than guessing', () => {
    // A community and compound=none: no 诉求 can be both, so the 未填 part goes.
    const f = filtersFromQuery({ community: '2', compound: 'none' }).filters
    expect([f.communityId, f.compoundId, f.compoundMissing]).toEqual([2, undefined, false])
    // 已合并 in the status and merged=exclude: the list keeps 不含已合并 and drops the status.
    const g = filtersFromQuery({ status: 'merged,resolved', merged: 'exclude' }).filters
    expect([g.status, g.excludeMerged]).toEqual([['resolved'], true])
    expect(filtersFromQuery({ unit: 'nobody', resolved: 'yes' }).filters).toMatchObject({
      unitId: undefined,
      unitMissing: false,
      resolved: false,
    })
  })
})

describe('a 调解 bar', () => {
  it('opens the type registered in the period (not the whole year), in the community', () => {
    const to = at(mediationListLocation({ disputeType: 'neighbour', ...november, communityId: 7 }))
    expect(to).toEqual({
      path: '/mediation',
      query: { type: 'neighbour', from: '2026-11-01', to: '2026-11-30', community: '7' },
    })
    const { filters } = mediationFiltersFromQuery(to.query)
    expect(mediationFilterInput(filters)).toMatchObject({
      disputeType: 'neighbour',
      dateFrom: '2026-11-01',
      dateTo: '2026-11-30',
      communityId: 7,
      year: undefined,
      outcome: [],
    })
    expect(mediationQueryFromFilters(filters, 1)).toEqual(to.query)
  })

  it('opens only the agreements for the 调解成功 bar', () => {
    const to = at(
      mediationListLocation({ disputeType: 'contract', ...november, communityId: undefined, only: 'succeeded' }),
    )
    expect(to.query).toEqual({
      type: 'contract',
      from: '2026-11-01',
      to: '2026-11-30',
      outcome: 'written_agreement,oral_agreement',
    })
    expect(mediationFiltersFromQuery(to.query).filters.outcome).toEqual(['written_agreement', 'oral_agreement'])
  })

  it('opens every type for a card, the 已结案件 card with every outcome', () => {
    const to = at(mediationListLocation({ ...november, communityId: undefined, only: 'concluded' }))
    expect(to.query).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      outcome: 'written_agreement,oral_agreement,failed,terminated',
    })
    expect(mediationFilterInput(mediationFiltersFromQuery(to.query).filters).disputeType).toBeUndefined()
  })

  it('drops dates and outcomes that do not parse', () => {
    const f = mediationFiltersFromQuery({
      from: '2026-13-01',
      to: 'soon',
      outcome: 'won,failed',
      community: '-1',
    }).filters
    expect([f.dateFrom, f.dateTo, f.outcome, f.communityId]).toEqual([undefined, undefined, ['failed'], undefined])
  })
})
