import { clearToken, getToken, type Scope } from './auth';
import { getLang } from './i18n';

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/** An answer that was not 2xx, read from application/problem+json (RFC 9457) when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[],
    readonly type?: string,
    readonly code?: string,
    /** Extension members the client acts on: approvalId and approvalStatus of approval.required. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  scope?: Scope | null;
  idempotencyKey?: string;
  accept?: string;
  /** Ask for problem details and messages in this language (the coupons till reads them out). */
  acceptLanguage?: string;
  /** More request headers (Approval-Id when an approved request is sent again). */
  headers?: Record<string, string>;
}

/** Called when a token is refused (401), so the app can send the user back to a login page. */
let onUnauthorized: (scope: Scope) => void = () => {};
export function setUnauthorizedHandler(fn: (scope: Scope) => void): void {
  onUnauthorized = fn;
}

export async function request<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    return text as T;
  }
}

/** The raw Response for downloads; errors are still thrown as ApiError. */
export async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  // The server words its problems (title, detail) in the UI's language.
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json', 'Accept-Language': getLang() };
  const scope = opts.scope === undefined ? 'portal' : opts.scope;
  if (scope) {
    const token = getToken(scope);
    if (token) headers.Authorization = `Bearer ${token}`;
  }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  if (opts.acceptLanguage) headers['Accept-Language'] = opts.acceptLanguage;
  if (opts.headers) Object.assign(headers, opts.headers);
  let url = path;
  if (opts.query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    const s = q.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e), []);
  }
  if (res.ok) return res;
  const err = await problem(res);
  if (res.status === 401 && scope) {
    clearToken(scope);
    onUnauthorized(scope);
  }
  throw err;
}

async function problem(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const text = await res.text();
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    /* not JSON: fall back to the status line */
  }
  const errors = Array.isArray(body.errors)
    ? (body.errors as Record<string, unknown>[]).map((e) => ({
        field: String(e.field ?? e.pointer ?? ''),
        message: String(e.message ?? e.detail ?? ''),
        code: typeof e.code === 'string' ? e.code : undefined,
      }))
    : [];
  return new ApiError(
    res.status,
    typeof body.title === 'string' ? body.title : res.statusText || `HTTP ${res.status}`,
    typeof body.detail === 'string' ? body.detail : undefined,
    errors,
    typeof body.type === 'string' ? body.type : undefined,
    typeof body.code === 'string' ? body.code : undefined,
    typeof body.approvalId === 'string' ? { approvalId: body.approvalId, approvalStatus: body.approvalStatus } : {},
  );
}

/** Lists answer {items, nextCursor}; be lenient with a bare array. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export function asPage<T>(body: unknown): Page<T> {
  if (Array.isArray(body)) return { items: body as T[], nextCursor: null };
  const b = (body ?? {}) as { items?: T[]; nextCursor?: string | null };
  return { items: Array.isArray(b.items) ? b.items : [], nextCursor: b.nextCursor ?? null };
}
