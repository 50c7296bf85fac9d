package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.CampaignsErrors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-tap unsubscribe token carried by every message: {@code <payload>.<HMAC-SHA256>} where the payload names
 * tenant, member and campaign. Only Zhidian's key makes a valid one, and it withdraws only the member it names.
 */
public final class UnsubscribeLinks {
    public record Target(String tenantId, String memberId, String campaignId) {}

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private final byte[] key;

    public UnsubscribeLinks(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(String tenantId, String memberId, String campaignId) {
        String payload = ENC.encodeToString((tenantId + "|" + memberId + "|" + campaignId).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENC.encodeToString(mac(payload));
    }

    /** The target of a token signed here; anything else is {@link CampaignsErrors.BadUnsubscribeLink}. */
    public Target verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) throw new CampaignsErrors.BadUnsubscribeLink();
        String payload = token.substring(0, dot);
        byte[] given;
        String[] parts;
        try {
            given = DEC.decode(token.substring(dot + 1));
            parts = new String(DEC.decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw new CampaignsErrors.BadUnsubscribeLink();
        }
        if (!MessageDigest.isEqual(mac(payload), given) || parts.length != 3) throw new CampaignsErrors.BadUnsubscribeLink();
        return new Target(parts[0], parts[1], parts[2]);
    }

    /** One keyed Mac a thread (looking the algorithm up and keying it for every message showed in the delivery's profile). */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyed);

    private Mac keyed() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(String payload) {
        return macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8)); // doFinal leaves the Mac ready for the next
    }
}
