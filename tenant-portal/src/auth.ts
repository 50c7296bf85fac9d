// Tokens live in sessionStorage: they end with the tab, and the portal and the customer H5 keep
// separate sessions so a cashier testing the H5 on the counter PC is not logged out of the portal.
export type Scope = 'portal' | 'h5';
export type Role = 'provider_admin' | 'owner' | 'staff' | 'customer';

export interface Claims {
  sub?: string;
  email?: string;
  name?: string;
  exp?: number;
  'custom:role'?: Role;
  'custom:tenant_id'?: string;
  'custom:store_ids'?: string;
  'custom:member_id'?: string;
  [k: string]: unknown;
}

const key = (scope: Scope) => `zhidian.${scope}.idToken`;

export function decodeJwt(token: string): Claims | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Claims;
  } catch {
    return null;
  }
}

export function getToken(scope: Scope): string | null {
  const t = sessionStorage.getItem(key(scope));
  if (!t) return null;
  const c = decodeJwt(t);
  if (!c || (typeof c.exp === 'number' && c.exp * 1000 < Date.now())) {
    sessionStorage.removeItem(key(scope));
    return null;
  }
  return t;
}

export function setToken(scope: Scope, token: string): void {
  sessionStorage.setItem(key(scope), token);
}

export function clearToken(scope: Scope): void {
  sessionStorage.removeItem(key(scope));
}

export function claims(scope: Scope): Claims | null {
  const t = getToken(scope);
  return t ? decodeJwt(t) : null;
}

export function role(scope: Scope): Role | null {
  return (claims(scope)?.['custom:role'] as Role | undefined) ?? null;
}

export function homeFor(r: Role | null | undefined): string {
  switch (r) {
    case 'provider_admin':
      return '#/admin/tenants';
    case 'owner':
    case 'staff':
      return '#/stores';
    case 'customer':
      return '#/h5';
    default:
      return '#/login';
  }
}
