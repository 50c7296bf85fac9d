package com.zhidian.local.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user pool's admin API: creating, reading, changing, disabling, deleting and listing users. */
final class CognitoAdmin {
    private final PoolSettings pool;
    private final UserStore users;

    CognitoAdmin(PoolSettings pool, UserStore users) {
        this.pool = pool;
        this.users = users;
    }

    JsonNode adminCreateUser(JsonNode req) {
        Requests.checkPool(pool, req);
        String username = Requests.checkUsername(Requests.text(req, "Username"));
        String messageAction = Requests.text(req, "MessageAction");
        if (messageAction != null && !messageAction.equals("RESEND") && !messageAction.equals("SUPPRESS")) {
            throw CognitoException.invalidParameter("1 validation error detected: Value '" + messageAction
                    + "' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]");
        }
        Map<String, String> attrs = Requests.attributes(req.get("UserAttributes"));
        checkAttributes(attrs);
        synchronized (users) {
            if ("RESEND".equals(messageAction)) {
                User u = Requests.requireUser(users, pool, req);
                return Json.object().set("User", Requests.userJson(u, "Attributes"));
            }
            String storedName = username;
            if (pool.usernameAttributes().contains("email")) {
                if (!username.contains("@") && !pool.usernameAttributes().contains("phone_number")) {
                    throw CognitoException.invalidParameter("Username should be an email.");
                }
                if (username.contains("@")) attrs.putIfAbsent("email", username);
                else attrs.putIfAbsent("phone_number", username);
            }
            for (String alias : pool.signInAttributes()) {
                String v = alias.equals("email") && username.contains("@") ? username : attrs.get(alias);
                if (v != null && users.find(v, List.of(alias)).isPresent()) {
                    throw new CognitoException("UsernameExistsException",
                            alias.equals("email") ? "An account with the given email already exists." : "An account with the given phone_number already exists.");
                }
            }
            if (users.find(username, List.of()).isPresent()) {
                throw new CognitoException("UsernameExistsException", "User account already exists");
            }
            String temp = Requests.text(req, "TemporaryPassword");
            if (temp != null) pool.passwordPolicy().check(temp);
            else temp = Passwords.temporary();
            String sub = UUID.randomUUID().toString();
            if (pool.usernameAttributes().contains("email") || pool.usernameAttributes().contains("phone_number")) storedName = sub;
            long now = System.currentTimeMillis();
            User u = new User();
            u.username = storedName;
            u.attributes.put("sub", sub);
            u.attributes.putAll(attrs);
            u.passwordHash = Passwords.hash(temp);
            u.status = "FORCE_CHANGE_PASSWORD";
            u.createdMillis = now;
            u.modifiedMillis = now;
            users.put(u);
            return Json.object().set("User", Requests.userJson(u, "Attributes"));
        }
    }

    private void checkAttributes(Map<String, String> attrs) {
        if (attrs.containsKey("sub")) throw CognitoException.invalidParameter("Cannot modify an already provided sub attribute");
        Requests.checkFormats(attrs);
        if (pool.customAttributes().isEmpty()) return;
        for (String name : attrs.keySet()) {
            if (name.startsWith("custom:") && !pool.customAttributes().contains(name)) {
                throw CognitoException.invalidParameter("Attributes did not conform to the schema: Type for attribute {" + name + "} could not be determined");
            }
        }
    }

    JsonNode adminGetUser(JsonNode req) {
        Requests.checkPool(pool, req);
        User u = Requests.requireUser(users, pool, req);
        synchronized (users) {
            return Requests.userJson(u, "UserAttributes");
        }
    }

    JsonNode adminSetUserPassword(JsonNode req) {
        Requests.checkPool(pool, req);
        User u = Requests.requireUser(users, pool, req);
        String password = Requests.text(req, "Password");
        pool.passwordPolicy().check(password);
        boolean permanent = req.path("Permanent").asBoolean(false);
        synchronized (users) {
            u.passwordHash = Passwords.hash(password);
            u.status = permanent ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
        }
        return Json.object();
    }

    JsonNode adminUpdateUserAttributes(JsonNode req) {
        Requests.checkPool(pool, req);
        User u = Requests.requireUser(users, pool, req);
        Map<String, String> attrs = Requests.attributes(req.get("UserAttributes"));
        checkAttributes(attrs);
        synchronized (users) {
            u.attributes.putAll(attrs);
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
        }
        return Json.object();
    }

