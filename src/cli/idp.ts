/**
 * `idp add|list|remove|link`: identity providers (OIDC) from the command line, with the same fields
 * and checks as the admin page. The client secret is sealed with VEIKART_SECRET_KEY (as the server
 * does) and never printed; give it with --client-secret or in VEIKART_IDP_CLIENT_SECRET (kept out of
 * the shell history).
 */
import { parseArgs } from 'node:util';
import { secretBox } from '../api/auth/secrets.ts';
import { withSystem, type Database } from '../db/database.ts';
import { findUserByUsername } from '../db/queries/identity.ts';
import { deleteProvider, insertProvider, listProviders, organizationNames, providerForLogin } from '../db/queries/identity-providers.ts';
import { linkIdentity } from '../db/queries/oidc-login.ts';
import { findOrganizationBySlugOrNumber } from '../db/queries/organizations.ts';
import { CreateIdentityProviderSchema } from '../domain/identity-provider.ts';
import { fieldErrors } from '../domain/validation.ts';

export const IDP_USAGE = `  idp add --name NAVN --issuer URL --client-id ID [--client-secret S] --org ORG[,ORG] [--tenant T]… [--domain D]… [--map ORG:groups|roles:VERDI:admin|editor|reader]…
  idp list                        list identitetsleverandører (aldri hemmeligheter)
  idp remove ID                   fjern en identitetsleverandør (rollene den ga, og øktene, går med)
  idp link BRUKERNAVN --provider ID --subject SUB [--issuer URL]   koble en lokal konto til en identitet`;

export class IdpError extends Error {}

const list = (v: string[] | undefined): string[] => (v ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);

export async function idpCommand(argv: string[], database: Database, env: NodeJS.ProcessEnv): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      org: { type: 'string', multiple: true },
      tenant: { type: 'string', multiple: true },
      domain: { type: 'string', multiple: true },
      map: { type: 'string', multiple: true },
      provider: { type: 'string' },
      subject: { type: 'string' },
    },
  });
  const [sub, arg] = positionals;

  if (sub === 'list') {
    return withSystem(database.db, async (tx) => {
      const providers = await listProviders(tx);
      if (providers.length === 0) return 'Ingen identitetsleverandører.';
      const names = new Map((await organizationNames(tx, [...new Set(providers.flatMap((p) => p.organizationIds))])).map((o) => [o.id, o.name]));
      return providers
        .map((p) =>
          [
            `${p.id}  ${p.displayName}`,
            `  utsteder: ${p.issuer}   klient-ID: ${p.clientId}`,
            `  organisasjoner: ${p.organizationIds.map((id) => names.get(id) ?? id).join(', ')}`,
            ...(p.tenantIds.length ? [`  tenanter: ${p.tenantIds.join(', ')}`] : []),
            ...(p.emailDomains.length ? [`  e-postdomener: ${p.emailDomains.join(', ')}`] : []),
            ...p.roleMappings.map((m) => `  ${names.get(m.organizationId) ?? m.organizationId}: ${m.claim} ${m.value} → ${m.role}`),
          ].join('\n'),
        )
        .join('\n');
    });
  }

  if (sub === 'remove') {
    if (!arg) throw new IdpError('Oppgi id-en til identitetsleverandøren (se idp list).');
    const removed = await withSystem(database.db, (tx) => deleteProvider(tx, arg)).catch(() => false);
    if (!removed) throw new IdpError(`Identitetsleverandøren ${arg} finnes ikke.`);
    return `Fjernet identitetsleverandøren ${arg}.`;
  }

  if (sub === 'link') {
    if (!arg || !values.provider || !values.subject) throw new IdpError('Bruk: idp link BRUKERNAVN --provider ID --subject SUB [--issuer URL]');
    const { provider, subject } = values;
    return withSystem(database.db, async (tx) => {
      const user = await findUserByUsername(tx, arg.toLowerCase());
      if (!user) throw new IdpError(`Brukeren ${arg} finnes ikke.`);
      const p = await providerForLogin(tx, provider).catch(() => null);
      if (!p) throw new IdpError(`Identitetsleverandøren ${provider} finnes ikke.`);
      const issuer = values.issuer ?? p.issuer;
      if (!(await linkIdentity(tx, user.id, issuer, subject))) throw new IdpError('Identiteten er allerede koblet til en annen bruker.');
      return `Koblet ${user.username} til ${p.displayName} (${issuer}, ${subject}).`;
    });
  }

  if (sub === 'add') {
    const key = env.VEIKART_SECRET_KEY;
    if (!key) throw new IdpError('VEIKART_SECRET_KEY må være satt (samme nøkkel som serveren bruker).');
    return withSystem(database.db, async (tx) => {
      const organizationIds: string[] = [];
      for (const slug of list(values.org)) {
        const org = await findOrganizationBySlugOrNumber(tx, slug);
        if (!org) throw new IdpError(`Organisasjonen ${slug} finnes ikke.`);
        organizationIds.push(org.id);
      }
      const roleMappings = [];
      for (const m of values.map ?? []) {
        const [orgKey, claim, value, role] = m.split(':');
        const org = orgKey ? await findOrganizationBySlugOrNumber(tx, orgKey) : null;
        if (!org || !claim || !value || !role) throw new IdpError(`--map ${m}: skriv ORG:groups|roles:VERDI:ROLLE`);
        roleMappings.push({ organizationId: org.id, claim, value, role });
      }
      const parsed = CreateIdentityProviderSchema.safeParse({
        displayName: values.name,
        issuer: values.issuer,
        clientId: values['client-id'],
        clientSecret: values['client-secret'] ?? env.VEIKART_IDP_CLIENT_SECRET,
        organizationIds,
        tenantIds: list(values.tenant),
        emailDomains: list(values.domain),
        roleMappings,
      });
      if (!parsed.success) {
        throw new IdpError(fieldErrors(parsed.error.issues).map((e) => e.message).join('\n'));
      }
      const { clientSecret, ...rest } = parsed.data;
      const created = await insertProvider(tx, { ...rest, sealedSecret: secretBox(key).encrypt(clientSecret) });
      return `Opprettet identitetsleverandøren ${created.displayName} (${created.id}).`;
    });
  }

  throw new IdpError(`Bruk:\n${IDP_USAGE}`);
}
