package com.zhidian.local.dynamodb;

import java.math.BigDecimal;
import java.math.MathContext;

/** DynamoDB numbers: up to 38 significant digits, magnitude 1E-130 .. 9.99..E+125, exact decimal arithmetic. */
final class Numbers {
    private Numbers() {}

    static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    static final BigDecimal MIN_POSITIVE = new BigDecimal("1E-130");

    static BigDecimal parse(String s) {
        if (s == null) throw new DynamoException.Validation("The parameter cannot be converted to a numeric value");
        String t = s.trim();
        BigDecimal d;
        try {
            if (t.isEmpty() || t.indexOf('_') >= 0) throw new NumberFormatException();
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new DynamoException.Validation("The parameter cannot be converted to a numeric value: " + s);
        }
        return check(d);
    }

    static BigDecimal check(BigDecimal d) {
        d = normalize(d);
        if (d.signum() == 0) return d;
        if (d.precision() > 38)
            throw new DynamoException.Validation("Attempting to store more than 38 significant digits in a Number");
        BigDecimal abs = d.abs();
        if (abs.compareTo(MAX) > 0)
            throw new DynamoException.Validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        if (abs.compareTo(MIN_POSITIVE) < 0)
            throw new DynamoException.Validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        return d;
    }

    static BigDecimal normalize(BigDecimal d) {
        if (d.signum() == 0) return BigDecimal.ZERO;
        return d.stripTrailingZeros();
    }

    /** Exact sum, then checked like a stored number. */
    static BigDecimal add(BigDecimal a, BigDecimal b) {
        return check(a.add(b, MathContext.UNLIMITED));
    }

    static String format(BigDecimal d) {
        if (d.signum() == 0) return "0";
        return d.toPlainString();
    }

    /** Size rule as documented: roughly one byte per two significant digits plus one. */
    static int size(BigDecimal d) {
        int p = d.signum() == 0 ? 1 : d.precision();
        return (p + 1) / 2 + 1;
    }
}
