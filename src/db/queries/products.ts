/**
 * The shared product catalogue (reference data, not any organization's), a system's product, the
 * opt-in network and "Hvem andre bruker dette systemet?" (through the SECURITY DEFINER functions of
 * migration 0030, which return opted-in organizations only). Constant statements per read.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { queryRows } from '../tx.ts';
import { productNetwork, products, systemProducts, systems, vendors } from '../schema.ts';
import { groupPeers, type Network, type NetworkInput, type PeerRow, type Peers, type Product } from '../../domain/product.ts';

const productColumns = { id: products.id, name: products.name, vendorId: products.vendorId, vendorName: vendors.name };

export async function listProducts(tx: Tx): Promise<Product[]> {
  return tx.select(productColumns).from(products).leftJoin(vendors, eq(vendors.id, products.vendorId)).orderBy(asc(products.nameKey));
}

/** The product of that name (normalized), added to the catalogue with its vendor when new. */
export async function addProduct(tx: Tx, organizationId: string, name: string, vendorName: string | null): Promise<Product> {
  let vendorId: string | null = null;
  if (vendorName) {
    await tx.insert(vendors).values({ name: vendorName, addedBy: organizationId }).onConflictDoNothing();
    const [v] = await tx.select({ id: vendors.id }).from(vendors).where(sql`${vendors.nameKey} = lower(regexp_replace(btrim(${vendorName}), '\\s+', ' ', 'g'))`);
    vendorId = v?.id ?? null;
  }
  await tx.insert(products).values({ name, vendorId, addedBy: organizationId }).onConflictDoNothing();
  const [p] = await tx
    .select(productColumns)
    .from(products)
    .leftJoin(vendors, eq(vendors.id, products.vendorId))
    .where(sql`${products.nameKey} = lower(regexp_replace(btrim(${name}), '\\s+', ' ', 'g'))`);
  if (!p) throw new Error('product not found after insert');
  return p;
}

/** The organization's own system (not one shared with it), or null. */
export async function ownSystem(tx: Tx, organizationId: string, systemId: string): Promise<{ id: string; name: string } | null> {
  const [s] = await tx.select({ id: systems.id, name: systems.name }).from(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, systemId)));
  return s ?? null;
}

export async function setSystemProduct(tx: Tx, organizationId: string, systemId: string, productId: string | null): Promise<void> {
  await tx.delete(systemProducts).where(and(eq(systemProducts.organizationId, organizationId), eq(systemProducts.systemId, systemId)));
  if (productId) await tx.insert(systemProducts).values({ systemId, organizationId, productId });
}

export async function getNetwork(tx: Tx, organizationId: string): Promise<Network> {
  const [n] = await tx.select().from(productNetwork).where(eq(productNetwork.organizationId, organizationId));
  return n ? { optedIn: true, contactName: n.contactName, contactEmail: n.contactEmail } : { optedIn: false, contactName: null, contactEmail: null };
}

export async function setNetwork(tx: Tx, organizationId: string, input: NetworkInput): Promise<void> {
  if (!input.optedIn) {
    await tx.delete(productNetwork).where(eq(productNetwork.organizationId, organizationId));
    return;
  }
  const values = { contactName: input.contactName ?? null, contactEmail: input.contactEmail ?? null };
  await tx.insert(productNetwork).values({ organizationId, ...values }).onConflictDoUpdate({ target: productNetwork.organizationId, set: values });
}

/** "Hvem andre bruker dette systemet?": three statements whatever the number of organizations. */
export async function systemPeers(tx: Tx, organizationId: string, systemId: string): Promise<Peers | null> {
  const [head] = await queryRows<{ name: string; product_id: string | null; product_name: string | null; vendor_id: string | null; vendor_name: string | null; opted_in: boolean }>(
    tx,
    sql`select s.name, p.id as product_id, p.name as product_name, p.vendor_id, v.name as vendor_name,
               exists (select 1 from product_network n where n.organization_id = ${organizationId}) as opted_in
          from systems s
          left join system_products sp on sp.system_id = s.id
          left join products p on p.id = sp.product_id
          left join vendors v on v.id = p.vendor_id
         where s.id = ${systemId} and s.organization_id = ${organizationId}`,
  );
  if (!head) return null;
  const product = head.product_id ? { id: head.product_id, name: head.product_name ?? '', vendorId: head.vendor_id, vendorName: head.vendor_name } : null;
  const rows = await queryRows<{ organization_id: string; organization_name: string; system_name: string; product_id: string | null; vendor_id: string | null; users: number | null; operator: string | null; contact_name: string | null; contact_email: string | null }>(
    tx,
    sql`select * from veikart_product_peers(${organizationId}::uuid, ${product?.id ?? null}::uuid, ${product?.vendorId ?? null}::uuid, ${head.name}::text)`,
  );
  const peers: PeerRow[] = rows.map((r) => ({
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    systemName: r.system_name,
    productId: r.product_id,
    vendorId: r.vendor_id,
    users: r.users === null ? null : Number(r.users),
    operator: r.operator,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
  }));
  return groupPeers(peers, product, head.opted_in);
}

/** "Mest brukte systemer": opted-in organizations per product. */
export async function productUsage(tx: Tx): Promise<Array<{ productId: string; product: string; vendor: string | null; organizations: number }>> {
  const rows = await queryRows<{ product_id: string; product_name: string; vendor_name: string | null; organizations: string | number }>(tx, sql`select * from veikart_product_usage()`);
  return rows.map((r) => ({ productId: r.product_id, product: r.product_name, vendor: r.vendor_name, organizations: Number(r.organizations) }));
}