    JsonNode adminDeleteUserAttributes(JsonNode req) {
        Requests.checkPool(pool, req);
        User u = Requests.requireUser(users, pool, req);
        synchronized (users) {
            req.path("UserAttributeNames").forEach(n -> { if (!n.asText().equals("sub")) u.attributes.remove(n.asText()); });
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
        }
        return Json.object();
    }

    JsonNode adminSetEnabled(JsonNode req, boolean enabled) {
        Requests.checkPool(pool, req);
        User u = Requests.requireUser(users, pool, req);
        synchronized (users) {
            u.enabled = enabled;
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
        }
        return Json.object();
    }

    JsonNode adminDeleteUser(JsonNode req) {
        Requests.checkPool(pool, req);
        User u = Requests.requireUser(users, pool, req);
        users.remove(u);
        return Json.object();
    }

    JsonNode adminGlobalSignOut(JsonNode req) {
        Requests.checkPool(pool, req);
        User u = Requests.requireUser(users, pool, req);
        synchronized (users) {
            // the sign-ins' access tokens are revoked too: GetUser answers "Access Token has been revoked"
            for (String t : u.refreshTokens) {
                TokenIssuer.Origin o = TokenIssuer.originOf(t);
                if (o != null && !u.revokedOrigins.contains(o.originJti())) u.revokedOrigins.add(o.originJti());
            }
            while (u.revokedOrigins.size() > 100) u.revokedOrigins.remove(0);
            u.refreshTokens.clear();
            users.save();
        }
        return Json.object();
    }

    private static final Pattern FILTER = Pattern.compile("^\\s*\"?([\\w:]+)\"?\\s*(=|\\^=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

    JsonNode listUsers(JsonNode req) {
        Requests.checkPool(pool, req);
        String filter = Requests.text(req, "Filter");
        int limit = req.has("Limit") ? req.get("Limit").asInt() : 60;
        if (limit < 0 || limit > 60) throw CognitoException.invalidParameter("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        if (limit == 0) limit = 60;
        String attrName = null, op = null, value = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches()) throw CognitoException.invalidParameter("Error while parsing filter.");
            attrName = m.group(1);
            op = m.group(2);
            value = m.group(3).replace("\\\"", "\"");
            if (!List.of("username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
                    "cognito:user_status", "status", "sub").contains(attrName)) {
                throw CognitoException.invalidParameter("Invalid search attribute: " + attrName);
            }
        }
        List<User> all;
        synchronized (users) {
            all = users.all();
        }
        all.sort(Comparator.comparingLong((User u) -> u.createdMillis).thenComparing(u -> u.username));
        List<User> matching = new ArrayList<>();
        for (User u : all) {
            if (attrName == null) {
                matching.add(u);
                continue;
            }
            String actual = switch (attrName) {
                case "username" -> u.username;
                case "cognito:user_status" -> u.status;
                case "status" -> u.enabled ? "Enabled" : "Disabled";
                default -> u.attributes.get(attrName);
            };
            if (actual == null) continue;
            boolean ok = op.equals("=") ? actual.equals(value) : actual.startsWith(value);
            if (ok) matching.add(u);
        }
        int start = 0;
        String token = Requests.text(req, "PaginationToken");
        if (token != null) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw CognitoException.invalidParameter("Invalid pagination token");
            }
        }
        List<String> only = new ArrayList<>();
        req.path("AttributesToGet").forEach(n -> only.add(n.asText()));
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("Users");
        int end = Math.min(matching.size(), start + limit);
        synchronized (users) {
            for (int i = start; i < end; i++) {
                ObjectNode uj = Requests.userJson(matching.get(i), "Attributes");
                if (!only.isEmpty()) {
                    ArrayNode filtered = Json.MAPPER.createArrayNode();
                    uj.path("Attributes").forEach(a -> { if (only.contains(a.path("Name").asText())) filtered.add(a); });
                    uj.set("Attributes", filtered);
                }
                arr.add(uj);
            }
        }
        if (end < matching.size()) {
            out.put("PaginationToken", Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    JsonNode describeUserPool(JsonNode req) {
        Requests.checkPool(pool, req);
        ObjectNode p = Json.object();
        p.put("Id", pool.poolId());
        p.put("Name", pool.poolId());
        p.put("Arn", "arn:aws:cognito-idp:cn-north-1:000000000000:userpool/" + pool.poolId());
        ArrayNode ua = p.putArray("UsernameAttributes");
        pool.usernameAttributes().forEach(ua::add);
        return Json.object().set("UserPool", p);
    }

}
