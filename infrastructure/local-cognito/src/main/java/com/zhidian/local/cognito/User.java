package com.zhidian.local.cognito;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One user of the pool, as stored (mutable; guarded by the store's lock). */
public final class User {
    public String username;
    public Map<String, String> attributes = new LinkedHashMap<>();
    public String passwordHash;
    public String status;          // FORCE_CHANGE_PASSWORD | CONFIRMED | UNCONFIRMED
    /** The code SignUp / ResendConfirmationCode texted (UNCONFIRMED users), its end of life and the wrong tries. */
    public String confirmationCode;
    public long confirmationCodeExpiresMillis;
    public int confirmationTries;
    public boolean enabled = true;
    public long createdMillis;
    public long modifiedMillis;
    public List<String> refreshTokens = new ArrayList<>();
    /** The origin_jti of sign-ins that a global sign-out revoked: their access tokens are refused by GetUser. */
    public List<String> revokedOrigins = new ArrayList<>();

    public String sub() { return attributes.get("sub"); }
}
