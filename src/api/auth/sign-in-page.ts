/**
 * The page a refused OIDC sign-in lands on: plain server-rendered HTML in bokmål and nynorsk (the
 * user is not signed in, so their language is unknown), no JavaScript. Says why and whom to ask;
 * names no account and repeats nothing from the token but the organizations the provider serves.
 */
import { REFUSALS, type Refusal } from '../../domain/identity-provider.ts';

const NN: Record<Refusal, string> = {
  noRole: 'Du har inga rolle i Veikart gjennom denne innlogginga.',
  tenant: 'Organisasjonen (tenant) du logga inn frå, er ikkje sett opp for denne innlogginga.',
  emailDomain: 'E-postadressa di høyrer ikkje til eit domene som er tillate for denne innlogginga.',
  disabled: 'Brukaren din er deaktivert i Veikart.',
  failed: 'Innlogginga kunne ikkje stadfestast. Start innlogginga på nytt frå Veikart.',
};

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function signInRefusedPage(reason: Refusal, organizations: readonly string[]): string {
  const orgs = organizations.length > 0 ? organizations.map(escape).join(', ') : 'organisasjonen din';
  const ask =
    reason === 'failed'
      ? { nb: 'Prøv igjen. Hvis det ikke hjelper, kontakt IT-avdelingen din.', nn: 'Prøv igjen. Om det ikkje hjelper, kontakt IT-avdelinga di.' }
      : {
          nb: `Be administratoren for Veikart i ${orgs} (ofte IT-avdelingen) om å gi deg tilgang: de legger deg i riktig gruppe i Entra ID, eller gir deg en rolle i Veikart.`,
          nn: `Be administratoren for Veikart i ${orgs} (ofte IT-avdelinga) om å gi deg tilgang: dei legg deg i rett gruppe i Entra ID, eller gir deg ei rolle i Veikart.`,
        };
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Innlogging avvist – Veikart</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1e2b3c}a{color:#0062ba}section{margin-top:2rem}</style></head>
<body><main>
<h1>Innlogging avvist</h1>
<p>${escape(REFUSALS[reason])}</p>
<p>${ask.nb}</p>
<section lang="nn" aria-labelledby="nn-title"><h2 id="nn-title">Innlogging avvist (nynorsk)</h2>
<p>${escape(NN[reason])}</p>
<p>${ask.nn}</p></section>
<p><a href="/">Tilbake til innloggingen / Tilbake til innlogginga</a></p>
</main></body></html>`;
}
