package com.zhidian.local.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading Cognito's request members and writing its user shape, as every operation does. */
final class Requests {
    private Requests() {}

    static void checkPool(PoolSettings pool, JsonNode req) {
        String id = text(req, "UserPoolId");
        if (id == null) throw CognitoException.invalidParameter("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
        if (!id.equals(pool.poolId())) {
            throw new CognitoException("ResourceNotFoundException", "User pool " + id + " does not exist.");
        }
    }

    static void checkClient(PoolSettings pool, JsonNode req) {
        String id = text(req, "ClientId");
        if (id == null) throw CognitoException.invalidParameter("1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null");
        if (!id.equals(pool.clientId())) {
            throw new CognitoException("ResourceNotFoundException", "User pool client " + id + " does not exist.");
        }
    }

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");

    /** A new user's name as the API reference constrains it: 1 to 128 of [\p{L}\p{M}\p{S}\p{N}\p{P}] (no spaces). */
    static String checkUsername(String username) {
        if (username == null) throw CognitoException.invalidParameter("1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");
        if (!USERNAME.matcher(username).matches()) {
            throw CognitoException.invalidParameter("1 validation error detected: Value at 'username' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+ and length 1 to 128");
        }
        return username;
    }

    /** The standard attributes Cognito checks the form of: phone_number (E.164, +digits) and email. */
    static void checkFormats(Map<String, String> attrs) {
        String phone = attrs.get("phone_number");
        if (phone != null && !phone.matches("\\+[0-9]{4,15}")) throw CognitoException.invalidParameter("Invalid phone number format.");
        String email = attrs.get("email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) throw CognitoException.invalidParameter("Invalid email address format.");
    }

    static User requireUser(UserStore users, PoolSettings pool, JsonNode req) {
        String username = text(req, "Username");
        if (username == null) throw CognitoException.invalidParameter("1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");
        return users.find(username, pool.signInAttributes()).orElseThrow(CognitoException::userNotFound);
    }

    static ObjectNode userJson(User u, String attributesField) {
        ObjectNode o = Json.object();
        o.put("Username", u.username);
        ArrayNode attrs = o.putArray(attributesField);
        u.attributes.forEach((k, v) -> attrs.addObject().put("Name", k).put("Value", v));
        o.put("UserCreateDate", u.createdMillis / 1000.0);
        o.put("UserLastModifiedDate", u.modifiedMillis / 1000.0);
        o.put("Enabled", u.enabled);
        o.put("UserStatus", u.status);
        return o;
    }

    static Map<String, String> attributes(JsonNode list) {
        Map<String, String> m = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(a -> {
                String name = a.path("Name").asText(null);
                if (name == null) throw CognitoException.invalidParameter("Attribute name is required");
                m.put(name, a.path("Value").asText(""));
            });
        }
        return m;
    }

    static Map<String, String> stringMap(JsonNode o) {
        Map<String, String> m = new LinkedHashMap<>();
        if (o != null && o.isObject()) o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    static String text(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
