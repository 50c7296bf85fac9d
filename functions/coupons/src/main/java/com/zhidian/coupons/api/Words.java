package com.zhidian.coupons.api;

import com.zhidian.core.http.Language;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.domain.CouponRules;
import com.zhidian.coupons.domain.CouponRules.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** What a cashier reads out: each refusal in English or Chinese, money as yuan, dates in China time. */
final class Words {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private Words() {}

    static String refusal(Refusal r, Language lang) {
        boolean zh = lang == Language.ZH;
        Map<String, Object> f = r.facts();
        return switch (r.code()) {
            case CouponRules.VOID -> zh ? "此券已作废" + (f.containsKey("reason") ? "（" + f.get("reason") + "）" : "")
                    : "This coupon was voided" + (f.containsKey("reason") ? " (" + f.get("reason") + ")" : "");
            case CouponRules.USED -> f.containsKey("at")
                    ? (zh ? "此券已于 " + day(f.get("at")) + " 使用" : "This coupon was already used on " + day(f.get("at")))
                    : (zh ? "此券已使用" : "This coupon was already used");
            case CouponRules.RESERVED -> zh ? "此券正被另一笔订单占用" : "Another order is holding this coupon";
            case CouponRules.NOT_YET_VALID -> zh ? "此券 " + day(f.get("validFrom")) + " 起才可使用"
                    : "This coupon is not valid until " + day(f.get("validFrom"));
            case CouponRules.EXPIRED -> zh ? "此券已于 " + day(f.get("validTo")) + " 过期" : "This coupon expired on " + day(f.get("validTo"));
            case CouponRules.NOT_IN_STORE -> zh ? "此券不能在本店使用" : "This coupon cannot be used in this store";
            case CouponRules.BELOW_MIN_SPEND -> zh
                    ? "还差 " + yuan(f.get("short")) + " 才满 " + yuan(f.get("minSpend")) + "，满额才能用此券"
                    : "Spend " + yuan(f.get("short")) + " more: this coupon needs a spend of " + yuan(f.get("minSpend"));
            case CouponRules.NOT_IN_BASKET -> zh ? "购物篮里没有此券适用的商品" : "Nothing in the basket is a product this coupon is for";
            default -> r.code();
        };
    }

    /** Why an issue left a member out. */
    static String issueRefusal(String code, Language lang) {
        boolean zh = lang == Language.ZH;
        return switch (code) {
            case CouponService.LIMIT_REACHED -> zh ? "已达每人限领数量" : "The member already has as many as one may have";
            case CouponService.STOCK_OUT -> zh ? "券已发完" : "No coupons left in stock";
            case CouponService.MEMBER_ERASED -> zh ? "会员已注销" : "The member was erased";
            case CouponService.CLOSED -> zh ? "券已停发" : "The template was stopped";
            default -> code;
        };
    }

    static String yuan(Object fen) {
        long f = ((Number) fen).longValue();
        return "¥" + (f / 100) + "." + String.format("%02d", f % 100);
    }

    private static String day(Object iso) {
        return DAY.format(Instant.parse(String.valueOf(iso)));
    }
}
