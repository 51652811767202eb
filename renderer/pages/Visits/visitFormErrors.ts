/**
 * The 来访登记 form's field errors, shared with its sections. The page owns
 * them (it validates and shows what core refuses); each section clears the
 * message of a field as soon as the clerk changes it, and adds the checks
 * that run while typing.
 */
import { inject, provide, type InjectionKey } from 'vue'

export type FieldErrors = Record<string, string>

const key: InjectionKey<FieldErrors> = Symbol('visitFormErrors')

export function provideVisitErrors(errors: FieldErrors): void {
  provide(key, errors)
}

export function forgetErrors(errors: FieldErrors, ...keys: string[]): void {
  for (const k of keys) delete errors[k]
}

/** Drops every message under a prefix, e.g. all `representatives.` ones after a row is removed. */
export function forgetErrorsUnder(errors: FieldErrors, prefix: string): void {
  forgetErrors(errors, ...Object.keys(errors).filter((k) => k.startsWith(prefix)))
}

export function useVisitErrors() {
  const errors = inject(key)
  if (!errors) throw new Error('useVisitErrors() outside the 来访登记 form')
  return {
    errors,
    forget: (...keys: string[]) => forgetErrors(errors, ...keys),
    forgetUnder: (prefix: string) => forgetErrorsUnder(errors, prefix),
  }
}
