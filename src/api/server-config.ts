/** Server settings from the environment that need a word of caution at start (`npm start`, src/main.ts). */

export const TRUST_PROXY_WARNING =
  'Advarsel: VEIKART_TRUST_PROXY=true. Klientens IP-adresse og protokoll tas fra X-Forwarded-For og ' +
  'X-Forwarded-Proto. Bruk dette bare bak en omvendt proxy som overskriver (ikke legger til) X-Forwarded-For; ' +
  'ellers kan hvem som helst oppgi en annen adresse og omgå grensen for innloggingsforsøk per IP-adresse.';

/** Whether to trust X-Forwarded-* headers (`VEIKART_TRUST_PROXY=true`); warns when it is on. */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv, warn: (message: string) => void): boolean {
  const trust = env.VEIKART_TRUST_PROXY === 'true';
  if (trust) warn(TRUST_PROXY_WARNING);
  return trust;
}
