/**
 * The Content-Security-Policy, kept identical to the meta tag in
 * renderer/index.html (a unit test compares them). Element Plus sets inline
 * styles, hence 'unsafe-inline' for styles only; scripts are self only.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** As an HTTP header, frame-ancestors (ignored in a meta tag) is added. */
export const contentSecurityPolicyHeader = `${contentSecurityPolicy}; frame-ancestors 'none'`
