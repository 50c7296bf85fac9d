// Goods sold by weight (称重商品): grams and a price per kg from the server, shown as a Chinese shopper reads them
// (per 500 g, the 斤) or per kg in English. Amounts shown before the server prices are estimates with its rule.
import { getLang } from '../i18n';
import { fmtFen } from './money';

/** 1235 → "1.235 kg" */
export function fmtKg(grams: number): string {
  return `${(grams / 1000).toFixed(3)} kg`;
}

/** The price per kg as a shelf shows it: "¥6.40/斤" in Chinese (half a kilogram, rounded half up), "¥12.80/kg" in English. */
export function fmtPerUnit(pricePerKg: number): string {
  return getLang() === 'en' ? `${fmtFen(pricePerKg)}/kg` : `${fmtFen(Math.floor((pricePerKg + 1) / 2))}/斤`;
}

/** The server's rule (docs/decisions.md, weighed goods): price per kg × grams ÷ 1000, half up to the fen. */
export function weighedAmount(pricePerKg: number, grams: number): number {
  return Math.floor((pricePerKg * grams + 500) / 1000);
}
