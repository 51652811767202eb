/**
 * CSS custom properties for a page layout, computed from the shared geometry
 * helper, so the component never hard-codes a millimetre.
 */
import { charPitchMm, lineHeightMm, textBlockMm, type PageLayout } from '../../shared/print/geometry'

export function layoutVars(layout: PageLayout): Record<string, string> {
  const block = textBlockMm(layout)
  return {
    '--block-width': `${block.width}mm`,
    '--block-height': `${block.height}mm`,
    '--line': `${lineHeightMm(layout)}mm`,
    '--pitch': `${charPitchMm(layout)}mm`,
    '--body-size': `${layout.bodyFontPt}pt`,
    '--title-size': `${layout.titleFontPt}pt`,
    // Letter spacing that makes one character advance exactly one grid pitch.
    '--tracking': `calc(${charPitchMm(layout)}mm - ${layout.bodyFontPt}pt)`,
  }
}
