// The server's problem+json carries stable codes (`code`, and `errors[].code` per field). The portal words the
// ones it knows in the reader's language (t('problem.<code>'), t('field.<code>')) and falls back to the
// server's own words (sent in the UI language through Accept-Language) for the rest.
// e2e/problem-codes.test.mjs fails when a code listed here has no words in zh-CN or en.

/** Problem codes: domain codes from the contexts' ProblemTables, and core's slugs of generic titles. */
export const PROBLEM_CODES = [
  'invalid-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'payload-too-large',
  'request-refused',
  'too-many-requests',
  'unsupported-media-type',
  'tenant.suspended',
  'login.email_taken',
  'member.erased',
  'member.not_found',
  'member.phone_taken',
  'points.not_enough',
  'store.not_found',
  'store.unknown',
  'tenant.not_found',
  'category.not_found',
  'category.too_deep',
  'coupon.busy',
  'coupon.code_malformed',
  'coupon.code_mistyped',
  'coupon.limit_reached',
  'coupon.not_found',
  'coupon.not_held_by_order',
  'coupon.not_stackable',
  'coupon.reserved',
  'coupon.stock_out',
  'coupon.used',
  'coupon.void',
  'coupon_template.closed',
  'coupon_template.not_found',
  'price.none',
  'price.promo_incomplete',
  'price.promo_window_backwards',
  'product.delisted',
  'product.duplicate',
  'product.not_found',
  'product.plu_taken',
  'scan.unknown_code',
  'stock.already_reserved',
  'stock.busy',
  'stock.count_below_reserved',
  'stock.insufficient',
  'stock.reservation_not_found',
  'transfer.same_store',
  'device.not_found',
  'device.gtin_invalid',
  'device.gtin_not_for_kind',
  'order.not_found',
  'order.store_not_found',
  'order.illegal_transition',
  'order.no_price',
  'order.unknown_product',
  'order.member_required',
  'order.coupon_not_members',
  'order.points_over_total',
  'order.tendered_short',
  'order.not_payable',
  'order.payment_pending',
  'order.not_refundable',
  'order.refund_over_left',
  'order.line_not_in_order',
  'order.payment_provider_failed',
] as const;

/** Field error codes (functions/core http.Fields). */
export const FIELD_CODES = [
  'invalid',
  'required',
  'unknown_field',
  'invalid_type',
  'invalid_text',
  'blank',
  'too_short',
  'too_long',
  'invalid_format',
  'not_in_list',
  'out_of_range',
  'too_few_items',
  'too_many_items',
] as const;

/** Fields whose format the portal can word better than a general code ("phone" → an 11-digit number). */
export const FIELD_FORMATS: Record<string, 'err.phone' | 'err.email'> = { phone: 'err.phone', email: 'err.email' };

/** The numbers in the server's English message ("must be 1 to 80 characters"), for the portal's own words. */
export function numbersIn(message: string): Record<string, string> {
  const n = message.match(/-?\d+/g) ?? [];
  return { a: n[0] ?? '', b: n[1] ?? '' };
}
