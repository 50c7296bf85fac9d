package com.zhidian.catalog.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** A text that is no GS1 GTIN: the code says why (gtin.not_digits, gtin.length, gtin.check_digit). */
public final class InvalidGtin extends DomainException {
    public InvalidGtin(String code, String text) {
        super(code, Map.of("text", String.valueOf(text)));
    }

    /** English words for the field error. */
    public String english() {
        return switch (code()) {
            case "gtin.not_digits" -> "must be digits only";
            case "gtin.length" -> "must be a GTIN-8, -12, -13 or -14 (8, 12, 13 or 14 digits)";
            case "gtin.check_digit" -> "the check digit is wrong (GS1 mod 10)";
            default -> "is required";
        };
    }

    public String chinese() {
        return switch (code()) {
            case "gtin.not_digits" -> "只能包含数字";
            case "gtin.length" -> "须为 8、12、13 或 14 位的 GTIN 商品条码";
            case "gtin.check_digit" -> "校验位错误（GS1 模 10）";
            default -> "必填";
        };
    }
}
