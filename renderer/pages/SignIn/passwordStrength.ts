/**
 * A rough strength hint shown while a password is typed. The rules that
 * refuse a password live in shared/auth/passwordRules.ts (and run in core);
 * this only nudges towards length, which matters more than symbols: a
 * sentence the clerk remembers beats a short jumble they write on a note.
 */
export type Strength = 'weak' | 'fair' | 'strong'

export const strengthLabels: Record<Strength, string> = { weak: '弱', fair: '中', strong: '强' }
export const strengthHints: Record<Strength, string> = {
  weak: '可以使用，但较容易被猜中；再长一些更安全，比如一句好记的话',
  fair: '还不错；再长几个字符会更安全',
  strong: '很好',
}

function kindsOf(password: string): number {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^\p{L}\p{N}]/u, /[^\p{ASCII}]/u]
  return kinds.filter((re) => re.test(password)).length
}

/**
 * Length in units an attacker has to search: a Chinese character, drawn from
 * thousands, counts as two letters, so a short Chinese sentence rates like
 * an English passphrase twice as long.
 */
function lengthUnits(password: string): number {
  return [...password].reduce((n, ch) => n + (/[^\p{ASCII}]/u.test(ch) ? 2 : 1), 0)
}

/** How hard to guess a password is, for one that already passes the rules. */
export function passwordStrength(password: string): Strength {
  const units = lengthUnits(password)
  if (units >= 16) return 'strong'
  const kinds = kindsOf(password)
  if (/^\d+$/.test(password)) return 'weak'
  if (units >= 12 && kinds >= 2) return 'strong'
  if (units >= 12 || (units >= 10 && kinds >= 2) || (units >= 8 && kinds >= 3)) return 'fair'
  return 'weak'
}
