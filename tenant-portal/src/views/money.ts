import { getLang } from '../i18n';

/** "12.5" → 1250 fen, exactly (no floating point); anything else is sent as typed, for the API to name the field. */
export function yuanToFen(s: string): number | string {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) return s.trim();
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function fmtFen(fen: unknown): string {
  if (typeof fen !== 'number') return '—';
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}¥${Math.floor(a / 100).toLocaleString(getLang() === 'en' ? 'en-US' : 'zh-CN')}.${String(a % 100).padStart(2, '0')}`;
}

/** A datetime-local value → ISO-8601 with an offset (UTC), or undefined when empty. */
export function localToIso(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return isNaN(d.getTime()) ? v : d.toISOString();
}

/** A number typed into a form: an integer when it is one, else the text, for the API to refuse by name. */
export function intOrText(v: string | undefined): number | string | undefined {
  if (v === undefined || v === '') return undefined;
  return /^-?\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : v;
}
