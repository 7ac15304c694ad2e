// Removes secrets from text that may reach a log, an error message or the terminal: the bearer token
// itself, credentials in URLs and token-like query parameters.

/** Redact `secret` (if any), URL user-info and access_token/token query values from `text`. */
export function redact(text: string, secret?: string): string {
  let out = text;
  if (secret && secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  out = out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi, '$1[REDACTED]@');
  out = out.replace(/([?&](?:access_token|token|bearer)=)[^&\s#]*/gi, '$1[REDACTED]');
  out = out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1[REDACTED]');
  return out;
}
