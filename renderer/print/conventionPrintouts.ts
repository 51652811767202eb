/**
 * Loading the 居民公约 printouts for the print route: the convention through
 * the API, the version or vote the address names (conventionPicks.ts), the
 * office's name and phone from the intake settings, then the words
 * (convention*Text.ts) for the component that lays them out.
 */
import type { PrintLayoutKind } from '../../shared/labels'
import { printDocumentLabels } from '../../shared/print/target'
import { api } from '../api/client'
import { formVersion, posterVersion, voteToPost, type FetchVersion } from './conventionPicks'
import { bookTitle, printedPoster } from './conventionText'
import { printedVote } from './conventionVoteText'
import { printedOpinionForm } from './conventionFormText'
import ConventionPoster from './ConventionPoster.vue'
import ConventionVote from './ConventionVote.vue'
import ConventionOpinionForm from './ConventionOpinionForm.vue'
import type { ConventionDocument, LoadedPrintout } from './documents'

const fetchVersion: FetchVersion = (versionId) => api.conventions.getVersion({ versionId })

export async function loadConventionPrintout(
  document: ConventionDocument,
  id: number,
  part: number | undefined,
  layout: PrintLayoutKind,
): Promise<LoadedPrintout> {
  const detail = await api.conventions.get({ id })
  const label = `${printDocumentLabels[document]} ${bookTitle(detail.title)}`
  switch (document) {
    case 'convention-poster': {
      const version = await posterVersion(detail, part, fetchVersion)
      return {
        title: `${label} 第${version.number}版`,
        component: ConventionPoster,
        props: { poster: printedPoster(detail, version), layout },
      }
    }
    case 'convention-vote': {
      const [vote, options] = await Promise.all([voteToPost(detail, part, fetchVersion), api.intake.getOptions({})])
      return { title: label, component: ConventionVote, props: { vote: printedVote(detail, vote, options) } }
    }
    case 'convention-opinion-form': {
      const [version, options] = await Promise.all([formVersion(detail, part, fetchVersion), api.intake.getOptions({})])
      return {
        title: label,
        component: ConventionOpinionForm,
        props: { form: printedOpinionForm(detail, version, options) },
      }
    }
  }
}
