/**
 * Secrets at rest: identity providers' client secrets are encrypted with AES-256-GCM under a key
 * derived (HKDF-SHA-256) from VEIKART_SECRET_KEY. The same key, derived for another purpose, signs
 * the short-lived sign-in cookie that binds an OIDC flow's state, nonce and PKCE verifier to the
 * browser. Without the key, identity providers cannot be added or used.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const MIN_SECRET_KEY_LENGTH = 32;

export class SecretKeyError extends Error {}

export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  sign(value: string): string;
  /** The value, when the signature is right; null otherwise. */
  verify(signed: string): string | null;
}

function derive(secretKey: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.alloc(0), `veikart:${purpose}`, 32));
}

export function secretBox(secretKey: string): SecretBox {
  if (secretKey.length < MIN_SECRET_KEY_LENGTH) throw new SecretKeyError(`VEIKART_SECRET_KEY must have at least ${MIN_SECRET_KEY_LENGTH} characters`);
  const encKey = derive(secretKey, 'client-secret');
  const macKey = derive(secretKey, 'oidc-cookie');
  const mac = (value: string): string => createHmac('sha256', macKey).update(value).digest('base64url');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
    },
    decrypt(sealed) {
      const [v, iv, tag, data] = sealed.split(':');
      if (v !== 'v1' || !iv || !tag || data === undefined) throw new SecretKeyError('not an encrypted secret');
      try {
        const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError('the client secret cannot be decrypted with this VEIKART_SECRET_KEY');
      }
    },
    sign(value) {
      return `${Buffer.from(value, 'utf8').toString('base64url')}.${mac(value)}`;
    },
    verify(signed) {
      const dot = signed.lastIndexOf('.');
      if (dot < 0) return null;
      const value = Buffer.from(signed.slice(0, dot), 'base64url').toString('utf8');
      const given = Buffer.from(signed.slice(dot + 1));
      const expected = Buffer.from(mac(value));
      return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
    },
  };
}
